// A host hears only complete seconds: mid-second, before the first second closes, and in a second
// where nothing succeeded, the summary says so instead of reporting a latency of 0.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../../sim/index';
import { summaryOf } from './hostSummary';

const scenario = getBuiltInScenario('default') as Scenario;

function summaryAt(ms: number, setup?: (sim: ReturnType<typeof createSimulation>) => void) {
  const sim = createSimulation(scenario, 4);
  setup?.(sim);
  sim.runUntil(ms);
  const frame = sim.frame(0, -1, 0);
  return summaryOf({ frame, windows: frame.newWindows });
}

describe('the metrics summary sent to a host page', () => {
  it('reports no window figures before the first second has closed', () => {
    const summary = summaryAt(600);
    expect(summary).toMatchObject({ timeMs: 600, window: null, availability: null, latencyMsP50: null });
  });

  it('mid-second, reports the last complete second, and names it', () => {
    const summary = summaryAt(2500);
    expect(summary?.window).toEqual({ startMs: 1000, endMs: 2000 });
    expect(summary?.latencyMsP50).toBeGreaterThan(0);
    expect(summary?.latencyMsP99).toBeGreaterThanOrEqual(summary?.latencyMsP50 ?? Infinity);
  });

  it('gives no latency for a second in which nothing succeeded', () => {
    const summary = summaryAt(20_500, (sim) => sim.apply({ type: 'crashNode', nodeId: 'lb' }));
    expect(summary?.availability).toBeLessThan(1);
    expect(summary?.latencyMsP50).toBeNull();
  });
});
