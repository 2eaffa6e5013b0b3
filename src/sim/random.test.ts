// The seeded generator: reproducible sequences, independent named streams, and distributions
// whose sample statistics match their parameters. Large-sample checks use fixed seeds, so they
// are deterministic; their tolerances are several standard errors wide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, createStreams, meanOf, normalQuantile, samplerOf, type StreamName } from './random';
import type { Distribution } from './scenarioSchema';

const STREAMS: readonly StreamName[] = [
  'arrivals',
  'service',
  'network',
  'storage',
  'faults',
  'balancer',
  'retries',
  'config',
];
const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

function drawMany(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('Rng determinism', () => {
  it('gives the same sequence for the same seed', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        expect(drawMany(new Rng(seed), 64)).toEqual(drawMany(new Rng(seed), 64));
      }),
    );
  });

  it('reseed(s) behaves exactly like new Rng(s), whatever was drawn before', () => {
    fc.assert(
      fc.property(seedArb, seedArb, fc.nat(200), (first, second, drawnBefore) => {
        const rng = new Rng(first);
        drawMany(rng, drawnBefore);
        rng.reseed(second);
        expect(drawMany(rng, 64)).toEqual(drawMany(new Rng(second), 64));
      }),
    );
  });

  it('gives different sequences for different seeds', () => {
    fc.assert(
      fc.property(seedArb, seedArb, (a, b) => {
        fc.pre(a !== b);
        expect(drawMany(new Rng(a), 8)).not.toEqual(drawMany(new Rng(b), 8));
      }),
    );
  });

  it('next() is in [0, 1)', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const draws = drawMany(new Rng(seed), 2000);
        expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...draws)).toBeLessThan(1);
      }),
      { numRuns: 50 },
    );
  });
});

describe('named streams', () => {
  it('are reproducible from the seed', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const a = createStreams(seed);
        const b = createStreams(seed);
        for (const name of STREAMS) expect(drawMany(a[name], 16)).toEqual(drawMany(b[name], 16));
      }),
      { numRuns: 50 },
    );
  });

  it('differ from each other', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const streams = createStreams(seed);
        const firstDraws = STREAMS.map((name) => drawMany(streams[name], 8).join(','));
        expect(new Set(firstDraws).size).toBe(STREAMS.length);
      }),
      { numRuns: 50 },
    );
  });

  it('do not shift when another stream draws more', () => {
    fc.assert(
      fc.property(seedArb, fc.constantFrom(...STREAMS), fc.integer({ min: 1, max: 500 }), (seed, busy, extra) => {
        const clean = createStreams(seed);
        const disturbed = createStreams(seed);
        drawMany(disturbed[busy], extra);
        for (const name of STREAMS) {
          if (name !== busy) expect(drawMany(disturbed[name], 32)).toEqual(drawMany(clean[name], 32));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('differ between seeds, including seeds above 2^32', () => {
    const seeds = [0, 1, 2, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40];
    const arrivals = seeds.map((seed) => drawMany(createStreams(seed).arrivals, 8).join(','));
    expect(new Set(arrivals).size).toBe(seeds.length);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959964],
    [0.999, 3.090232],
    [0.01, -2.326348],
    [1e-4, -3.719016],
  ])('normalQuantile(%d) = %d to 1e-6', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-6);
  });

  // From 1e-6 up, so that 1 - p is exact enough for the symmetry check to be meaningful.
  const lowerHalf = fc.double({ min: 1e-6, max: 0.5, noNaN: true });

  it('is odd around 0.5 and increasing', () => {
    fc.assert(
      fc.property(lowerHalf, lowerHalf, (p, q) => {
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 6);
        if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
      }),
    );
  });
});

describe('distributions', () => {
  it('exponential(mean) has the given mean over 200k draws, within 1%', () => {
    for (const [seed, mean] of [
      [1, 1],
      [7, 40],
      [12345, 0.25],
    ] as const) {
      const rng = new Rng(seed);
      let sum = 0;
      let smallest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 200_000; i++) {
        const x = rng.exponential(mean);
        smallest = Math.min(smallest, x);
        sum += x;
      }
      expect(smallest).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(sum)).toBe(true);
      expect(relativeError(sum / 200_000, mean)).toBeLessThan(0.01);
    }
  });

  it('normal() has mean 0, sd 1 and P(Z > 2.326) = 1% over 500k draws', () => {
    const n = 500_000;
    const rng = new Rng(42);
    let sum = 0;
    let sumSquares = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSquares += z * z;
      if (z > 2.326) above++;
    }
    const mean = sum / n;
    expect(Number.isFinite(sumSquares)).toBe(true);
    const sd = Math.sqrt(sumSquares / n - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(sd - 1)).toBeLessThan(0.01);
    // P(Z > 2.326) = 0.010009; the standard error of the share is 0.00014.
    expect(Math.abs(above / n - 0.01)).toBeLessThan(0.0008);
  });

  it.each([
    [{ dist: 'lognormal', medianMs: 8, sigma: 0.5 }, 3],
    [{ dist: 'lognormal', medianMs: 0.25, sigma: 1 }, 4],
    [{ dist: 'lognormal', medianMs: 100, sigma: 0.1 }, 5],
  ] as const)('lognormal %o: median and mean (meanOf) match over 200k draws', (dist, seed) => {
    const sampler = samplerOf(dist);
    const rng = new Rng(seed);
    const draws = Array.from({ length: 200_000 }, () => rng.draw(sampler));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(relativeError(median(draws), dist.medianMs)).toBeLessThan(0.01);
    expect(meanOf(dist)).toBeCloseTo(dist.medianMs * Math.exp((dist.sigma * dist.sigma) / 2), 10);
    // The coefficient of variation is at most 1.31 (sigma 1), so the standard error is below 0.3%.
    expect(relativeError(mean, meanOf(dist))).toBeLessThan(0.015);
  });

  it('a log-normal draw is exp(sigma * z) at its uniform, within 1e-5 relative (table or not)', () => {
    fc.assert(
      fc.property(seedArb, fc.double({ min: 0, max: 1, noNaN: true }), (seed, sigma) => {
        const sampler = samplerOf({ dist: 'lognormal', medianMs: 3, sigma });
        const compiled = new Rng(seed);
        const uniforms = new Rng(seed);
        for (let i = 0; i < 200; i++) {
          const exact = 3 * Math.exp(sigma * normalQuantile(uniforms.next() + 2 ** -33));
          expect(relativeError(compiled.draw(sampler), exact)).toBeLessThan(1e-5);
        }
      }),
    );
  });

  it('samplerOf compiles each distribution kind', () => {
    expect(samplerOf({ dist: 'constant', meanMs: 5 })).toMatchObject({ code: 0, scaleMs: 5, sigma: 0 });
    expect(samplerOf({ dist: 'exponential', meanMs: 3 })).toMatchObject({ code: 1, scaleMs: 3, sigma: 0 });
    expect(samplerOf({ dist: 'lognormal', medianMs: 2, sigma: 0.6 })).toMatchObject({
      code: 2,
      scaleMs: 2,
      sigma: 0.6,
    });
    expect(meanOf({ dist: 'constant', meanMs: 5 })).toBe(5);
    expect(meanOf({ dist: 'exponential', meanMs: 3 })).toBe(3);
  });

  it('a constant draws its value and consumes no randomness', () => {
    const rng = new Rng(9);
    const sampler = samplerOf({ dist: 'constant', meanMs: 12.5 });
    for (let i = 0; i < 10; i++) expect(rng.draw(sampler)).toBe(12.5);
    expect(rng.next()).toBe(new Rng(9).next());
  });

  const distArb: fc.Arbitrary<Distribution> = fc.oneof(
    fc.record({ dist: fc.constant('constant' as const), meanMs: fc.double({ min: 0, max: 1e4, noNaN: true }) }),
    fc.record({ dist: fc.constant('exponential' as const), meanMs: fc.double({ min: 1e-3, max: 1e4, noNaN: true }) }),
    fc.record({
      dist: fc.constant('lognormal' as const),
      medianMs: fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
      sigma: fc.double({ min: 0, max: 3, noNaN: true }),
    }),
  );

  it('draw(samplerOf(d)) gives exactly the same sequence as sample(d)', () => {
    fc.assert(
      fc.property(seedArb, distArb, (seed, dist) => {
        const compiled = new Rng(seed);
        const direct = new Rng(seed);
        const sampler = samplerOf(dist);
        for (let i = 0; i < 50; i++) {
          const x = compiled.draw(sampler);
          expect(x).toBe(direct.sample(dist));
          expect(x).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(x)).toBe(true);
        }
      }),
    );
  });
});

describe('int(n)', () => {
  it('is an integer in [0, n)', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 1_000_000 }), (seed, n) => {
        const rng = new Rng(seed);
        const draws = Array.from({ length: 200 }, () => rng.int(n));
        expect(draws.every((k) => Number.isInteger(k) && k >= 0 && k < n)).toBe(true);
      }),
    );
  });

  it('is uniform: chi-square over 10 bins and 100k draws is plausible', () => {
    const bins = 10;
    const n = 100_000;
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const counts = new Float64Array(bins);
      for (let i = 0; i < n; i++) {
        const bin = rng.int(bins);
        counts[bin] = (counts[bin] as number) + 1;
      }
      const expected = n / bins;
      const chiSquare = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
      // 9 degrees of freedom: P(chi-square > 27.88) = 0.001.
      expect(chiSquare).toBeLessThan(27.88);
    }
  });
});
