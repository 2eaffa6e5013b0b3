// The per-frame state of the optional tiers (cache, scaling), apart from frame.ts so each tier
// adds its figures here without growing the frame builder.
import type { CacheSnapshot, ScalingSnapshot } from './snapshot';
import type { SimState } from './state';
import { scalingSnapshotOf } from './scaling/scalingSnapshot';

export function cacheFrameOf(st: SimState): { nodeCacheKeys: Int32Array; cache: CacheSnapshot | null } {
  const keys = new Int32Array(st.nodeCount);
  return { nodeCacheKeys: keys, cache: null };
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
