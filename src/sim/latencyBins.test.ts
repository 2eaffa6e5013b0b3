// Percentiles of all requests, failures counted as slowest, against a brute-force sort: from one
// window's bins, from several windows merged, and the cumulative p99 the simulation reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Histogram, QUANTILES } from './histogram';
import { binsQuantileWithFailures, latencyBinsOf, mergeLatencyBins, quantileWithFailures } from './latencyBins';
import { Metrics } from './metrics';

/** Half a coarse bin (4/128 of a power of two) relative to the smallest value in it. */
const MAX_RELATIVE_ERROR = 2 / 128;

// Values 10% apart, so a rank off by one is never within the tolerance.
const spaced = fc.integer({ min: 0, max: 150 }).map((k) => 1.1 ** k);
const latency = fc.oneof(
  spaced,
  fc.double({ min: -2, max: 5, noNaN: true }).map((e) => 10 ** e),
  fc.double({ min: 1e-6, max: 1, noNaN: true }).map((u) => Math.min(1e5, u ** (-1 / 1.1))),
);
const windowSamples = fc.oneof(fc.array(latency, { maxLength: 400 }), fc.array(spaced, { maxLength: 150 }));
const failures = fc.nat(60);
const quantile = fc.constantFrom(...QUANTILES, 0.01, 0.9, 1);

function filled(values: readonly number[]): Histogram {
  const h = new Histogram();
  for (const v of values) h.record(v);
  return h;
}

/** The exact nearest-rank percentile with `failed` requests appended as infinitely slow. */
function bruteForce(values: readonly number[], failed: number, q: number): number | null {
  const all = [...values].sort((a, b) => a - b);
  for (let i = 0; i < failed; i++) all.push(Number.POSITIVE_INFINITY);
  if (all.length === 0) return null;
  return all[Math.max(1, Math.ceil(q * all.length)) - 1] as number;
}

function expectClose(got: number | null, exact: number | null, what: string): void {
  if (exact === null || exact === Number.POSITIVE_INFINITY) {
    expect(got, what).toBe(exact);
    return;
  }
  expect(got, what).not.toBeNull();
  expect(Math.abs((got as number) - exact) / exact, `${what}: got ${got}, exact ${exact}`).toBeLessThanOrEqual(
    MAX_RELATIVE_ERROR,
  );
}

describe('quantileWithFailures', () => {
  it('matches a sort of the successes and the failures (as slowest) over merged windows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(windowSamples, failures), { minLength: 1, maxLength: 12 }), quantile, (ws, q) => {
        const merged = mergeLatencyBins(ws.map(([values]) => latencyBinsOf(filled(values))));
        const failed = ws.reduce((a, [, f]) => a + f, 0);
        const values = ws.flatMap(([v]) => v);
        expectClose(quantileWithFailures(merged, failed, q), bruteForce(values, failed, q), `q=${q}`);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the bins of one window without merging, the same as merged', () => {
    fc.assert(
      fc.property(windowSamples, failures, quantile, (values, failed, q) => {
        const bins = latencyBinsOf(filled(values));
        expect(binsQuantileWithFailures(bins, failed, q)).toBe(
          quantileWithFailures(mergeLatencyBins([bins]), failed, q),
        );
        expectClose(binsQuantileWithFailures(bins, failed, q), bruteForce(values, failed, q), `q=${q}`);
      }),
      { numRuns: 300 },
    );
  });

  it('says a failure once more than 1% failed, and never while 1% or fewer did', () => {
    const merged = mergeLatencyBins([latencyBinsOf(filled(Array.from({ length: 990 }, (_, i) => 1 + i)))]);
    expect(quantileWithFailures(merged, 10, 0.99)).toBeLessThan(1000);
    expect(quantileWithFailures(merged, 11, 0.99)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is null when nothing finished and a failure when nothing succeeded', () => {
    expect(quantileWithFailures(mergeLatencyBins([]), 0, 0.99)).toBeNull();
    expect(quantileWithFailures(mergeLatencyBins([undefined]), 3, 0.5)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps the bins compact: only non-empty bins, lowest first', () => {
    const bins = latencyBinsOf(filled([5, 5.01, 100, 2000]));
    expect(bins.length).toBe(6);
    expect(bins.filter((_, i) => i % 2 === 1)).toEqual([2, 1, 1]);
    expect(bins[0]).toBeLessThan(bins[2] as number);
  });
});

describe('Metrics latencyMsP99All', () => {
  it('matches a sort of every finished request, failures slowest', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(latency, { maxLength: 2000 }), fc.array(spaced, { maxLength: 300 })),
        fc.nat(40),
        (values, failed) => {
          const metrics = new Metrics({ availability: 0.999, latencyMsP99: 100 });
          for (const v of values) metrics.succeeded(v);
          for (let i = 0; i < failed; i++) metrics.failed();
          const reported = metrics.cumulative(1000, 0).latencyMsP99All;
          const exact = bruteForce(values, failed, 0.99);
          if (exact === null) expect(reported).toBe(0);
          else if (exact === Number.POSITIVE_INFINITY) expect(reported).toBeNull();
          else expect(Math.abs((reported as number) - exact) / exact).toBeLessThanOrEqual(0.004);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives each closed window its bins', () => {
    const metrics = new Metrics({ availability: 0.999, latencyMsP99: 100 });
    metrics.succeeded(12);
    metrics.succeeded(40);
    metrics.closeWindow(1000);
    const bins = metrics.lastWindow()?.latencyBins ?? [];
    expect(bins.filter((_, i) => i % 2 === 1)).toEqual([1, 1]);
  });
});
