// The headline's judged figures over one window: availability, the error budget and the latency
// target read the same requests, a target is never met while many requests fail, and the whole
// run comes from the cumulative counters (not the bounded list of windows).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Frame, type Scenario, type WindowMetrics } from '../sim/index';
import { figureWindowOf, createFigureWindowChoice } from './figureWindow';
import { headlineOf } from './selectors';
import { lastWindowsFigures, p99AllOf, wholeRunFigures } from './windowFigures';

const LAST_10 = figureWindowOf('last-10');
const LAST_60 = figureWindowOf('last-60');
const WHOLE = figureWindowOf('whole');
const SLO = { availability: 0.999, latencyMsP99: 200 };

/** A run of the default scenario, with three of four app servers crashed at 5 s when `crash`. */
function run(seconds: number, crash: boolean): { frame: Frame; windows: readonly WindowMetrics[] } {
  const sim = createSimulation(getBuiltInScenario('default') as Scenario, 1);
  sim.runUntil(5000);
  if (crash) for (const id of ['app-1', 'app-2', 'app-3']) sim.apply({ type: 'crashNode', nodeId: id });
  sim.runUntil(seconds * 1000);
  return { frame: sim.frame(0, -1, 0), windows: sim.snapshot().windows };
}

const healthy = run(20, false);
const broken = run(12, true);

describe('the figures over one window', () => {
  it('agree: the budget is exhausted exactly when availability misses', () => {
    const windowOf = (succeeded: number, failed: number, i: number): WindowMetrics => ({
      ...(healthy.windows[0] as WindowMetrics),
      startMs: i * 1000,
      endMs: (i + 1) * 1000,
      succeeded,
      failed,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2000), fc.nat(5)), { minLength: 1, maxLength: 70 }),
        fc.constantFrom(0.9, 0.99, 0.999, 0.9999, 1),
        (counts, availability) => {
          const windows = counts.map(([s, f], i) => windowOf(s, f, i));
          for (const window of [LAST_10, LAST_60]) {
            const f = lastWindowsFigures(windows, window, { ...SLO, availability });
            if (!f.availabilityMet) expect(f.budgetExhausted).toBe(true);
            if (f.budgetExhausted && f.failed > 0) expect(f.budgetUsed).toBeGreaterThanOrEqual(1);
            expect(f.availabilityMet).toBe(f.availability >= availability || f.budgetUsed <= 1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never shows the latency target met while most requests fail', () => {
    const f = lastWindowsFigures(broken.windows, LAST_10, SLO);
    expect(f.availability).toBeLessThan(0.9);
    expect(f.availabilityMet).toBe(false);
    expect(f.budgetExhausted).toBe(true);
    expect(f.p99AllMs).toBe(Number.POSITIVE_INFINITY);
    expect(f.p99Met).toBe(false);
    const whole = wholeRunFigures(broken.frame, WHOLE, SLO);
    expect(whole.p99Met).toBe(false);
    expect(whole.budgetExhausted).toBe(true);
  });

  it('reads a healthy run as met, with p99 of all requests close to that of the successes', () => {
    const f = lastWindowsFigures(healthy.windows, LAST_10, SLO);
    expect(f.failed).toBe(0);
    expect(f.availabilityMet).toBe(true);
    expect(f.budgetExhausted).toBe(false);
    expect(f.p99Met).toBe(true);
    expect(f.latencyMs).not.toBeNull();
    expect(Math.abs((f.p99AllMs as number) - (f.latencyMs?.p99 as number))).toBeLessThan(1e-9);
  });

  it('merges the last N windows: with one window it matches that window within the bin width', () => {
    const last = healthy.windows.at(-1) as WindowMetrics;
    const one = lastWindowsFigures([last], LAST_10, SLO);
    for (const key of ['p50', 'p95', 'p99'] as const) {
      expect(Math.abs((one.latencyMs?.[key] as number) / last.latencyMs[key] - 1)).toBeLessThan(0.02);
    }
    expect(one.seconds).toBe(1);
    expect(lastWindowsFigures(healthy.windows, LAST_10, SLO).seconds).toBe(10);
    expect(lastWindowsFigures(healthy.windows, LAST_60, SLO).seconds).toBe(20);
  });

  it('takes the whole run from the cumulative counters, not the windows', () => {
    const f = wholeRunFigures(broken.frame, WHOLE, SLO);
    const c = broken.frame.cumulative;
    expect(f.succeeded).toBe(c.succeeded);
    expect(f.failed).toBe(c.failed);
    expect(f.availability).toBeCloseTo(c.availability, 12);
    expect(f.label).toBe('whole run');
    // The same frame with no windows at all (as if they had scrolled out) reads the same.
    expect(headlineOf(broken.frame, [], SLO, WHOLE)?.failed).toBe(c.failed);
  });

  it('reads one window’s p99 of all requests, a failure when more than 1% failed', () => {
    expect(p99AllOf(broken.windows.at(-1) as WindowMetrics)).toBe(Number.POSITIVE_INFINITY);
    const ok = healthy.windows.at(-1) as WindowMetrics;
    expect(Math.abs((p99AllOf(ok) as number) / ok.latencyMs.p99 - 1)).toBeLessThan(0.02);
    const { latencyBins: _, ...handMade } = ok;
    expect(p99AllOf({ ...handMade, failed: 0 })).toBe(ok.latencyMs.p99);
    expect(p99AllOf({ ...handMade, failed: ok.succeeded })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('the window choice', () => {
  it('starts at the last 10 s and tells its listeners of a change, once', () => {
    const choice = createFigureWindowChoice();
    expect(choice.get()).toBe('last-10');
    let heard = 0;
    const stop = choice.subscribe(() => heard++);
    choice.set('whole');
    choice.set('whole');
    expect(choice.get()).toBe('whole');
    expect(heard).toBe(1);
    stop();
    choice.set('last-60');
    expect(heard).toBe(1);
  });
});
