// Random hardware faults: every disk and every machine (app and storage) fails after an
// exponentially distributed lifetime with the configured MTTF. N independent exponential clocks
// are one clock of rate N / MTTF; a victim is drawn uniformly and a draw that lands on an
// already-failed part is skipped (thinning), which keeps the per-part rate exact. Hardware time
// runs timeCompression times faster than simulated time, for failures and repairs alike, so the
// ratio MTTR / MTTF that decides durability is kept. A disk that fails in hardware is replaced
// (empty) after diskReplaceHours, so a long run settles near N x replace / (MTTF + replace) failed
// disks instead of running out (node.ts schedules it).
// Left out: wear-out and infant mortality (bathtub curve), correlated batches of disks.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { DiskStatusCode, NodeStatusCode } from '../codes';
import { crashNode, failDisk } from './node';

const HOUR_MS = 3_600_000;

export function scheduleHardwareFaults(st: SimState): void {
  st.hardwareToken = (st.hardwareToken + 1) | 0;
  if (!st.hardware.enabled) return;
  scheduleDisk(st);
  scheduleNode(st);
}

function machines(st: SimState): number {
  return st.appCount + st.storageCount;
}

function scheduleDisk(st: SimState): void {
  const mean = st.hardwareMs(st.hardware.diskMttfHours * HOUR_MS) / st.diskStatus.length;
  st.at(st.nowMs + st.rng.faults.exponential(mean), EventKind.diskFailureDue, 0, st.hardwareToken);
}

function scheduleNode(st: SimState): void {
  const mean = st.hardwareMs(st.hardware.nodeMttfHours * HOUR_MS) / machines(st);
  st.at(st.nowMs + st.rng.faults.exponential(mean), EventKind.nodeFailureDue, 0, st.hardwareToken);
}

export function onDiskFailureDue(st: SimState, token: number): void {
  if (token !== st.hardwareToken) return;
  const disk = st.rng.faults.int(st.diskStatus.length);
  if (st.diskStatus[disk] === DiskStatusCode.healthy) failDisk(st, disk, 'hardware fault', true);
  scheduleDisk(st);
}

export function onNodeFailureDue(st: SimState, token: number): void {
  if (token !== st.hardwareToken) return;
  const node = 2 + st.rng.faults.int(machines(st));
  if (st.nodeStatus[node] === NodeStatusCode.up) {
    st.metrics.durability.nodeFailures++;
    crashNode(st, node, 'hardware fault', NodeStatusCode.crashed, false);
    const repairMs = st.hardwareMs(st.hardware.nodeRepairHours * HOUR_MS);
    st.at(st.nowMs + repairMs, EventKind.nodeRestartDue, node, st.nodeEpoch[node] as number);
  }
  scheduleNode(st);
}
