// One part of a read through the cache tier (cache-aside). The app server asks the cache node
// that owns the key: a hit answers from the cache; a miss (or an expired value, or a cache node
// the server cannot reach) reads storage and, when the storage answer arrives, fills the cache.
// With coalescing, a miss for a key that this app server is already reading from storage waits
// for that read instead of asking storage again (one read per key in flight per server, like a
// "single flight"). With serve-stale-on-error, a miss whose storage read fails answers with the
// expired value the cache still held. A value older than the key's newest acknowledged write is a
// stale read. The value a miss brings is the key's version when a replica read it (about a hop
// before its answer reached the server); a write acknowledged after that is not in it, and the
// fill, a hop later, caches a value one write behind: the race between a fill and an
// invalidation. Left out: cache node queueing (a lookup costs its lookup time only), values' sizes,
// the hop that carries the fill (the cache is filled when the storage answer reaches the server).
import { EventKind } from '../events';
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import { canTalk, stillTalking } from '../cluster/network';
import { CacheLookup } from './lruCache';
import type { CacheTier } from './cacheTier';
import { speedOf } from '../scaling/scalingState';
import { askAndAnswer } from '../trace/traceStorage';

/** A storage round on one partition for a read, as storage.ts runs it: answer time, or a negative code. */
export type ReadRound = (p: number, t0: number) => number;

/** Longest cache-tracked position of a read: the bit of position k in reqCacheHits. */
const HIT_BITS = 31;
/** The code storage.ts uses for "no answer in time": a lost cache answer ends the same way. */
const NO_ANSWER = -2;

/**
 * Position k of a read through the cache: when its value reaches the app server, or a negative
 * code from the storage round. Fresh (sinceMs < 0): looks up, counts, and schedules the fill.
 * Replay (sinceMs ≥ 0, after a fault): keeps the fresh round's hit or miss and only asks whether
 * the answer still arrives.
 */
export function cachedRead(
  st: SimState,
  tier: CacheTier,
  slot: number,
  k: number,
  a: number,
  t0: number,
  sinceMs: number,
  round: ReadRound,
): number {
  const key = tier.keyOf(st.reqKeySeed[slot] as number, k);
  const p = tier.partitionOf(key, st.partitions);
  const c = tier.placement.ownerOf(key);
  const app = st.appNode(a);
  const node = c >= 0 ? st.cacheNode(c) : -1;
  const link = c >= 0 ? st.cacheLink(a, c) : -1;
  // The lookup's hops and work, drawn per (attempt, position) so a replay draws the same.
  const draws = st.storageDraws;
  draws.reseed(((st.reqDrawSeed[slot] as number) ^ Math.imul(k + 1, 0x2c1b3c6d)) >>> 0);
  const outMs = draws.draw(st.hopSampler);
  const hopsMs = outMs + draws.draw(st.hopSampler);
  const lookupMs = node < 0 ? 0 : (draws.draw(tier.lookupSampler) * (st.nodeSlow[node] as number)) / speedOf(st, node);
  const bit = k < HIT_BITS ? 1 << k : 0;
  if (sinceMs >= 0) {
    if ((st.reqCacheHits[slot] as number) & bit)
      return stillTalking(st, app, node, link, sinceMs) ? t0 + hopsMs + lookupMs : NO_ANSWER;
    return round(p, missAt(st, node, t0, hopsMs + lookupMs));
  }
  let found: CacheLookup = CacheLookup.miss;
  let foundVersion = 0;
  const reachable = node >= 0 && canTalk(st, app, node, link);
  if (reachable) {
    const store = tier.stores[c] as (typeof tier.stores)[number];
    found = store.get(key, t0);
    foundVersion = store.foundVersion;
    const hit = found === CacheLookup.hit;
    const stale = hit && foundVersion < (tier.keyVersion[key] as number);
    tier.lookedUp(c, hit, stale);
    if (st.tracer?.watches(slot) === true) {
      const times = {
        t0,
        askedMs: t0 + outMs,
        answerDepartMs: t0 + outMs + lookupMs,
        answerMs: t0 + hopsMs + lookupMs,
      };
      askAndAnswer(st, slot, app, node, times, hit ? 'ok' : null);
      const outcome = hit ? 'hit' : found === CacheLookup.expired ? 'expired' : 'miss';
      st.tracer.step(slot, { type: 'cacheLookup', atMs: times.answerMs, node, key, outcome, stale });
    }
    if (hit) {
      st.reqCacheHits[slot] = (st.reqCacheHits[slot] as number) | bit;
      return t0 + hopsMs + lookupMs;
    }
  }
  // A cache node the server cannot reach counts as a miss: the read goes to storage at once.
  if (!reachable && c >= 0) {
    tier.lookedUp(c, false, false);
    if (st.tracer?.watches(slot) === true)
      st.tracer.step(slot, { type: 'cacheLookup', atMs: t0, node, key, outcome: 'unreachable', stale: false });
  }
  const asked = reachable ? t0 + hopsMs + lookupMs : t0;
  const flight = key * st.appCount + a;
  if (tier.policy.coalescing) {
    const f = tier.inFlight.get(flight);
    if (f !== undefined) {
      tier.coalesced++;
      const untilMs = Math.max(asked, tier.fillAtMs[f] as number);
      if (st.tracer?.watches(slot) === true) st.tracer.step(slot, { type: 'cacheWait', atMs: asked, untilMs, key });
      return untilMs;
    }
  }
  const answer = round(p, asked);
  if (answer >= 0) {
    const epoch = reachable ? (st.nodeEpoch[node] as number) : -1;
    // The replica read the value about one hop before its answer arrived; the set reaches the
    // cache one hop after (the lookup's hop stands in for both).
    const f = tier.startFill(key, flight, c, answer - outMs, epoch, answer);
    st.at(answer + outMs, EventKind.cacheFill, f, tier.fillGen[f] as number);
    return answer;
  }
  if (found === CacheLookup.expired && tier.policy.serveStaleOnError) {
    tier.servedStale++;
    if (foundVersion < (tier.keyVersion[key] as number)) tier.staleRead();
    return asked;
  }
  return answer;
}

/** When a replayed miss left for storage: after the lookup if the cache node could be asked then. */
function missAt(st: SimState, node: number, t0: number, lookupMs: number): number {
  return node >= 0 && (st.nodeChangedAt[node] as number) <= t0 && st.nodeStatus[node] === NodeStatusCode.up
    ? t0 + lookupMs
    : t0;
}

/** A storage read reached the app server: the cache node is filled, unless it restarted or was flushed since. */
export function onCacheFill(st: SimState, f: number, gen: number): void {
  const tier = st.cacheTier;
  if (tier === null || tier.fillGen[f] !== gen) return;
  const c = tier.fillSlot[f] as number;
  const epoch = tier.fillEpoch[f] as number;
  if (c >= 0 && epoch >= 0 && st.nodeEpoch[st.cacheNode(c)] === epoch) {
    const key = tier.fillKey[f] as number;
    // A write acknowledged after the replica read the value is not in it: the fill is one behind.
    const behind = (tier.keyAckedMs[key] as number) > (tier.fillReadMs[f] as number) ? 1 : 0;
    (tier.stores[c] as (typeof tier.stores)[number]).set(key, st.nowMs, (tier.keyVersion[key] as number) - behind);
  }
  tier.endFill(f);
}
