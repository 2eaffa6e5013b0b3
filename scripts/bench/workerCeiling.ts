// The engine's own speed in Chromium: the lab's worker, with no page drawing beside it, asked for
// the same stretches the lab asks for. Set beside the lab's speed at maximum, it says how much of
// the gap to the engine is the page's cost and how much is the engine's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { getBuiltInScenario } from '../../src/sim/index';
import { EVENTS_PER_REQUEST } from '../../src/worker/labProtocol';

export async function workerCeiling(page: Page, outDir: string, scenarioId: string, wallMs: number) {
  const asset = readdirSync(join(outDir, 'assets')).find((f) => f.startsWith('labWorker'));
  if (!asset) throw new Error(`no labWorker asset in ${outDir}/assets`);
  const scenario = getBuiltInScenario(scenarioId);
  // A string, not a function: tsx would add helpers the page does not have.
  const result = (await page.evaluate(`(async () => {
    const worker = new Worker('./assets/${asset}', { type: 'module' });
    const next = () => new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
    worker.postMessage({ type: 'load', runId: 1, scenario: ${JSON.stringify(scenario)}, seed: 1 });
    await next();
    const ask = () => worker.postMessage({ type: 'advance', runId: 1, untilMs: 1e15, maxEvents: ${EVENTS_PER_REQUEST} });
    ask(); await next(); // warm up
    const t0 = performance.now();
    let first = null;
    let last = null;
    while (performance.now() - t0 < ${wallMs}) {
      ask();
      last = await next();
      if (first === null) first = { simMs: last.frame.timeMs, wallMs: performance.now() };
    }
    worker.terminate();
    return (last.frame.timeMs - first.simMs) / (performance.now() - first.wallMs);
  })()`)) as number;
  return { scenario: scenarioId, simSecondsPerWallSecond: Number(result.toFixed(1)) };
}
