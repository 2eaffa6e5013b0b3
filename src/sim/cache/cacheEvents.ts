// What happens to the cache tier around it: an acknowledged write changes its key (and, by the
// write policy, the cached copy), a crashed or flushed cache node loses everything it held, and
// cache nodes join or leave the placement as the tier is scaled.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import { canTalk } from '../cluster/network';
import { setStatus } from '../cluster/node';
import type { CacheTier } from './cacheTier';
import { CostTier } from '../scaling/machineSeconds';

/**
 * A write was acknowledged to its client: its key's version goes up, and the app server that
 * wrote it deletes the cached copy (invalidate) or stores the new value (write-through) if it can
 * reach the key's cache node. An invalidation that cannot be delivered leaves a stale copy.
 */
export function cacheWriteAcked(st: SimState, tier: CacheTier, slot: number, a: number): void {
  const key = tier.keyOf(st.reqKeySeed[slot] as number, 0);
  const version = ((tier.keyVersion[key] as number) + 1) | 0;
  tier.keyVersion[key] = version;
  tier.keyAckedMs[key] = st.nowMs;
  const policy = tier.policy.writePolicy;
  if (policy === 'ttl-only') return;
  const c = tier.placement.ownerOf(key);
  if (c < 0 || a < 0 || !canTalk(st, st.appNode(a), st.cacheNode(c), st.cacheLink(a, c))) return;
  const store = tier.stores[c] as CacheTier['stores'][number];
  if (policy === 'invalidate') store.delete(key);
  else store.set(key, st.nowMs, version);
}

/** A cache node lost its memory (a crash, or a flush by hand): it comes back empty. */
export function emptyCacheNode(st: SimState, node: number): void {
  const tier = st.cacheTier;
  if (tier === null || !st.isCache(node)) return;
  (tier.stores[node - st.cacheNode(0)] as CacheTier['stores'][number]).clear();
}

/** Adds the first absent cache node: it starts now and joins the placement after provisioningMs. */
export function addCacheNode(st: SimState, provisioningMs: number): number {
  for (let c = 0; c < st.cacheCount; c++) {
    const node = st.cacheNode(c);
    if (st.nodeStatus[node] !== NodeStatusCode.absent) continue;
    setStatus(st, node, NodeStatusCode.starting);
    st.nodeSpeed[node] = st.scaling?.tierSpeed[CostTier.cache] ?? 1;
    st.nodeSlow[node] = 1;
    st.nodeSide[node] = 0;
    (st.cacheTier?.stores[c] as CacheTier['stores'][number]).clear();
    st.note('nodeAdded', st.nodeIds[node] as string, `cache node asked for; it serves in ${provisioningMs / 1000} s`);
    st.at(st.nowMs + provisioningMs, EventKind.cacheNodeReady, node, st.nodeEpoch[node] as number);
    return node;
  }
  return -1;
}

export function onCacheNodeReady(st: SimState, node: number, epoch: number): void {
  const tier = st.cacheTier;
  if (tier === null || st.nodeEpoch[node] !== epoch || st.nodeStatus[node] !== NodeStatusCode.starting) return;
  setStatus(st, node, NodeStatusCode.up);
  const before = tier.placement.nodeCount;
  tier.placement.addNode(node - st.cacheNode(0));
  st.note(
    'nodeReady',
    st.nodeIds[node] as string,
    `cache node serving; ${tier.placementKind === 'ring' ? 'the ring' : 'modulo hashing'} now spreads keys over ${before + 1} nodes`,
  );
}

/** Removes a cache node: its keys go to the others (which miss them at first), its memory is gone. */
export function removeCacheNode(st: SimState, node: number): void {
  const tier = st.cacheTier;
  if (tier === null) return;
  const c = node - st.cacheNode(0);
  const placed = st.nodeStatus[node] !== NodeStatusCode.starting;
  setStatus(st, node, NodeStatusCode.absent);
  if (placed) tier.placement.removeNode(c);
  (tier.stores[c] as CacheTier['stores'][number]).clear();
  st.note('nodeRemoved', st.nodeIds[node] as string, `cache node removed; ${tier.placement.nodeCount} left`);
}
