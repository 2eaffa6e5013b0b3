import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { CacheLookup, LruCache } from './lruCache';

/** The same cache, written the obvious way: a Map keeps insertion order, so its first key is the LRU. */
class ModelLru {
  readonly entries = new Map<number, { version: number; fillMs: number }>();
  constructor(
    readonly capacity: number,
    readonly ttlMs: number,
  ) {}
  get(key: number, nowMs: number): CacheLookup {
    const entry = this.entries.get(key);
    if (!entry) return CacheLookup.miss;
    if (this.ttlMs > 0 && nowMs - entry.fillMs >= this.ttlMs) return CacheLookup.expired;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return CacheLookup.hit;
  }
  set(key: number, nowMs: number, version: number): number {
    let evicted = -1;
    if (!this.entries.delete(key) && this.entries.size === this.capacity) {
      evicted = this.entries.keys().next().value as number;
      this.entries.delete(evicted);
    }
    this.entries.set(key, { version, fillMs: nowMs });
    return evicted;
  }
}

describe('LRU cache', () => {
  it('evicts the least recently used key, a get counting as a use', () => {
    const cache = new LruCache(3);
    expect(cache.get(1, 0)).toBe(CacheLookup.miss);
    for (const key of [1, 2, 3]) expect(cache.set(key, 0, key * 10)).toBe(-1);
    expect(cache.get(1, 1)).toBe(CacheLookup.hit);
    expect(cache.foundVersion).toBe(10);
    expect(cache.set(4, 2, 40)).toBe(2);
    expect(cache.get(2, 3)).toBe(CacheLookup.miss);
    expect(cache.set(3, 4, 31)).toBe(-1); // a refresh, not a new key
    expect(cache.set(5, 5, 50)).toBe(1);
    expect(cache.size).toBe(3);
  });

  it('keeps each value version and fill time, and tells expired entries from hits', () => {
    const cache = new LruCache(4, 100);
    cache.set(7, 50, 3);
    expect(cache.get(7, 149)).toBe(CacheLookup.hit);
    expect([cache.foundVersion, cache.foundFillMs]).toEqual([3, 50]);
    expect(cache.get(7, 150)).toBe(CacheLookup.expired);
    expect(cache.foundVersion).toBe(3); // still there for a "serve stale on error" policy
    expect(cache.size).toBe(1);
    cache.set(7, 160, 4);
    expect(cache.get(7, 200)).toBe(CacheLookup.hit);
    expect(cache.foundVersion).toBe(4);
  });

  it('drops a key on delete and everything on clear', () => {
    const cache = new LruCache(8);
    for (let key = 0; key < 8; key++) cache.set(key, 0, 1);
    expect(cache.delete(3)).toBe(true);
    expect(cache.delete(3)).toBe(false);
    expect(cache.size).toBe(7);
    expect(cache.set(100, 0, 1)).toBe(-1); // the freed slot is reused: no eviction
    cache.clear();
    expect(cache.size).toBe(0);
    for (let key = 0; key < 8; key++) expect(cache.peek(key)).toBe(false);
    for (let key = 0; key < 8; key++) expect(cache.set(key + 20, 1, 1)).toBe(-1);
    expect(cache.set(99, 1, 1)).toBe(20);
  });

  it('agrees with a Map-based LRU through 200,000 random operations', () => {
    const rng = new Rng(42);
    const cache = new LruCache(64, 500);
    const model = new ModelLru(64, 500);
    let nowMs = 0;
    let mismatches = 0; // counted, not expect()ed one by one: 200,000 expects take seconds
    const agree = (a: unknown, b: unknown) => {
      if (a !== b) mismatches++;
    };
    for (let i = 0; i < 200_000; i++) {
      nowMs += rng.int(3);
      const key = rng.int(200) * 7919; // spread-out ids, as real key ids are
      const op = rng.int(10);
      if (op < 5) {
        const found = cache.get(key, nowMs);
        agree(found, model.get(key, nowMs));
        if (found !== CacheLookup.miss) agree(cache.foundVersion, model.entries.get(key)?.version);
      } else if (op < 9) agree(cache.set(key, nowMs, i), model.set(key, nowMs, i));
      else if (rng.next() < 0.01) {
        cache.clear();
        model.entries.clear();
      } else agree(cache.delete(key), model.entries.delete(key));
      agree(cache.size, model.entries.size);
    }
    expect(mismatches).toBe(0);
  });

  it('refuses a capacity it cannot hold, naming the field', () => {
    expect(() => new LruCache(0)).toThrow(/capacity/);
    expect(() => new LruCache(1.5)).toThrow(/capacity/);
    expect(() => new LruCache(10, -1)).toThrow(/ttlMs/);
  });
});
