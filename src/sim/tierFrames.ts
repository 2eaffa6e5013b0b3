// The per-frame state of the optional tiers (cache, scaling), apart from frame.ts so each tier
// adds its figures here without growing the frame builder.
import type { CacheSnapshot, ScalingSnapshot } from './snapshot';
import type { SimState } from './state';

export function cacheFrameOf(st: SimState): { nodeCacheKeys: Int32Array; cache: CacheSnapshot | null } {
  const keys = new Int32Array(st.nodeCount);
  return { nodeCacheKeys: keys, cache: null };
}

export function scalingFrameOf(st: SimState): {
  nodeDraining: Uint8Array;
  nodeSpeed: Float32Array;
  scaling: ScalingSnapshot | null;
} {
  return {
    nodeDraining: new Uint8Array(st.nodeCount),
    nodeSpeed: new Float32Array(st.nodeCount).fill(1),
    scaling: null,
  };
}
