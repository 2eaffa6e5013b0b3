// `npm run bench:ui`: how smoothly the lab draws, measured in headless Chromium, printed as JSON.
// Each case plays the lab through its own controls at its own viewport, with requests moving or
// not, records every animation frame's timestamp, and traces the renderer's main thread to get
// its own work per frame (see bench/measureCase.ts). Also prints the simulated seconds per wall
// second reached, the same for the worker alone (no page drawing), and the initial JavaScript size.
// Not a test: nothing here asserts a time; `met` says whether each of issue 12's targets held.
//
// Options: --port N (default 4180), --out-dir DIR (a private build, default dist), --build (build
// first even if DIR has one), --only TEXT (just the cases whose name contains TEXT).
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { measureCase, TARGETS, type Case, type Timing } from './bench/measureCase';
import { workerCeiling } from './bench/workerCeiling';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const PORT = Number(option('--port') ?? 4180);
const OUT_DIR = option('--out-dir') ?? 'dist';
const ONLY = option('--only');
const URL = `http://localhost:${PORT}/`;
const TIMING: Timing = { warmupMs: 2000, measureMs: 8000, traceMs: 8000 };
const INITIAL_JS_TARGET_KB = 300;
const MAX_SPEED = '1000';

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

/** The large scenario (500 nodes, 10,000 req/s) moving and still, at 1x and flat out, at both sizes; and the default at 1x. */
function allCases(): Case[] {
  const cases: Case[] = [
    { name: 'default, 1x, 1920x1080', scenario: 'default', speed: '1', width: 1920, height: 1080 },
  ];
  for (const { width, height } of VIEWPORTS)
    for (const speed of ['1', MAX_SPEED])
      for (const motion of [true, false])
        cases.push({
          name: `large, ${speed}x, motion ${motion ? 'on' : 'off'}, ${width}x${height}`,
          scenario: 'large',
          speed,
          motion,
          width,
          height,
        });
  return cases;
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

function initialJs() {
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(OUT_DIR, f))).length, 0);
  const gzipKB = Number((gzipBytes / 1024).toFixed(1));
  return { files, gzipKB, target: INITIAL_JS_TARGET_KB, met: gzipKB < INITIAL_JS_TARGET_KB };
}

/** The preview server; if the port is taken it exits at once, and `exited` rejects rather than measure someone else's build. */
function startServer(): { server: ChildProcess; exited: Promise<never> } {
  // Vite itself, not through npx: killing npx would leave the server running on the port.
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<never>((_, reject) =>
    server.on('exit', () => reject(new Error(`preview server on port ${PORT} exited`))),
  );
  exited.catch(() => undefined); // the kill at the end rejects it too, harmlessly
  return { server, exited };
}

async function main(): Promise<void> {
  if (!existsSync(join(OUT_DIR, 'index.html')) || process.argv.includes('--build'))
    execSync(`npx tsc -b && npx vite build --outDir ${OUT_DIR} --emptyOutDir`, { stdio: 'inherit' });
  const { server, exited } = startServer();
  try {
    await Promise.race([waitForServer(), exited]);
    const browser = await chromium.launch(chromiumLaunchOptions);
    const cases = allCases().filter((c) => !ONLY || c.name.includes(ONLY));
    const results = [];
    for (const c of cases) results.push(await measureCase(browser, URL, c, TIMING));
    const page = await browser.newPage();
    await page.goto(URL);
    const engineAlone = ONLY ? null : await workerCeiling(page, OUT_DIR, 'large', 6000);
    await browser.close();
    const js = initialJs();
    const allMet = results.every((r) => Object.values(r.met).every(Boolean)) && js.met;
    console.log(
      JSON.stringify(
        {
          chromium: browser.version(),
          timing: TIMING,
          targets: { ...TARGETS, initialJsGzipKB: INITIAL_JS_TARGET_KB },
          allMet,
          results,
          /** The lab's worker flat out with no page drawing: the ceiling for the cases at maximum speed. */
          engineAloneInWorker: engineAlone,
          initialJs: js,
          assets: readdirSync(join(OUT_DIR, 'assets')),
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
