// Moving replicas when a storage node joins or leaves. A move COPIES a replica to its new disk
// (repairCopyMs of hardware time, at most maxParallelRepairs at once) while the old one keeps
// serving; when the copy is done the slot points at the new disk and the old copy is dropped. The
// slot keeps its writes (its bit in the write masks): writes that arrive during the copy are
// streamed to the new disk too. So a move never makes a partition under-replicated and never
// loses an acknowledged write. Moves go first off nodes being removed, then from the fullest node
// to the emptiest until they differ by at most one replica (an even share per node). A copy whose
// source or target fails meanwhile is dropped and planned again.
// Left out: the network and disk load of the copies themselves, moving by key ranges.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { DiskStatusCode, MAX_RF, NodeStatusCode, SlotState } from '../codes';
import type { ScalingState } from '../scaling/scalingState';
import { diskNode } from './slots';
import { becomeAbsent } from './nodeSlots';

/** How often a stalled move (its source down) is tried again, ms. */
const RETRY_MS = 1000;

/** Storage nodes that take moved replicas: up, not draining. */
function takesReplicas(st: SimState, scaling: ScalingState, node: number): boolean {
  return st.nodeStatus[node] === NodeStatusCode.up && scaling.draining[node] !== 1;
}

/** Replicas each storage node holds once the copies under way are done, indexed by storage index. */
function loads(st: SimState, scaling: ScalingState): Int32Array {
  const load = new Int32Array(st.storageCount);
  for (let disk = 0; disk < st.diskReplicas.length; disk++) {
    const s = Math.floor(disk / st.disksPerNode);
    load[s] = (load[s] as number) + (st.diskReplicas[disk] as Set<number>).size;
  }
  for (const idx of scaling.moving) {
    const from = Math.floor((st.slotDisk[idx] as number) / st.disksPerNode);
    const to = Math.floor((scaling.moveTarget[idx] as number) / st.disksPerNode);
    if (from >= 0) load[from] = (load[from] as number) - 1;
    load[to] = (load[to] as number) + 1;
  }
  return load;
}

/** Storage nodes that hold, or will hold, a replica of p (present, being rebuilt, or being moved to). */
function nodesOf(st: SimState, scaling: ScalingState, p: number, except: number): Set<number> {
  const nodes = new Set<number>();
  for (let k = 0; k < MAX_RF; k++) {
    const idx = p * MAX_RF + k;
    if (idx === except) continue;
    const state = st.slotState[idx];
    if (state === SlotState.present) nodes.add(diskNode(st, st.slotDisk[idx] as number));
    if (state === SlotState.copying) nodes.add(diskNode(st, st.slotTarget[idx] as number));
    if ((scaling.moveTarget[idx] as number) >= 0) nodes.add(diskNode(st, scaling.moveTarget[idx] as number));
  }
  return nodes;
}

/** Whether replica idx may go to node: no other replica of its partition there (nor in its rack, rack-aware, if avoidable). */
function fits(st: SimState, scaling: ScalingState, idx: number, node: number, strictRacks: boolean): boolean {
  const others = nodesOf(st, scaling, Math.floor(idx / MAX_RF), idx);
  if (others.has(node)) return false;
  if (!strictRacks || st.scenario.storage.placement !== 'rack-aware') return true;
  for (const other of others) if (st.nodeRack[other] === st.nodeRack[node]) return false;
  return true;
}

/** The healthy disk of a node with the fewest replicas (incoming copies counted), or -1. */
function emptiestDisk(st: SimState, scaling: ScalingState, node: number): number {
  const first = (node - 2 - st.appCount) * st.disksPerNode;
  let best = -1;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (let d = first; d < first + st.disksPerNode; d++) {
    if (st.diskStatus[d] !== DiskStatusCode.healthy) continue;
    const load = (st.diskReplicas[d] as Set<number>).size + (scaling.diskIncoming[d] as number);
    if (load < bestLoad) {
      bestLoad = load;
      best = d;
    }
  }
  return best;
}

/** Replicas on a node that are not moving yet, in a fixed order. */
function idleReplicas(st: SimState, scaling: ScalingState, node: number): number[] {
  const first = (node - 2 - st.appCount) * st.disksPerNode;
  const out: number[] = [];
  for (let d = first; d < first + st.disksPerNode; d++)
    for (const idx of st.diskReplicas[d] as Set<number>) if ((scaling.moveTarget[idx] as number) < 0) out.push(idx);
  return out.sort((x, y) => x - y);
}

/** The next copy to start: [slot, disk], or null when the spread is even (or nothing can move now). */
function nextMove(st: SimState, scaling: ScalingState): [number, number] | null {
  const load = loads(st, scaling);
  const targets: number[] = [];
  for (let s = 0; s < st.storageCount; s++) {
    const node = st.storageNode(s);
    if (takesReplicas(st, scaling, node)) targets.push(node);
  }
  const byLoad = (x: number, y: number) =>
    (load[x - 2 - st.appCount] as number) - (load[y - 2 - st.appCount] as number) || x - y;
  targets.sort(byLoad);
  // Sources: nodes leaving first (any target will do), then the fullest nodes (only to emptier ones).
  const sources: number[] = [];
  for (let s = 0; s < st.storageCount; s++) {
    const node = st.storageNode(s);
    if (scaling.draining[node] === 1 && st.nodeStatus[node] === NodeStatusCode.up) sources.push(node);
  }
  const leaving = sources.length;
  sources.push(...[...targets].reverse());
  for (const [i, from] of sources.entries()) {
    const fromLoad = load[from - 2 - st.appCount] as number;
    const lowest = targets.length > 0 ? (load[(targets[0] as number) - 2 - st.appCount] as number) : fromLoad;
    // Sources past the leaving ones come fullest first: once one is within 1 of the emptiest, all are.
    if (i >= leaving && fromLoad - lowest < 2) break;
    const replicas = idleReplicas(st, scaling, from);
    for (const strict of [true, false]) {
      for (const to of targets) {
        if (to === from || (i >= leaving && fromLoad - (load[to - 2 - st.appCount] as number) < 2)) continue;
        const disk = emptiestDisk(st, scaling, to);
        if (disk < 0) continue;
        const idx = replicas.find((r) => fits(st, scaling, r, to, strict));
        if (idx !== undefined) return [idx, disk];
      }
    }
  }
  return null;
}

function startMove(st: SimState, scaling: ScalingState, idx: number, disk: number): void {
  scaling.moveTarget[idx] = disk;
  scaling.moveGen[idx] = st.slotGen[idx] as number;
  scaling.diskIncoming[disk] = (scaling.diskIncoming[disk] as number) + 1;
  scaling.moving.push(idx);
  const copyMs = st.hardwareMs(st.scenario.storage.repairCopyMs);
  st.at(st.nowMs + copyMs, EventKind.moveDone, idx, st.slotGen[idx] as number);
}

/** Starts copies up to the limit; when none is left to do, removes drained nodes and says so. */
export function continueMoves(st: SimState): void {
  const scaling = st.scaling;
  if (scaling === null || !scaling.rebalancing) return;
  const max = st.scenario.storage.maxParallelRepairs;
  while (scaling.moving.length < max) {
    const move = nextMove(st, scaling);
    if (move === null) break;
    startMove(st, scaling, move[0], move[1]);
  }
  finishDrains(st, scaling);
  if (scaling.moving.length > 0) return;
  if (scaling.draining.some((d, node) => d === 1 && st.isStorage(node))) {
    // A node being removed still holds replicas nobody can copy now (it or its peers are down).
    if (!scaling.retryScheduled) st.at(st.nowMs + RETRY_MS, EventKind.moveDone, 0, -1);
    scaling.retryScheduled = true;
    return;
  }
  scaling.rebalancing = false;
  if (scaling.movesDone > 0) st.note('partitionsMoved', 'storage', spreadWords(st, scaling));
  scaling.movesDone = 0;
}

function spreadWords(st: SimState, scaling: ScalingState): string {
  const load = loads(st, scaling);
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (let s = 0; s < st.storageCount; s++) {
    if (st.nodeStatus[st.storageNode(s)] === NodeStatusCode.absent) continue;
    low = Math.min(low, load[s] as number);
    high = Math.max(high, load[s] as number);
  }
  const copies = scaling.movesDone === 1 ? '1 replica copied' : `${scaling.movesDone} replicas copied`;
  return `${copies}; each storage node now holds ${low === high ? low : `${low} to ${high}`} replicas`;
}

function finishDrains(st: SimState, scaling: ScalingState): void {
  for (let s = 0; s < st.storageCount; s++) {
    const node = st.storageNode(s);
    if (scaling.draining[node] !== 1) continue;
    const first = s * st.disksPerNode;
    let left = 0;
    for (let d = first; d < first + st.disksPerNode; d++) left += (st.diskReplicas[d] as Set<number>).size;
    if (left > 0) continue;
    becomeAbsent(st, node);
    st.note('nodeRemoved', st.nodeIds[node] as string, 'every replica copied to other nodes; removed');
  }
}

/** A copy finished (gen -1: a retry of stalled moves). It counts only if nothing broke meanwhile. */
export function onMoveDone(st: SimState, idx: number, gen: number): void {
  const scaling = st.scaling;
  if (scaling === null) return;
  if (gen === -1) scaling.retryScheduled = false;
  if (gen !== -1 && (scaling.moveTarget[idx] as number) >= 0 && scaling.moveGen[idx] === gen)
    finishMove(st, scaling, idx);
  continueMoves(st);
}

function finishMove(st: SimState, scaling: ScalingState, idx: number): void {
  const disk = scaling.moveTarget[idx] as number;
  scaling.moveTarget[idx] = -1;
  scaling.diskIncoming[disk] = (scaling.diskIncoming[disk] as number) - 1;
  scaling.moving.splice(scaling.moving.indexOf(idx), 1);
  const target = diskNode(st, disk);
  const intact = st.slotGen[idx] === scaling.moveGen[idx] && st.slotState[idx] === SlotState.present;
  if (!intact || st.diskStatus[disk] !== DiskStatusCode.healthy || st.nodeStatus[target] !== NodeStatusCode.up) return;
  const source = st.slotDisk[idx] as number;
  if (st.nodeStatus[diskNode(st, source)] !== NodeStatusCode.up) return; // the copy's source went down
  if (nodesOf(st, scaling, Math.floor(idx / MAX_RF), idx).has(target)) return; // a repair got there first
  (st.diskReplicas[source] as Set<number>).delete(idx);
  (st.diskReplicas[disk] as Set<number>).add(idx);
  st.slotDisk[idx] = disk;
  // Rounds replayed after a fault treat the moved replica as new (conservative, as for a repair).
  st.slotChangedAt[idx] = st.nowMs;
  st.slotGen[idx] = ((st.slotGen[idx] as number) + 1) | 0;
  scaling.movesDone++;
}

/** Replica copies under way (ScalingSnapshot.movingPartitions). */
export function movingPartitions(st: SimState): number {
  return st.scaling === null ? 0 : st.scaling.moving.length;
}

/** The replicas on a storage node's disks, in a fixed order. */
export function replicasOn(st: SimState, node: number): number[] {
  const first = (node - 2 - st.appCount) * st.disksPerNode;
  const out: number[] = [];
  for (let d = first; d < first + st.disksPerNode; d++) out.push(...(st.diskReplicas[d] as Set<number>));
  return out.sort((x, y) => x - y);
}
