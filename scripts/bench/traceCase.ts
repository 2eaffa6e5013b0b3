// `npx tsx scripts/bench/traceCase.ts <scenario> <speed> <out.json>`: plays one case of bench:ui
// (see playCase.ts) and saves the renderer's trace, to see where the main thread's time goes.
// TRACE_CSS adds a style sheet first (say, to hide a panel and see what it costs). A diagnostic
// aid, not a benchmark.
import { writeFileSync } from 'node:fs';
import { playCase } from './playCase';

async function main(): Promise<void> {
  const [scenario = 'large', speed = '1000', out = 'trace.json'] = process.argv.slice(2);
  const { browser, page } = await playCase(scenario, speed, process.env.TRACE_CSS);
  await page.waitForTimeout(3000);
  await browser.startTracing(page, {
    // TRACE_INVALIDATIONS=1 also records what each change invalidated (it slows every frame a lot).
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      ...(process.env.TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
      // TRACE_CATEGORIES=blink,cc adds more (say, to see what fills a gap between Layout and Paint).
      ...(process.env.TRACE_CATEGORIES?.split(',') ?? []),
    ],
  });
  await page.waitForTimeout(4000);
  writeFileSync(out, await browser.stopTracing());
  await browser.close();
}

void main();
