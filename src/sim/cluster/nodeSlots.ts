// Adding and removing machines while the run goes on. A node is asked for (its slot becomes
// "starting": paid for from now), serves after the provisioning delay, and is removed by becoming
// absent again. A new machine comes clean: empty queues, healthy empty disks, normal speed for
// its tier, no bad configuration, on the main side of any network partition.
// Left out: failed provisioning, machines of different sizes within a tier, warm-up after start.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { setStatus } from './node';
import { DiskStatusCode, NodeStatusCode } from '../codes';
import { CostTier } from '../scaling/machineSeconds';
import { formatDuration } from '../scaling/autoscalerWords';
import type { ScalingState } from '../scaling/scalingState';
import { dropAllWork } from './appServer';
import { scheduleHardwareFaults } from './hardwareFaults';
import { rebuildRotation } from './loadBalancer';
import { startRepairs } from './repair';
import { continueMoves } from './storageMoves';

export type ScalableTier = 'app' | 'storage';

function scalingOf(st: SimState): ScalingState {
  if (st.scaling === null) throw new Error('scaling is off in this scenario');
  return st.scaling;
}

function costTier(st: SimState, node: number): CostTier {
  return st.isApp(node) ? CostTier.app : CostTier.storage;
}

/** The first absent slot of a tier, or -1 when the tier is at its maximum. */
export function freeSlot(st: SimState, tier: ScalableTier): number {
  const count = tier === 'app' ? st.appCount : st.storageCount;
  for (let i = 0; i < count; i++) {
    const node = tier === 'app' ? st.appNode(i) : st.storageNode(i);
    if (st.nodeStatus[node] === NodeStatusCode.absent) return node;
  }
  return -1;
}

/** Asks for a machine in the first free slot of a tier; it serves after delayMs. Returns the node, or -1. */
export function addNode(st: SimState, tier: ScalableTier, delayMs: number): number {
  const scaling = scalingOf(st);
  const node = freeSlot(st, tier);
  if (node < 0) return -1;
  setStatus(st, node, NodeStatusCode.starting);
  st.nodeSpeed[node] = scaling.tierSpeed[tier === 'app' ? CostTier.app : CostTier.storage] as number;
  st.nodeSlow[node] = 1;
  st.badConfig[node] = null;
  st.nodeSide[node] = 0;
  if (tier === 'app') resetServer(st, node - 2);
  else freshDisks(st, node);
  scaling.cost.add(costTier(st, node), st.nowMs);
  const ready = delayMs > 0 ? `serves in ${formatDuration(delayMs)}` : 'serves at once';
  st.note('nodeAdded', st.nodeIds[node] as string, `new machine provisioning; ${ready}`);
  st.at(st.nowMs + delayMs, EventKind.nodeReady, node, scaling.slotEpoch[node] as number);
  scheduleHardwareFaults(st); // one more machine to fail
  return node;
}

function resetServer(st: SimState, a: number): void {
  dropAllWork(st, a);
  st.busyArea[a] = 0;
  st.busyChangedAt[a] = st.nowMs;
  st.utilization[a] = 0;
  st.failedProbes[a] = 0;
  st.inRotation[a] = 0;
}

/** A new storage machine has new disks: healthy and empty (a pending replacement is void). */
function freshDisks(st: SimState, node: number): void {
  const first = (node - 2 - st.appCount) * st.disksPerNode;
  for (let d = first; d < first + st.disksPerNode; d++) {
    st.diskStatus[d] = DiskStatusCode.healthy;
    st.diskChangedAt[d] = -1;
    st.diskEpoch[d] = ((st.diskEpoch[d] as number) + 1) | 0;
  }
}

/** Provisioning is over: the machine serves (an app server joins the rotation at once). */
export function onNodeReady(st: SimState, node: number, epoch: number): void {
  const scaling = scalingOf(st);
  if (scaling.slotEpoch[node] !== epoch || st.nodeStatus[node] !== NodeStatusCode.starting) return;
  setStatus(st, node, NodeStatusCode.up);
  st.observer?.({ type: 'nodeUp', timeMs: st.nowMs, node });
  if (st.isApp(node)) {
    const a = node - 2;
    st.busyChangedAt[a] = st.nowMs;
    st.inRotation[a] = 1;
    rebuildRotation(st);
    st.note('nodeReady', st.nodeIds[node] as string, 'provisioned; serving and in rotation');
    return;
  }
  st.note('nodeReady', st.nodeIds[node] as string, 'provisioned; partitions start moving to it');
  scaling.rebalancing = true;
  startRepairs(st); // repairs waiting for a target may use it
  continueMoves(st);
}

/** The machine leaves the cluster and stops costing; whatever it held is gone. */
export function becomeAbsent(st: SimState, node: number): void {
  const scaling = scalingOf(st);
  const wasUp = st.nodeStatus[node] === NodeStatusCode.up;
  if (st.isApp(node)) dropAllWork(st, node - 2);
  setStatus(st, node, NodeStatusCode.absent);
  scaling.draining[node] = 0;
  scaling.slotEpoch[node] = ((scaling.slotEpoch[node] as number) + 1) | 0;
  scaling.cost.remove(costTier(st, node), st.nowMs);
  st.nodeSlow[node] = 1;
  st.badConfig[node] = null;
  if (st.isApp(node)) {
    st.inRotation[node - 2] = 0;
    st.utilization[node - 2] = 0;
    rebuildRotation(st);
  }
  if (wasUp) st.observer?.({ type: 'nodeDown', timeMs: st.nowMs, node });
  scheduleHardwareFaults(st); // one machine fewer to fail
}
