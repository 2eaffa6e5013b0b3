import { describe, expect, it } from 'vitest';
import type { WindowMetrics } from '../../sim/index';
import {
  availabilityDomain,
  latencyDomain,
  latencyPoints,
  logTicks,
  percentDecimals,
  serverWorkPoints,
  throughputOf,
  timeDomain,
  visibleWindows,
} from './chartData';
import { barsOf, coarsen, compareInWords, histogramDomain, mergeFactor } from './histogramData';

function windowAt(second: number, over: Partial<WindowMetrics> = {}): WindowMetrics {
  return {
    startMs: (second - 1) * 1000,
    endMs: second * 1000,
    offered: 100,
    attempts: 100,
    succeeded: 98,
    failed: 2,
    rejected: 0,
    timedOut: 0,
    offeredRps: 100,
    servedRps: 98,
    storageRps: 300,
    worked: 100,
    serverWorkMs: 10,
    availability: 0.98,
    latencyMs: { count: 98, mean: 12, p50: 10, p95: 20, p99: 30, p999: 50, max: 60 },
    ...over,
  };
}

const run = (seconds: number) => Array.from({ length: seconds }, (_, i) => windowAt(i + 1));

describe('time domain', () => {
  it('starts at 0 and keeps the span wide before a full span has run', () => {
    expect(timeDomain(run(5), 120)).toEqual({ startS: 0, endS: 120 });
    expect(timeDomain([], 30)).toEqual({ startS: 0, endS: 30 });
    // Looking back at a moment mid-second: the window reaches it, so the playhead is inside.
    expect(timeDomain(run(200), 120, 200.5)).toEqual({ startS: 80.5, endS: 200.5 });
  });
  it('follows the newest window afterwards and shows only windows inside it', () => {
    const windows = run(200);
    const domain = timeDomain(windows, 120);
    expect(domain).toEqual({ startS: 80, endS: 200 });
    const shown = visibleWindows(windows, domain);
    expect(shown).toHaveLength(120);
    expect(shown[0]?.endMs).toBe(81_000);
  });
});

describe('series', () => {
  it('leaves a gap where no request finished', () => {
    const windows = [
      windowAt(1),
      windowAt(2, { latencyMs: { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, p999: 0, max: 0 } }),
    ];
    expect(latencyPoints(windows, 'p99').map((p) => p.y)).toEqual([30, null]);
  });
  it('reports failures per second', () => {
    expect(throughputOf(windowAt(1, { failed: 6, startMs: 0, endMs: 2000 }), 'errors')).toBe(3);
  });
});

describe('y domains and ticks', () => {
  it('covers the data and the p99 target in whole decades', () => {
    expect(latencyDomain(run(3), 200)).toEqual([1, 1000]);
    expect(latencyDomain([], 200)).toEqual([100, 1000]);
    // The servers' own work time can sit below every percentile: the axis reaches down to it,
    // but one decade at most below where the percentiles alone would put it.
    expect(latencyDomain([windowAt(1, { serverWorkMs: 0.5 })], 200)[0]).toBeLessThanOrEqual(0.5);
    expect(latencyDomain([windowAt(1, { serverWorkMs: 0.001 })], 200)[0]).toBe(0.1);
  });
  it('puts 1-2-5 ticks on short log ranges and fewer on long ones', () => {
    expect(logTicks([1, 100])).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks([1, 100], 5)).toEqual([1, 3, 10, 30, 100]);
    expect(logTicks([1, 10_000], 5)).toEqual([1, 10, 100, 1000, 10_000]);
    expect(logTicks([0.1, 1e5], 5)).toEqual([0.1, 10, 1000, 100_000]);
  });
  it('shows the SLO with room below it and reaches down to the worst window', () => {
    const [lo, hi] = availabilityDomain([windowAt(1, { availability: 1 })], 0.999);
    expect(lo).toBeCloseTo(0.995);
    expect(hi).toBe(1);
    expect(availabilityDomain([windowAt(1, { availability: 0.4 })], 0.999)[0]).toBe(0.4);
  });
  it('chooses percent decimals from the tick step', () => {
    expect(percentDecimals(0.1)).toBe(0);
    expect(percentDecimals(0.001)).toBe(1);
    expect(percentDecimals(0.0005)).toBe(2);
  });
});

describe('latency histogram bars', () => {
  it('trims empty ends and derives lower bounds from the previous bin', () => {
    const bars = barsOf([
      [1, 0],
      [2, 5],
      [4, 0],
      [8, 3],
      [16, 0],
    ]);
    expect(bars).toEqual([
      { lowerMs: 1, upperMs: 2, count: 5 },
      { lowerMs: 2, upperMs: 4, count: 0 },
      { lowerMs: 4, upperMs: 8, count: 3 },
    ]);
    expect(coarsen(bars, 2)).toEqual([
      { lowerMs: 1, upperMs: 4, count: 5 },
      { lowerMs: 4, upperMs: 8, count: 3 },
    ]);
  });
  it('merges bars only when they would be too thin', () => {
    expect(mergeFactor(50, 500, 4)).toBe(1);
    expect(mergeFactor(400, 500, 4)).toBe(4);
  });
  it('pads the x range to 1-2-5 steps around bars and markers', () => {
    expect(histogramDomain([{ lowerMs: 3, upperMs: 40, count: 1 }], [60])).toEqual([2, 100]);
  });
});

describe('compareInWords', () => {
  it('says how far the mean and p99 are from the median', () => {
    expect(compareInWords({ count: 10, mean: 12.9, p50: 11.9, p95: 20, p99: 30.6, p999: 50, max: 60 })).toBe(
      'The mean (12.9 ms) is 8% above the median (11.9 ms); the p99 (30.6 ms) is 2.6× the median.',
    );
  });

  it('says a far tail as a multiple, never as a percentage in the thousands', () => {
    const text = compareInWords({ count: 10, mean: 40, p50: 10, p95: 80, p99: 119.3, p999: 200, max: 300 });
    expect(text).toBe('The mean (40.0 ms) is 4.0× the median (10.0 ms); the p99 (119 ms) is 12× the median.');
    expect(text).not.toMatch(/\d{3,}%/);
  });
});

describe('server work points', () => {
  it("plot the servers' mean work time, and nothing for a second with no finished work", () => {
    expect(serverWorkPoints([windowAt(1), windowAt(2, { worked: 0, serverWorkMs: 0 })])).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: null },
    ]);
  });
});
