// `npm run bench:ui`: how smoothly the lab draws, measured in headless Chromium, printed as JSON.
// For each case it plays the lab through its own controls, records every animation frame's
// timestamp, and traces the renderer's main thread to get the main thread's own work per frame.
// Also prints the simulated seconds per wall second reached, the same for the worker alone (no page
// drawing), and the initial JavaScript size.
// Not a test: nothing here asserts a time.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { workerCeiling } from './bench/workerCeiling';

/** `--port N` serves on another port (say, while something else uses 4180). */
const portArg = process.argv.indexOf('--port');
const PORT = portArg > 0 ? Number(process.argv[portArg + 1]) : 4180;
/** `--out-dir DIR` builds and serves a private copy (say, while someone else rebuilds dist). */
const outDirArg = process.argv.indexOf('--out-dir');
const OUT_DIR = outDirArg > 0 ? (process.argv[outDirArg + 1] as string) : 'dist';
const URL = `http://localhost:${PORT}/`;
const MEASURE_MS = 8000;
const WARMUP_MS = 2000;
/** Long enough for p95 to rest on ~25 frames, not ~12: one stray slow frame moves it less. */
const TRACE_MS = 8000;

interface Case {
  readonly name: string;
  readonly scenario: string;
  readonly speed: string;
}

const CASES: readonly Case[] = [
  { name: 'default at 1x', scenario: 'default', speed: '1' },
  { name: 'large (500 nodes, 10,000 req/s) at 1x', scenario: 'large', speed: '1' },
  { name: 'large at maximum speed (1000x)', scenario: 'large', speed: '1000' },
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(URL);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start on ${URL}`);
}

function initialJsGzipBytes(): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(OUT_DIR, f))).length, 0);
  return { files, gzipBytes };
}

async function simTimeS(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  return Number.parseFloat(text.replace(/[^0-9.]/g, ''));
}

type TraceEvent = {
  name: string;
  ph: string;
  dur?: number;
  /** The thread's CPU time in the event, µs: dur less the time the thread waited or was not scheduled. */
  tdur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: { name?: string };
};

/**
 * The renderer main thread's own work per frame: top-level tasks (RunTask) grouped by the frame
 * they ran in, frames being delimited by the compositor commits Chromium records for each frame.
 * `wall` is the tasks' elapsed time, the judged figure; `cpu` is the main thread's CPU time in
 * them, which leaves out the time it sat blocked (mostly in Commit, waiting for the compositor and
 * raster threads, which on two cores compete with a busy worker) or was not scheduled.
 */
function mainThreadMsPerFrame(trace: { traceEvents: TraceEvent[] }): { wall: number[]; cpu: number[] } {
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return { wall: [], cpu: [] };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const commits = onMain
    .filter((e) => e.name === 'Commit')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  if (commits.length < 2) throw new Error('the trace has no frame commits: cannot split main-thread work by frame');
  const tasks = onMain
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const wall = new Array<number>(Math.max(0, commits.length - 1)).fill(0);
  const cpu = [...wall];
  let frame = 0;
  for (const t of tasks) {
    while (frame < commits.length - 1 && t.ts >= (commits[frame + 1] as number)) frame++;
    if (t.ts < (commits[0] as number) || frame >= wall.length) continue;
    wall[frame] = (wall[frame] as number) + (t.dur ?? 0) / 1000;
    cpu[frame] = (cpu[frame] as number) + (t.tdur ?? t.dur ?? 0) / 1000;
  }
  return { wall, cpu };
}

async function measure(page: Page, c: Case) {
  await page.goto(URL);
  await page.getByLabel('Scenario').selectOption(c.scenario);
  await page.locator('[data-node-id="app-1"]').waitFor();
  await page.getByLabel('Speed').selectOption(c.speed);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(WARMUP_MS); // a benchmark measures wall time on purpose
  // Frame times and simulation speed are measured without tracing, which slows every thread;
  // the main thread's work per frame is then measured over a shorter traced stretch.
  const t0 = await simTimeS(page);
  await page.evaluate(`(() => {
    window.__frames = [];
    const loop = (t) => { window.__frames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await page.waitForTimeout(MEASURE_MS);
  const stamps = (await page.evaluate('window.__frames')) as number[];
  const t1 = await simTimeS(page);
  const browser = page.context().browser();
  await browser?.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.waitForTimeout(TRACE_MS);
  const traceBuffer = await browser?.stopTracing();
  await page.getByRole('button', { name: 'Pause' }).click();
  const intervals = stamps
    .slice(1)
    .map((t, i) => t - (stamps[i] as number))
    .sort((a, b) => a - b);
  const perFrame = traceBuffer ? mainThreadMsPerFrame(JSON.parse(traceBuffer.toString('utf8'))) : { wall: [], cpu: [] };
  const work = perFrame.wall.sort((a, b) => a - b);
  const cpu = perFrame.cpu.sort((a, b) => a - b);
  return {
    case: c.name,
    frames: intervals.length,
    frameMsP50: Number(quantile(intervals, 0.5).toFixed(2)),
    frameMsP95: Number(quantile(intervals, 0.95).toFixed(2)),
    shareOver20Ms: Number((intervals.filter((x) => x > 20).length / Math.max(1, intervals.length)).toFixed(4)),
    mainThreadMsPerFrameP50: Number(quantile(work, 0.5).toFixed(2)),
    mainThreadMsPerFrameP95: Number(quantile(work, 0.95).toFixed(2)),
    mainThreadCpuMsPerFrameP95: Number(quantile(cpu, 0.95).toFixed(2)),
    simSecondsPerWallSecond: Number(((t1 - t0) / (MEASURE_MS / 1000)).toFixed(1)),
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(OUT_DIR, 'index.html')) || process.argv.includes('--build'))
    execSync(`npx tsc -b && npx vite build --outDir ${OUT_DIR} --emptyOutDir`, { stdio: 'inherit' });
  // Vite itself, not through npx: killing npx would leave the server running on the port.
  const server: ChildProcess = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  // If the port is taken, the server exits at once: fail rather than measure someone else's build.
  const exited = new Promise<never>((_, reject) =>
    server.on('exit', () => reject(new Error(`preview server on port ${PORT} exited`))),
  );
  exited.catch(() => undefined); // the kill at the end rejects it too, harmlessly
  try {
    await Promise.race([waitForServer(), exited]);
    const browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const results = [];
    for (const c of CASES) results.push(await measure(page, c));
    await page.goto(URL);
    const engineAlone = await workerCeiling(page, OUT_DIR, 'large', 6000);
    await browser.close();
    const js = initialJsGzipBytes();
    console.log(
      JSON.stringify(
        {
          chromium: browser.version(),
          viewport: '1920x1080',
          measureMs: MEASURE_MS,
          results,
          /** The lab's worker flat out with no page drawing: the ceiling for the case at maximum speed. */
          engineAloneInWorker: engineAlone,
          initialJs: { files: js.files, gzipKB: Number((js.gzipBytes / 1024).toFixed(1)) },
          assets: readdirSync(join(OUT_DIR, 'assets')),
          targets: {
            frameMsP95: 16.7,
            shareOver20Ms: 0.01,
            mainThreadMsPerFrameP95: 4,
            simSecondsPerWallSecondAtMax: 50,
            initialJsGzipKB: 300,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui failed: ${(error as Error).message}`);
  process.exit(1);
});
