// The simulation is checkpointed by deepCopy (forks, Undo): each block must resume identically.
import { describe, expect, it } from 'vitest';
import { deepCopy } from '../deepCopy';
import { Rng } from '../random';
import { HashRing } from './hashRing';
import { CacheLookup, LruCache } from './lruCache';
import { createZipf } from './zipf';

describe('cache blocks under deepCopy', () => {
  it('resume from a copy exactly as the original goes on', () => {
    for (const method of ['table', 'rejection'] as const) {
      const rng = new Rng(9);
      const state = { rng, zipf: createZipf(5000, 1.1, rng, { method }), cache: new LruCache(100, 50) };
      const run = (s: typeof state, asks: number) => {
        let hits = 0;
        for (let i = 0; i < asks; i++) {
          const key = s.zipf.next();
          if (s.cache.get(key, i) === CacheLookup.hit) hits = (hits * 31 + key) | 0;
          else s.cache.set(key, i, i);
        }
        return hits;
      };
      run(state, 10_000);
      const copy = deepCopy(state);
      expect(copy.zipf).toBeInstanceOf(state.zipf.constructor);
      expect(run(copy, 10_000)).toBe(run(state, 10_000));
      expect(copy.cache.size).toBe(state.cache.size);
    }
    const ring = new HashRing(64, [1, 2, 3]);
    const twin = deepCopy(ring);
    twin.addNode(4);
    ring.addNode(4);
    for (let key = 0; key < 1000; key++) expect(twin.ownerOf(key)).toBe(ring.ownerOf(key));
  });
});
