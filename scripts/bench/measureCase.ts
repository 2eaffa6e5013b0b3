// One case of `npm run bench:ui`: a fresh page at the case's viewport, with requests moving or
// not, plays one scenario at one speed through the lab's own controls; then the frame times
// (untraced) and the main thread's work per frame (traced) are measured over separate stretches.
import type { Browser, Page } from '@playwright/test';
import { mainThreadByKind, mainThreadMsPerFrame, quantile, round, type Trace } from './frameTrace';
import { chooseScenario } from './playCase';
import { reactCommitCounter } from './reactCommits';

export interface Case {
  readonly name: string;
  readonly scenario: string;
  readonly speed: string;
  /** Whether requests move on the picture (the "Moving requests" toggle); unset: the lab's default. */
  readonly motion?: boolean;
  readonly width: number;
  readonly height: number;
}

export interface Timing {
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Long enough for p95 to rest on ~25 frames, not ~12: one stray slow frame moves it less. */
  readonly traceMs: number;
}

/** The targets of issue 12's "Performance" section, judged on every case. */
export const TARGETS = { frameMsP95: 16.7, shareOver20Ms: 0.01, mainThreadMsPerFrameP95: 4 } as const;

/** The localStorage keys of src/view/traffic/motionSetting.ts and src/view/tour/firstVisitStorage.ts. */
const MOTION_KEY = 'faultline.motion';
const FIRST_VISIT_KEY = 'faultline.firstVisit.v1';

async function simTimeS(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  // The clock reads "t = 12.3 s", "t = 4:05" or "t = 1:02:03" past 1000 s.
  const body = text.replace(/^t = /, '').trim();
  if (body.endsWith(' s')) return Number.parseFloat(body);
  if (body.endsWith(' d')) return Number.parseFloat(body) * 86_400;
  return body.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
}

async function openCase(browser: Browser, url: string, c: Case): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: c.width, height: c.height } });
  const settings: Record<string, string> = { [FIRST_VISIT_KEY]: 'seen' };
  if (c.motion !== undefined) settings[MOTION_KEY] = c.motion ? 'on' : 'off';
  await context.addInitScript(
    `(() => { try { for (const [k, v] of Object.entries(${JSON.stringify(settings)})) localStorage.setItem(k, v); } catch {} })()`,
  );
  await context.addInitScript(reactCommitCounter());
  const page = await context.newPage();
  await page.goto(url);
  await chooseScenario(page, c.scenario);
  await page.locator('[data-node-id="app-1"]').waitFor();
  await page.getByLabel('Speed').selectOption(c.speed);
  await page.getByRole('button', { name: 'Play' }).click();
  return page;
}

/** Frame intervals (ms, ascending) and simulated seconds per wall second over `ms` of wall time. */
async function frameIntervals(page: Page, ms: number) {
  const t0 = await simTimeS(page);
  const commits0 = (await page.evaluate('window.__commits')) as number;
  await page.evaluate(`(() => {
    window.__frames = [];
    const loop = (t) => { window.__frames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await page.waitForTimeout(ms); // a benchmark measures wall time on purpose
  const stamps = (await page.evaluate('window.__frames')) as number[];
  const commits1 = (await page.evaluate('window.__commits')) as number;
  const t1 = await simTimeS(page);
  const intervals = stamps
    .slice(1)
    .map((t, i) => t - (stamps[i] as number))
    .sort((a, b) => a - b);
  return {
    intervals,
    simSecondsPerWallSecond: (t1 - t0) / (ms / 1000),
    reactCommitsPerSecond: (commits1 - commits0) / (ms / 1000),
  };
}

export async function measureCase(browser: Browser, url: string, c: Case, timing: Timing) {
  const page = await openCase(browser, url, c);
  await page.waitForTimeout(timing.warmupMs);
  // Frame times and simulation speed are measured without tracing, which slows every thread;
  // the main thread's work per frame is then measured over a separate traced stretch.
  const frames = await frameIntervals(page, timing.measureMs);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.waitForTimeout(timing.traceMs);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as Trace;
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.context().close();
  const perFrame = mainThreadMsPerFrame(trace);
  const work = perFrame.wall.sort((a, b) => a - b);
  const cpu = perFrame.cpu.sort((a, b) => a - b);
  const { intervals } = frames;
  const figures = {
    frameMsP95: round(quantile(intervals, 0.95)),
    shareOver20Ms: round(intervals.filter((x) => x > 20).length / Math.max(1, intervals.length), 4),
    mainThreadMsPerFrameP95: round(quantile(work, 0.95)),
  };
  return {
    case: c.name,
    viewport: `${c.width}x${c.height}`,
    motion: c.motion === undefined ? 'default' : c.motion ? 'on' : 'off',
    speed: `${c.speed}x`,
    frames: intervals.length,
    frameMsP50: round(quantile(intervals, 0.5)),
    ...figures,
    mainThreadMsPerFrameP50: round(quantile(work, 0.5)),
    mainThreadCpuMsPerFrameP95: round(quantile(cpu, 0.95)),
    /** The heaviest frames (a redraw of the whole picture comes about once a second: under 2% of frames). */
    mainThreadCpuMsPerFrameP99: round(quantile(cpu, 0.99)),
    /** The main thread's CPU time per second: steadier than the wall figures when other work shares the cores. */
    mainThreadCpuMsPerSecond: round(cpu.reduce((a, b) => a + b, 0) / Math.max(perFrame.spanS, 1e-9), 1),
    /** Where the main thread's time went, ms per second of the traced stretch. */
    mainThreadMsPerSecond: mainThreadByKind(trace, perFrame.spanS),
    reactCommitsPerSecond: round(frames.reactCommitsPerSecond, 1),
    simSecondsPerWallSecond: round(frames.simSecondsPerWallSecond, 1),
    met: {
      frameMsP95: figures.frameMsP95 <= TARGETS.frameMsP95,
      shareOver20Ms: figures.shareOver20Ms < TARGETS.shareOver20Ms,
      mainThreadMsPerFrameP95: figures.mainThreadMsPerFrameP95 <= TARGETS.mainThreadMsPerFrameP95,
    },
  };
}
