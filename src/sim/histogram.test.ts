// The latency histogram against exact sample statistics: percentiles within the documented
// 0.4% of the exact nearest-rank value, exact mean, and sane behaviour at the edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, Histogram, QUANTILES, bucketMiddle, bucketOf } from './histogram';
import { Rng } from './random';

/** The documented bound: half a bucket of 1/128 of a power of two, 0.39%. */
const MAX_RELATIVE_ERROR = 0.004;

const logUniform = fc.double({ min: -3, max: 6, noNaN: true }).map((e) => 10 ** e);
const uniform = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
// Pareto with shape 1.1 from 1 ms: most values small, a few up to the 1e6 cap (a heavy tail).
const pareto = fc.double({ min: 1e-6, max: 1, noNaN: true }).map((u) => Math.min(1e6, u ** (-1 / 1.1)));
const value = fc.oneof(logUniform, uniform, pareto);
const samples = fc.array(value, { minLength: 1, maxLength: 3000, size: 'max' });

function filled(values: readonly number[]): Histogram {
  const h = new Histogram();
  for (const v of values) h.record(v);
  return h;
}

function nearestRank(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

describe('Histogram.quantiles', () => {
  it('is within 0.4% of the exact nearest-rank percentile, for every q in QUANTILES', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const reported = filled(values).quantiles(QUANTILES);
        const sorted = [...values].sort((a, b) => a - b);
        QUANTILES.forEach((q, i) => {
          const exact = nearestRank(sorted, q);
          const error = Math.abs((reported[i] as number) - exact) / exact;
          expect(error, `q=${q}: reported ${reported[i]}, exact ${exact}`).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('stays within 0.4% for many samples from one heavy-tailed source', () => {
    // Drawn from a seed rather than by fast-check, so that a failure shrinks to a seed, not to 20k numbers.
    fc.assert(
      fc.property(fc.nat(2 ** 31 - 1), fc.double({ min: 0.5, max: 3, noNaN: true }), (seed, shape) => {
        const rng = new Rng(seed);
        const values = Array.from({ length: 20_000 }, () => Math.min(1e6, (1 - rng.next()) ** (-1 / shape)));
        const reported = filled(values).quantiles(QUANTILES);
        const sorted = [...values].sort((a, b) => a - b);
        QUANTILES.forEach((q, i) => {
          const exact = nearestRank(sorted, q);
          expect(Math.abs((reported[i] as number) - exact) / exact, `q=${q}`).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('returns ascending values clamped to [min, max]', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const h = filled(values);
        const reported = h.quantiles(QUANTILES);
        for (let i = 0; i < reported.length; i++) {
          expect(reported[i]).toBeGreaterThanOrEqual(h.min);
          expect(reported[i]).toBeLessThanOrEqual(h.max);
          if (i > 0) expect(reported[i]).toBeGreaterThanOrEqual(reported[i - 1] as number);
        }
      }),
    );
  });

  it('reports a single value exactly', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(filled([v]).quantiles(QUANTILES)).toEqual(QUANTILES.map(() => v));
      }),
    );
  });

  it('returns zeros when empty', () => {
    expect(new Histogram().quantiles(QUANTILES)).toEqual([0, 0, 0, 0]);
  });
});

describe('Histogram bookkeeping', () => {
  it('keeps count, exact mean, min and max', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const h = filled(values);
        expect(h.count).toBe(values.length);
        expect(h.mean()).toBe(values.reduce((a, b) => a + b, 0) / values.length);
        expect(h.min).toBe(Math.min(...values));
        expect(h.max).toBe(Math.max(...values));
        expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
      }),
    );
  });

  it('clear() resets to the empty state, and then works like a new histogram', () => {
    fc.assert(
      fc.property(samples, samples, (before, after) => {
        const h = filled(before);
        h.clear();
        expect(h.count).toBe(0);
        expect(h.sum).toBe(0);
        expect(h.mean()).toBe(0);
        expect(h.min).toBe(Number.POSITIVE_INFINITY);
        expect(h.max).toBe(0);
        expect(h.counts.every((c) => c === 0)).toBe(true);
        expect(h.quantiles(QUANTILES)).toEqual([0, 0, 0, 0]);
        expect(h.shareAbove(0)).toBe(0);
        for (const v of after) h.record(v);
        const fresh = filled(after);
        expect(h.quantiles(QUANTILES)).toEqual(fresh.quantiles(QUANTILES));
        expect(h.mean()).toBe(fresh.mean());
      }),
      { numRuns: 50 },
    );
  });
});

describe('bucketOf', () => {
  const anyNumber = fc.oneof(
    fc.double(),
    value,
    fc.constantFrom(0, -0, -1, 1e-300, Number.MIN_VALUE, 1e300, Number.MAX_VALUE, Number.POSITIVE_INFINITY),
  );

  it('is monotone non-decreasing in the value and within [0, BUCKET_COUNT)', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        fc.pre(!Number.isNaN(a) && !Number.isNaN(b));
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(bucketOf(low)).toBeLessThanOrEqual(bucketOf(high));
        for (const v of [a, b]) {
          expect(Number.isInteger(bucketOf(v))).toBe(true);
          expect(bucketOf(v)).toBeGreaterThanOrEqual(0);
          expect(bucketOf(v)).toBeLessThan(BUCKET_COUNT);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('puts a value in a bucket whose middle is within 0.4% of it (between 2^-20 and 2^41)', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -20, max: 2 ** 41, noNaN: true, maxExcluded: true }), (v) => {
        expect(Math.abs(bucketMiddle(bucketOf(v)) - v) / v).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
      }),
      { numRuns: 1000 },
    );
  });

  it('sends non-positive and NaN values to the first bucket, huge ones to the last', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(-5)).toBe(0);
    expect(bucketOf(Number.NaN)).toBe(0);
    expect(bucketOf(1e300)).toBe(BUCKET_COUNT - 1);
    expect(bucketOf(Number.POSITIVE_INFINITY)).toBe(BUCKET_COUNT - 1);
  });
});

describe('Histogram.shareAbove', () => {
  it('is 0 when empty', () => {
    expect(new Histogram().shareAbove(10)).toBe(0);
  });

  it('is a share, non-increasing in the threshold, and brackets the exact share within a bucket', () => {
    fc.assert(
      fc.property(samples, value, value, (values, x, y) => {
        const h = filled(values);
        const share = h.shareAbove(x);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        if (x <= y) expect(h.shareAbove(y)).toBeLessThanOrEqual(share);
        // Values in x's own bucket are not counted; a bucket is at most x / 128 wide.
        const exactAbove = (t: number) => values.filter((v) => v > t).length / values.length;
        expect(share).toBeLessThanOrEqual(exactAbove(x));
        expect(share).toBeGreaterThanOrEqual(exactAbove(x * (1 + 1 / 64)));
      }),
    );
  });

  it('is 0 at the maximum and 1 below every value', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const h = filled(values);
        expect(h.shareAbove(h.max)).toBe(0);
        expect(h.shareAbove(0)).toBe(1);
      }),
    );
  });
});

describe('edge values', () => {
  it('records zero, negative, huge and infinite values without throwing', () => {
    const h = new Histogram();
    const edges = [0, -0, -5, 1e-300, 1e15, 1e300, Number.MAX_VALUE, Number.POSITIVE_INFINITY];
    expect(() => {
      for (const v of edges) h.record(v);
    }).not.toThrow();
    expect(h.count).toBe(edges.length);
    expect(h.min).toBe(-5);
    expect(h.max).toBe(Number.POSITIVE_INFINITY);
    const reported = h.quantiles(QUANTILES);
    for (const q of reported) {
      expect(Number.isNaN(q)).toBe(false);
      expect(q).toBeGreaterThanOrEqual(h.min);
    }
    expect(() => h.shareAbove(-1)).not.toThrow();
    expect(() => h.shareAbove(Number.POSITIVE_INFINITY)).not.toThrow();
    expect(h.shareAbove(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('reports finite percentiles for finite huge values', () => {
    const h = filled([1, 2, 1e300]);
    for (const q of h.quantiles(QUANTILES)) expect(Number.isFinite(q)).toBe(true);
    expect(h.mean()).toBeCloseTo(1e300 / 3, -290);
  });
});
