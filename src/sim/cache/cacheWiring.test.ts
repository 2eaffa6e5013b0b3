// The cache tier wired into the cluster: the hit ratio the running system measures agrees with
// Che's approximation for its nodes' shares of the keys; write policies make stale reads as the
// model says; a crashed cache node drowns storage that has a capacity, and coalescing saves it.
import { dataSystemWithoutLog } from '../scenarios/dataSystemWithoutLog';
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../index';
import { cheApproximation } from './che';
import { zipfProbabilities } from './zipf';
import { HashRing } from './hashRing';
import { RING_POINTS_PER_NODE } from './cacheTier';

const base = dataSystemWithoutLog;
const cacheOf = (s: Scenario) => s.cache as NonNullable<Scenario['cache']>;

function withCache(change: Partial<NonNullable<Scenario['cache']>>, more: Partial<Scenario> = {}): Scenario {
  return { ...base, ...more, cache: { ...cacheOf(base), ...change } };
}

/** Hit share over the windows after warmUpS (the cold start left out). */
function steadyHitShare(scenario: Scenario, seed: number, untilS: number, warmUpS: number): number {
  const sim = createSimulation(scenario, seed);
  sim.runUntil(untilS * 1000);
  let hits = 0;
  let lookups = 0;
  for (const w of sim.snapshot().windows)
    if (w.startMs >= warmUpS * 1000) {
      hits += w.cacheHits ?? 0;
      lookups += (w.cacheHits ?? 0) + (w.cacheMisses ?? 0);
    }
  return hits / lookups;
}

/** Che's hit ratio for the tier: each node caches its own keys, weighted by its share of asks. */
function cheForTier(keys: number, exponent: number, nodes: number, perNode: number): number {
  const p = zipfProbabilities(keys, exponent);
  const ring = new HashRing(
    RING_POINTS_PER_NODE,
    Array.from({ length: nodes }, (_, c) => c),
  );
  const owned = Array.from({ length: nodes }, () => [] as number[]);
  for (let k = 0; k < keys; k++) owned[ring.ownerOf(k)]?.push(k);
  let hit = 0;
  for (const list of owned) {
    const mass = list.reduce((sum, k) => sum + (p[k] as number), 0);
    if (mass === 0) continue;
    const q = Float64Array.from(list, (k) => (p[k] as number) / mass);
    hit += mass * cheApproximation(q, perNode).hitRatio;
  }
  return hit;
}

describe('the cache tier in the running cluster', () => {
  // At a load storage can carry: an overloaded storage tier fails misses, which then fill nothing.
  it('measures the hit ratio Che predicts for its nodes (reads only, s = 0.8 and 1.2, 1% and 10% of keys, within 3%)', () => {
    for (const [exponent, perNode] of [
      [0.8, 2500],
      [0.8, 250],
      [1.2, 2500],
      [1.2, 250],
    ] as const) {
      const keys = 50_000;
      const scenario = withCache(
        { zipfExponent: exponent, keysPerNode: perNode, keys },
        { clients: { ...base.clients, readShare: 1, rateRps: 200 } },
      );
      const measured = steadyHitShare(scenario, 3, 400, 60);
      const expected = cheForTier(keys, exponent, 2, perNode);
      expect(Math.abs(measured - expected) / expected).toBeLessThan(0.03);
    }
  }, 120_000);

  it('makes stale reads with TTL-only caching, and only racing fills with invalidation or write-through', () => {
    const stale = (writePolicy: 'invalidate' | 'write-through' | 'ttl-only') => {
      const sim = createSimulation(withCache({ writePolicy, ttlMs: writePolicy === 'ttl-only' ? 5000 : 0 }), 1);
      sim.runUntil(20_000);
      return sim.snapshot().cache?.staleReads ?? -1;
    };
    const ttl = stale('ttl-only');
    expect(ttl).toBeGreaterThan(1000);
    // Both leave only races: a storage read that began before a write fills the cache after it.
    expect(stale('write-through')).toBeLessThan(ttl / 100);
    const invalidate = stale('invalidate');
    expect(invalidate).toBeGreaterThan(0);
    expect(invalidate).toBeLessThan(ttl / 100);
  }, 60_000);

  it('a crashed cache node drowns storage within seconds; coalescing keeps it afloat', () => {
    const availabilityAfterCrash = (coalescing: boolean) => {
      const sim = createSimulation(withCache({ coalescing }), 2);
      sim.runUntil(15_000);
      expect(sim.apply({ type: 'crashNode', nodeId: 'cache-1' }).ok).toBe(true);
      sim.runUntil(25_000);
      const after = sim.snapshot().windows.filter((w) => w.startMs >= 17_000);
      const ok = after.reduce((s, w) => s + w.succeeded, 0);
      const failed = after.reduce((s, w) => s + w.failed, 0);
      return { share: ok / (ok + failed), rejected: after.reduce((s, w) => s + (w.storageRejected ?? 0), 0) };
    };
    const plain = availabilityAfterCrash(false);
    expect(plain.share).toBeLessThan(0.95);
    expect(plain.rejected).toBeGreaterThan(1000);
    expect(availabilityAfterCrash(true).share).toBeGreaterThan(0.99);
  }, 60_000);

  it('a crash or a flush empties the node; the run is the same for the same seed and commands', () => {
    const run = () => {
      const sim = createSimulation(base, 9);
      sim.runUntil(5000);
      const before = sim.snapshot().cache?.keysHeld ?? 0;
      expect(sim.apply({ type: 'flushCache', nodeId: 'cache-2' }).ok).toBe(true);
      const flushed = sim.snapshot().nodes.find((n) => n.id === 'cache-2')?.cache?.keys;
      sim.apply({ type: 'crashNode', nodeId: 'cache-1' });
      const crashed = sim.snapshot().nodes.find((n) => n.id === 'cache-1')?.cache?.keys;
      sim.runUntil(8000);
      return { before, flushed, crashed, hash: sim.logHash() };
    };
    const first = run();
    expect(first.before).toBeGreaterThan(1000);
    expect(first.flushed).toBe(0);
    expect(first.crashed).toBe(0);
    expect(run()).toEqual(first);
  }, 30_000);

  it('refuses cache commands a scenario cannot take, naming why', () => {
    const plain = createSimulation(getBuiltInScenario('default') as Scenario, 1);
    expect(plain.apply({ type: 'flushCache', nodeId: 'cache-1' })).toMatchObject({ ok: false });
    expect(plain.apply({ type: 'setStorageQueueLimit', queueLimit: 3 })).toMatchObject({ ok: false });
    const sim = createSimulation(base, 1);
    const notCache = sim.apply({ type: 'flushCache', nodeId: 'db-1' });
    expect(notCache.ok ? '' : notCache.error).toContain('not a cache node');
    expect(sim.apply({ type: 'setCache', policy: { coalescing: true } }).ok).toBe(true);
    expect(sim.apply({ type: 'setStorageQueueLimit', queueLimit: 4 }).ok).toBe(true);
  });

  it('a cache node joining a ring costs fewer misses than one joining modulo hashing', () => {
    // Misses in the first second the new node serves: the keys that moved to it miss until refilled
    // (about 1/3 of keys on a ring of 2 → 3, about 2/3 with modulo).
    const missesAfterJoin = (placement: 'ring' | 'modulo', seed: number) => {
      const sim = createSimulation(withCache({ placement }), seed);
      sim.runUntil(15_000);
      expect(sim.apply({ type: 'addNode', tier: 'cache' }).ok).toBe(true);
      sim.runUntil(36_000); // serving from 35 s, after 20 s of provisioning
      return sim.snapshot().windows.find((w) => w.startMs === 35_000)?.cacheMisses ?? 0;
    };
    for (const seed of [1, 2, 3])
      expect(missesAfterJoin('modulo', seed)).toBeGreaterThan(1.2 * missesAfterJoin('ring', seed));
  }, 60_000);

  it('a checkpoint (a deep copy) goes on exactly as the run it was copied from, cache figures included', () => {
    const original = createSimulation(base, 5);
    original.runUntil(10_000);
    const copy = original.clone();
    for (const sim of [original, copy]) {
      sim.apply({ type: 'crashNode', nodeId: 'cache-1' });
      sim.runUntil(15_000);
    }
    expect(copy.logHash()).toBe(original.logHash());
    const hits = (sim: typeof original) => sim.snapshot().windows.map((w) => w.cacheHits);
    expect(hits(copy)).toEqual(hits(original));
    expect(hits(copy).at(-1)).toBeGreaterThan(0);
  });
});
