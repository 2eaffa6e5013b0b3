// The per-frame state of the optional tiers (cache, scaling), apart from frame.ts so each tier
// adds its figures here without growing the frame builder.
import type { CacheSnapshot, NodeSnapshot, ScalingSnapshot } from './snapshot';
import type { SimState } from './state';
import { scalingSnapshotOf } from './scaling/scalingSnapshot';

export function cacheFrameOf(st: SimState): {
  nodeCacheKeys: Int32Array;
  nodeCacheHitShare: Float32Array;
  cache: CacheSnapshot | null;
} {
  const keys = new Int32Array(st.nodeCount);
  const share = new Float32Array(st.nodeCount).fill(-1);
  const tier = st.cacheTier;
  if (tier !== null)
    for (let c = 0; c < st.cacheCount; c++) {
      keys[st.cacheNode(c)] = tier.stores[c]?.size ?? 0;
      const hitShare = tier.nodeHitShare[c] as number;
      share[st.cacheNode(c)] = Number.isNaN(hitShare) ? -1 : hitShare;
    }
  return { nodeCacheKeys: keys, nodeCacheHitShare: share, cache: cacheSnapshotOf(st) };
}

/** The cache tier's figures and policies, or null without a cache tier. */
export function cacheSnapshotOf(st: SimState): CacheSnapshot | null {
  const tier = st.cacheTier;
  if (tier === null) return null;
  const lookups = tier.hits + tier.misses;
  return {
    placement: tier.placementKind,
    ...tier.policy,
    hits: tier.hits,
    misses: tier.misses,
    hitShare: lookups > 0 ? tier.hits / lookups : null,
    staleReads: tier.staleReads,
    coalesced: tier.coalesced,
    servedStale: tier.servedStale,
    keysHeld: tier.keysHeld(),
  };
}

/** A cache node's keys, capacity and last window's hit share (null: no lookups), for its snapshot. */
export function cacheNodeOf(st: SimState, node: number): NodeSnapshot['cache'] {
  const tier = st.cacheTier;
  if (tier === null || !st.isCache(node)) return undefined;
  const c = node - st.cacheNode(0);
  const store = tier.stores[c];
  const share = tier.nodeHitShare[c] as number;
  return { keys: store?.size ?? 0, capacity: store?.capacity ?? 0, hitShare: Number.isNaN(share) ? null : share };
}

export function scalingFrameOf(st: SimState): {
  nodeDraining: Uint8Array;
  nodeSpeed: Float32Array;
  scaling: ScalingSnapshot | null;
} {
  const nodeDraining = new Uint8Array(st.nodeCount);
  const nodeSpeed = new Float32Array(st.nodeCount);
  for (let node = 0; node < st.nodeCount; node++) {
    nodeDraining[node] = st.scaling?.draining[node] ?? 0;
    nodeSpeed[node] = st.nodeSpeed[node] as number;
  }
  return { nodeDraining, nodeSpeed, scaling: scalingSnapshotOf(st) };
}
