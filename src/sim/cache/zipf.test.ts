import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { createZipf, TABLE_MAX_KEYS, zipfProbabilities, type ZipfOptions } from './zipf';

/** Pearson's chi-square of observed counts against probabilities, over bins [edges[i], edges[i+1]). */
function chiSquare(counts: Int32Array, p: Float64Array, edges: number[], draws: number) {
  let statistic = 0;
  for (let b = 0; b + 1 < edges.length; b++) {
    let observed = 0;
    let share = 0;
    for (let k = edges[b] as number; k < (edges[b + 1] as number); k++) {
      observed += counts[k] as number;
      share += p[k] as number;
    }
    const expected = share * draws;
    statistic += ((observed - expected) * (observed - expected)) / expected;
  }
  const df = edges.length - 2;
  // The statistic has mean df and standard deviation sqrt(2 df): 5 deviations is a 1-in-10^6 miss.
  return { statistic, df, bound: df + 5 * Math.sqrt(2 * df) };
}

/** One bin per key for the first `single` keys, then bins doubling in width to the end. */
function binEdges(keys: number, single: number): number[] {
  const edges: number[] = [];
  for (let k = 0; k < Math.min(single, keys); k++) edges.push(k);
  for (let k = single, width = 1; k < keys; k += width, width *= 2) edges.push(k);
  edges.push(keys);
  return edges;
}

function drawCounts(keys: number, exponent: number, draws: number, seed: number, options: ZipfOptions = {}) {
  const zipf = createZipf(keys, exponent, new Rng(seed), options);
  const counts = new Int32Array(keys);
  for (let i = 0; i < draws; i++) {
    const key = zipf.next();
    counts[key] = (counts[key] as number) + 1;
  }
  return { zipf, counts };
}

describe('Zipf key popularity', () => {
  const draws = 1_000_000;

  it('is uniform at s = 0', () => {
    const { zipf, counts } = drawCounts(500, 0, draws, 1);
    expect(zipf.method).toBe('uniform');
    const test = chiSquare(counts, zipfProbabilities(500, 0), binEdges(500, 500), draws);
    expect(test.statistic).toBeLessThan(test.bound);
  });

  for (const exponent of [0.8, 1.2]) {
    for (const method of ['table', 'rejection'] as const) {
      it(`matches the pmf at s = ${exponent} (${method})`, () => {
        const keys = 1000;
        const { zipf, counts } = drawCounts(keys, exponent, draws, 7, { method });
        expect(zipf.method).toBe(method);
        const p = zipfProbabilities(keys, exponent);
        const test = chiSquare(counts, p, binEdges(keys, keys), draws);
        expect(test.statistic).toBeLessThan(test.bound);
        // The most popular key is asked about 1 / H(K, s) of the time: check it directly too.
        const sd = Math.sqrt((p[0] as number) * (1 - (p[0] as number)) * draws);
        expect(Math.abs((counts[0] as number) - (p[0] as number) * draws)).toBeLessThan(5 * sd);
      });
    }
  }

  it('draws without a table beyond TABLE_MAX_KEYS keys, still matching the pmf', () => {
    const keys = TABLE_MAX_KEYS * 2;
    const { zipf, counts } = drawCounts(keys, 1.2, draws, 3);
    expect(zipf.method).toBe('rejection');
    expect(zipf.memoryBytes).toBe(0);
    const test = chiSquare(counts, zipfProbabilities(keys, 1.2), binEdges(keys, 200), draws);
    expect(test.statistic).toBeLessThan(test.bound);
  });

  it('gives the celebrity its extra share of all asks', () => {
    const options = { celebrityKey: 500, celebrityShare: 0.3 };
    const { counts } = drawCounts(1000, 0.8, draws, 11, options);
    const p = zipfProbabilities(1000, 0.8, options);
    expect(p[500]).toBeGreaterThan(0.3);
    expect(Math.abs((counts[500] as number) / draws - (p[500] as number))).toBeLessThan(0.003);
    const test = chiSquare(counts, p, binEdges(1000, 1000), draws);
    expect(test.statistic).toBeLessThan(test.bound);
  });

  it('holds 8 bytes a key in its table, and repeats its draws for a seed', () => {
    const a = createZipf(10_000, 1, new Rng(5));
    const b = createZipf(10_000, 1, new Rng(5));
    expect(a.memoryBytes).toBe(80_000);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('refuses impossible parameters, naming the field', () => {
    const rng = new Rng(1);
    expect(() => createZipf(0, 1, rng)).toThrow(/keys/);
    expect(() => createZipf(10, -1, rng)).toThrow(/exponent/);
    expect(() => createZipf(10, 1, rng, { celebrityShare: 2 })).toThrow(/celebrityShare/);
    expect(() => createZipf(10, 1, rng, { celebrityKey: 10, celebrityShare: 0.1 })).toThrow(/celebrityKey/);
  });
});
