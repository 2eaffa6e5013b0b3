// What scaling shows outside the simulation: tier sizes, machine-seconds, the autoscaler's last
// decision and the replica copies under way (ScalingSnapshot), and per node whether it drains and
// how fast its machine is. Copies, never references.
import type { NodeSnapshot, ScalingSnapshot } from '../snapshot';
import type { SimState } from '../state';
import { movingPartitions } from '../cluster/storageMoves';
import { CostTier } from './machineSeconds';
import { tierCounts } from './scalingState';

export function scalingSnapshotOf(st: SimState): ScalingSnapshot | null {
  const scaling = st.scaling;
  if (scaling === null) return null;
  const cost = scaling.cost;
  return {
    counts: tierCounts(st),
    machineSeconds: {
      balancer: cost.secondsAt(CostTier.balancer, st.nowMs),
      app: cost.secondsAt(CostTier.app, st.nowMs),
      cache: cost.secondsAt(CostTier.cache, st.nowMs),
      storage: cost.secondsAt(CostTier.storage, st.nowMs),
    },
    autoscaler:
      scaling.autoscaler === null && scaling.lastDecision === null
        ? null
        : { enabled: scaling.autoscaler !== null, lastDecision: scaling.lastDecision },
    movingPartitions: movingPartitions(st),
  };
}

/** The node fields scaling adds (none without scaling, so older snapshots stay as they were). */
export function scalingNodeFields(st: SimState, node: number): Pick<NodeSnapshot, 'draining' | 'speedFactor'> {
  if (st.scaling === null) return {};
  return { draining: st.scaling.draining[node] === 1, speedFactor: st.nodeSpeed[node] as number };
}
