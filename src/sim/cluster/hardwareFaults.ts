// Random hardware faults: every disk and every machine (app and storage) fails after an
// exponentially distributed lifetime with the configured MTTF. N independent exponential clocks
// are one clock of rate N / MTTF; a victim is drawn uniformly and a draw that lands on an
// already-failed part is skipped (thinning), which keeps the per-part rate exact. Hardware time
// runs timeCompression times faster than simulated time, for failures and repairs alike, so the
// ratio MTTR / MTTF that decides durability is kept. A disk that fails in hardware is replaced
// (empty) after diskReplaceHours, so a long run settles near N x replace / (MTTF + replace) failed
// disks instead of running out (node.ts schedules it).
// With scaling, only machines (and their disks) in the cluster fail: the rate and the victim count
// them alone, and adding or removing one redraws both clocks (memoryless, so that is exact).
// Left out: wear-out and infant mortality (bathtub curve), correlated batches of disks.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { DiskStatusCode, NodeStatusCode } from '../codes';
import { crashNode, failDisk } from './node';
import { machinesInCluster } from '../scaling/scalingState';

const HOUR_MS = 3_600_000;

export function scheduleHardwareFaults(st: SimState): void {
  st.hardwareToken = (st.hardwareToken + 1) | 0;
  if (!st.hardware.enabled) return;
  scheduleDisk(st);
  scheduleNode(st);
}

/** Nodes whose machines can fail: every app server and storage node, or with scaling those in the cluster. */
function machines(st: SimState): number[] | number {
  return st.scaling === null ? st.appCount + st.storageCount : machinesInCluster(st);
}

function machineCount(st: SimState): number {
  const m = machines(st);
  return typeof m === 'number' ? m : m.length;
}

/** Disks that can fail: all, or with scaling those of storage nodes in the cluster. */
function disks(st: SimState): number[] | number {
  if (st.scaling === null) return st.diskStatus.length;
  const out: number[] = [];
  for (const node of machinesInCluster(st)) {
    if (!st.isStorage(node)) continue;
    const first = (node - 2 - st.appCount) * st.disksPerNode;
    for (let d = first; d < first + st.disksPerNode; d++) out.push(d);
  }
  return out;
}

function diskCount(st: SimState): number {
  const d = disks(st);
  return typeof d === 'number' ? d : d.length;
}

function scheduleDisk(st: SimState): void {
  const count = diskCount(st);
  if (count === 0) return;
  const mean = st.hardwareMs(st.hardware.diskMttfHours * HOUR_MS) / count;
  st.at(st.nowMs + st.rng.faults.exponential(mean), EventKind.diskFailureDue, 0, st.hardwareToken);
}

function scheduleNode(st: SimState): void {
  const count = machineCount(st);
  if (count === 0) return;
  const mean = st.hardwareMs(st.hardware.nodeMttfHours * HOUR_MS) / count;
  st.at(st.nowMs + st.rng.faults.exponential(mean), EventKind.nodeFailureDue, 0, st.hardwareToken);
}

export function onDiskFailureDue(st: SimState, token: number): void {
  if (token !== st.hardwareToken) return;
  const all = disks(st);
  const disk = typeof all === 'number' ? st.rng.faults.int(all) : (all[st.rng.faults.int(all.length)] as number);
  if (st.diskStatus[disk] === DiskStatusCode.healthy) failDisk(st, disk, 'hardware fault', true);
  scheduleDisk(st);
}

export function onNodeFailureDue(st: SimState, token: number): void {
  if (token !== st.hardwareToken) return;
  const all = machines(st);
  const node = typeof all === 'number' ? 2 + st.rng.faults.int(all) : (all[st.rng.faults.int(all.length)] as number);
  if (st.nodeStatus[node] === NodeStatusCode.up) {
    st.metrics.durability.nodeFailures++;
    crashNode(st, node, 'hardware fault', NodeStatusCode.crashed, false);
    const repairMs = st.hardwareMs(st.hardware.nodeRepairHours * HOUR_MS);
    st.at(st.nowMs + repairMs, EventKind.nodeRestartDue, node, st.nodeEpoch[node] as number);
  }
  scheduleNode(st);
}
