// The LRU cache under Zipf popularity against Che's approximation, as issue 14 asks: within 3%
// over a long run for s = 0.8 and 1.2, the cache holding 1% and 10% of the keys.
import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { cheApproximation } from './che';
import { CacheLookup, LruCache } from './lruCache';
import { createZipf, zipfProbabilities, type ZipfOptions } from './zipf';

const KEYS = 100_000;
const ASKS = 2_000_000;

/** The hit ratio of cache-aside reads (a miss fills the key) over ASKS asks after a warm-up. */
function simulatedHitRatio(exponent: number, capacity: number, seed: number, options: ZipfOptions = {}): number {
  const zipf = createZipf(KEYS, exponent, new Rng(seed), options);
  const cache = new LruCache(capacity);
  const warmUp = 20 * capacity; // well past the characteristic time at 1% and 10%
  let hits = 0;
  for (let i = 0; i < warmUp + ASKS; i++) {
    const key = zipf.next();
    if (cache.get(key, 0) === CacheLookup.hit) {
      if (i >= warmUp) hits++;
    } else cache.set(key, 0, 0);
  }
  return hits / ASKS;
}

describe("LRU hit ratio against Che's approximation", () => {
  for (const exponent of [0.8, 1.2]) {
    for (const cacheShare of [0.01, 0.1]) {
      it(`agrees within 3% at s = ${exponent}, the cache holding ${cacheShare * 100}% of ${KEYS} keys`, () => {
        const capacity = KEYS * cacheShare;
        const che = cheApproximation(zipfProbabilities(KEYS, exponent), capacity);
        const simulated = simulatedHitRatio(exponent, capacity, 14);
        expect(Math.abs(simulated - che.hitRatio) / che.hitRatio).toBeLessThan(0.03);
      });
    }
  }

  it('agrees with a celebrity key too', () => {
    const options = { celebrityKey: 4242, celebrityShare: 0.1 };
    const che = cheApproximation(zipfProbabilities(KEYS, 0.8, options), 1000);
    const simulated = simulatedHitRatio(0.8, 1000, 15, options);
    expect(Math.abs(simulated - che.hitRatio) / che.hitRatio).toBeLessThan(0.03);
  });
});

describe("Che's approximation", () => {
  it('gives C/K for uniform popularity, and 1 when everything fits', () => {
    const uniform = new Float64Array(1000).fill(1 / 1000);
    expect(cheApproximation(uniform, 250).hitRatio).toBeCloseTo(0.25, 9);
    expect(cheApproximation(uniform, 1000).hitRatio).toBe(1);
    expect(cheApproximation(uniform, 0).hitRatio).toBe(0);
  });
});
