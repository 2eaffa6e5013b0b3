// Rebuilding lost replicas: after a detection delay a lost slot joins the repair queue; a few
// repairs run at a time, each copying from a live replica to the healthy disk with the fewest
// replicas on an up node that holds no copy of the partition (another rack, when placement is
// rack-aware), and taking repairCopyMs of hardware time. A copy whose source or target fails
// meanwhile starts over.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { DiskStatusCode, MASKS, MAX_RF, NodeStatusCode, SlotState } from '../codes';
import { diskNode, place } from './slots';

export function onRepairDetected(st: SimState, idx: number, gen: number): void {
  if (st.slotGen[idx] !== gen || st.slotState[idx] !== SlotState.missing) return;
  st.slotState[idx] = SlotState.queued;
  st.repairQueue.push(idx);
  startRepairs(st);
}

/** A live replica of p to copy from: -1 if none is up, -2 if the partition holds no data at all. */
function sourceSlot(st: SimState, p: number): number {
  let any = false;
  for (let s = 0; s < st.policy.replicationFactor; s++) {
    const idx = p * MAX_RF + s;
    if (st.slotState[idx] !== SlotState.present) continue;
    any = true;
    if (st.nodeStatus[diskNode(st, st.slotDisk[idx] as number)] === NodeStatusCode.up) return s;
  }
  return any ? -1 : -2;
}

/** The healthy disk with fewest replicas on an up node that holds no replica of p, preferring unused racks. */
function chooseTarget(st: SimState, p: number): number {
  const usedNodes = new Set<number>();
  const usedRacks = new Set<number>();
  for (let s = 0; s < MAX_RF; s++) {
    const idx = p * MAX_RF + s;
    const disk =
      st.slotState[idx] === SlotState.present
        ? (st.slotDisk[idx] as number)
        : st.slotState[idx] === SlotState.copying
          ? (st.slotTarget[idx] as number)
          : -1;
    if (disk < 0) continue;
    const node = diskNode(st, disk);
    usedNodes.add(node);
    usedRacks.add(st.nodeRack[node] as number);
  }
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let disk = 0; disk < st.diskStatus.length; disk++) {
    if (st.diskStatus[disk] !== DiskStatusCode.healthy) continue;
    // Cheapest test first: a disk at least as full as the best so far cannot win (ties keep the
    // lower index), whatever else holds. A fleet of 10,000 disks is mostly skipped here.
    const load = (st.diskReplicas[disk] as Set<number>).size + (st.diskRebuilding[disk] as number);
    if (load >= bestScore) continue;
    const node = diskNode(st, disk);
    if (usedNodes.has(node) || st.nodeStatus[node] !== NodeStatusCode.up) continue;
    if (st.scaling !== null && st.scaling.draining[node] === 1) continue; // being emptied for removal
    const rackPenalty =
      st.scenario.storage.placement === 'rack-aware' && usedRacks.has(st.nodeRack[node] as number) ? 1e9 : 0;
    const score = rackPenalty + load;
    if (score < bestScore) {
      bestScore = score;
      best = disk;
    }
  }
  return best;
}

export function startRepairs(st: SimState): void {
  const max = st.scenario.storage.maxParallelRepairs;
  let waiting = st.repairQueue.length;
  while (st.repairsActive < max && waiting-- > 0) {
    const idx = st.repairQueue.shift() as number;
    if (st.slotState[idx] !== SlotState.queued) continue;
    const p = Math.floor(idx / MAX_RF);
    const target = chooseTarget(st, p);
    if (target < 0 || sourceSlot(st, p) === -1) {
      st.repairQueue.push(idx); // nowhere to copy to or from yet: try again when something changes
      continue;
    }
    st.slotState[idx] = SlotState.copying;
    st.slotTarget[idx] = target;
    st.diskRebuilding[target] = (st.diskRebuilding[target] as number) + 1;
    st.repairsActive++;
    st.at(
      st.nowMs + st.hardwareMs(st.scenario.storage.repairCopyMs),
      EventKind.repairDone,
      idx,
      st.slotGen[idx] as number,
    );
  }
}

export function onRepairDone(st: SimState, idx: number, gen: number): void {
  if (st.slotGen[idx] !== gen || st.slotState[idx] !== SlotState.copying) return;
  const target = st.slotTarget[idx] as number;
  st.diskRebuilding[target] = (st.diskRebuilding[target] as number) - 1;
  st.repairsActive--;
  const p = Math.floor(idx / MAX_RF);
  const source = sourceSlot(st, p);
  const targetNode = diskNode(st, target);
  if (
    st.diskStatus[target] !== DiskStatusCode.healthy ||
    st.nodeStatus[targetNode] !== NodeStatusCode.up ||
    source === -1
  ) {
    st.slotState[idx] = SlotState.queued; // the copy failed: start over
    st.repairQueue.push(idx);
    startRepairs(st);
    return;
  }
  place(st, idx, target);
  st.faultEpoch++;
  const s = idx % MAX_RF;
  if (source >= 0) {
    const base = p * MASKS;
    for (let m = 1; m < MASKS; m++) {
      const c = st.maskCounts[base + m] as number;
      if ((m & (1 << source)) === 0 || (m & (1 << s)) !== 0 || c === 0) continue;
      st.maskCounts[base + m] = 0;
      st.maskCounts[base + (m | (1 << s))] = (st.maskCounts[base + (m | (1 << s))] as number) + c;
    }
  }
  st.metrics.durability.repairsCompleted++;
  st.observer?.({ type: 'replicaRebuilt', timeMs: st.nowMs, partition: p, slot: s, fromSlot: source });
  st.note(
    'replicaRebuilt',
    `partition ${p}`,
    `replica ${s + 1} rebuilt on ${st.nodeIds[targetNode]} disk ${target % st.disksPerNode}`,
  );
  startRepairs(st);
}
