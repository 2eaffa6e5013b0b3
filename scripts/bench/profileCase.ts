// `npx tsx scripts/bench/profileCase.ts <scenario> <speed>`: plays one case (see playCase.ts) and
// prints the page's hottest functions, by self and by inclusive time, from V8's sampling
// profiler. A diagnostic aid, not a benchmark.
import { playCase } from './playCase';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
};

async function main(): Promise<void> {
  const [scenario = 'large', speed = '1000'] = process.argv.slice(2);
  const { browser, page } = await playCase(scenario, speed);
  await page.waitForTimeout(2000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const commits0 = (await page.evaluate('window.__commits')) as number;
  await cdp.send('Profiler.start');
  await page.waitForTimeout(5000);
  const commits = ((await page.evaluate('window.__commits')) as number) - commits0;
  console.log(`React commits per second: ${(commits / 5).toFixed(1)}`);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, ms] of top) console.log(`${ms.toFixed(1)}ms ${k}`);
  // Inclusive time: each sample counts once for every function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (ProfileNode & { children?: number[] })[])
    for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName || '(anon)';
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      seen.add(name);
    }
  });
  // PROFILE_FOCUS=name: inclusive time of each function only in the stacks that pass through it.
  const focus = process.env.PROFILE_FOCUS;
  if (focus) {
    const within = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const stack: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
        stack.push(byId.get(at)?.callFrame.functionName || '(anon)');
      const at = stack.indexOf(focus);
      if (at < 0) return;
      for (const name of new Set(stack.slice(0, at + 1)))
        within.set(name, (within.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log(`--- within ${focus}`);
    for (const [k, ms] of [...within.entries()].sort((a, b) => b[1] - a[1]).slice(0, 50))
      console.log(`${ms.toFixed(1)}ms ${k}`);
  }
  console.log('--- inclusive');
  for (const [k, ms] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60))
    console.log(`${ms.toFixed(1)}ms ${k}`);
  await browser.close();
}

void main();
