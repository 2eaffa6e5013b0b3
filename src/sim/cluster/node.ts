// Machines and their disks going down and coming back. A crash stops a node and loses its
// in-memory work but not its disks; a disk failure destroys the replicas on that disk; a rack
// power failure stops every node in the rack at once (and may take some disks with it).
// A slowed storage node serves from its disks that much slower.
// Left out: partial disk failures (bad sectors), one slow disk alone, kernel panics vs clean shutdowns.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { DiskStatusCode, NodeStatusCode } from '../codes';
import { dropAllWork } from './appServer';
import { destroyReplicas } from './replication';
import { startRepairs } from './repair';
import { emptyCacheNode } from '../cache/cacheEvents';
import { pipelineNodeChanged } from '../pipeline/pipelineEvents';

const HOUR_MS = 3_600_000;

function nodeName(st: SimState, node: number): string {
  return st.nodeIds[node] as string;
}

/** A node's status changes: work sent before now is void (epoch, changedAt, faultEpoch). */
export function setStatus(st: SimState, node: number, status: number): void {
  st.nodeStatus[node] = status;
  st.nodeEpoch[node] = ((st.nodeEpoch[node] as number) + 1) | 0;
  st.nodeChangedAt[node] = st.nowMs;
  st.faultEpoch++;
}

export function crashNode(
  st: SimState,
  node: number,
  why: string,
  status: number = NodeStatusCode.crashed,
  autoRestart = true,
): void {
  if (st.nodeStatus[node] !== NodeStatusCode.up) {
    // Already down: a power cut still voids any restart it had pending.
    if (status === NodeStatusCode.poweredOff && st.nodeStatus[node] !== status) setStatus(st, node, status);
    return;
  }
  setStatus(st, node, status);
  if (st.isApp(node)) dropAllWork(st, node - 2);
  emptyCacheNode(st, node);
  st.note(status === NodeStatusCode.poweredOff ? 'nodePoweredOff' : 'nodeCrashed', nodeName(st, node), why);
  st.observer?.({ type: 'nodeDown', timeMs: st.nowMs, node });
  if (st.pipeline?.owns(node) === true) pipelineNodeChanged(st, st.pipeline, node);
  const restartMs = st.scenario.appServers.restartAfterMs;
  if (autoRestart && st.isApp(node) && restartMs > 0 && status === NodeStatusCode.crashed) {
    st.at(st.nowMs + restartMs, EventKind.nodeRestartDue, node, st.nodeEpoch[node] as number);
  }
}

export function restartNode(st: SimState, node: number, why: string): void {
  if (st.nodeStatus[node] === NodeStatusCode.up) return;
  setStatus(st, node, NodeStatusCode.up);
  if (st.isApp(node)) st.busyChangedAt[node - 2] = st.nowMs;
  st.note('nodeRestarted', nodeName(st, node), why);
  st.observer?.({ type: 'nodeUp', timeMs: st.nowMs, node });
  if (st.pipeline?.owns(node) === true) pipelineNodeChanged(st, st.pipeline, node);
  startRepairs(st); // repairs may have been waiting for this node as a source
}

/** A scheduled restart (auto-restart, hardware repair, power back): only if nothing else happened since. */
export function onRestartDue(st: SimState, node: number, epoch: number, why: string): void {
  if (st.nodeEpoch[node] !== epoch) return;
  restartNode(st, node, why);
}

/**
 * A disk stops for good. `replaced`: a hardware failure (random, or a rack's power cut while
 * hardware faults are on), which operators replace after diskReplaceHours of hardware time; a
 * disk failed by hand stays failed until someone replaces it, as a lesson expects.
 */
export function failDisk(st: SimState, disk: number, why: string, replaced = false): void {
  if (st.diskStatus[disk] !== DiskStatusCode.healthy) return;
  st.diskStatus[disk] = DiskStatusCode.failed;
  st.diskChangedAt[disk] = st.nowMs;
  st.diskEpoch[disk] = ((st.diskEpoch[disk] as number) + 1) | 0;
  st.faultEpoch++;
  if (replaced) {
    const replaceMs = st.hardwareMs(st.hardware.diskReplaceHours * HOUR_MS);
    st.at(st.nowMs + replaceMs, EventKind.diskReplaceDue, disk, st.diskEpoch[disk] as number);
  }
  const replicas = [...(st.diskReplicas[disk] as Set<number>)].sort((x, y) => x - y);
  const node = st.storageNode(Math.floor(disk / st.disksPerNode));
  st.metrics.durability.diskFailures++;
  st.note(
    'diskFailed',
    nodeName(st, node),
    `disk ${disk % st.disksPerNode} failed (${why}); ${replicas.length} partitions under-replicated`,
  );
  destroyReplicas(st, replicas, nodeName(st, node));
}

export function replaceDisk(st: SimState, disk: number, why = 'replaced with an empty disk'): void {
  if (st.diskStatus[disk] === DiskStatusCode.healthy) return;
  st.diskStatus[disk] = DiskStatusCode.healthy;
  st.diskChangedAt[disk] = st.nowMs;
  st.diskEpoch[disk] = ((st.diskEpoch[disk] as number) + 1) | 0;
  st.faultEpoch++;
  const node = st.storageNode(Math.floor(disk / st.disksPerNode));
  st.note('diskReplaced', nodeName(st, node), `disk ${disk % st.disksPerNode} ${why}`);
  startRepairs(st);
}

/** The scheduled replacement of a disk that failed in hardware: only if nothing happened to it since. */
export function onDiskReplaceDue(st: SimState, disk: number, epoch: number): void {
  if (st.diskEpoch[disk] !== epoch) return;
  replaceDisk(st, disk, 'replaced with an empty disk by the operators');
}

export function nodesInRack(st: SimState, rack: number): number[] {
  const nodes: number[] = [];
  for (let node = 1; node < st.nodeCount; node++) {
    // Machines not in the cluster yet (absent, or still provisioning) are not powered from the rack.
    const status = st.nodeStatus[node];
    if (status === NodeStatusCode.absent || status === NodeStatusCode.starting) continue;
    if (st.nodeRack[node] === rack) nodes.push(node);
  }
  return nodes;
}

export function powerFailRack(st: SimState, rack: number, durationMs: number, diskFailShare: number): void {
  const rackId = st.rackIds[rack] as string;
  st.note('rackPowerFailed', rackId, durationMs > 0 ? `power out for ${durationMs / 1000} s` : 'power out');
  for (const node of nodesInRack(st, rack)) {
    crashNode(st, node, `power failure in ${rackId}`, NodeStatusCode.poweredOff);
    if (st.isStorage(node) && diskFailShare > 0) {
      const first = (node - 2 - st.appCount) * st.disksPerNode;
      for (let d = first; d < first + st.disksPerNode; d++) {
        if (st.rng.faults.next() < diskFailShare)
          failDisk(st, d, 'did not survive the power failure', st.hardware.enabled);
      }
    }
    if (durationMs > 0) st.at(st.nowMs + durationMs, EventKind.nodeRestartDue, node, st.nodeEpoch[node] as number);
  }
}

export function restoreRackPower(st: SimState, rack: number): void {
  for (const node of nodesInRack(st, rack)) {
    if (st.nodeStatus[node] === NodeStatusCode.poweredOff) restartNode(st, node, 'power restored');
  }
}

export function slowNode(st: SimState, node: number, factor: number): void {
  st.nodeSlow[node] = factor;
  st.note(
    factor > 1 ? 'nodeSlowed' : 'nodeSpeedRestored',
    nodeName(st, node),
    factor > 1 ? `runs ${factor}x slower` : 'runs at normal speed',
  );
}
