// Partitions and their replicas. Each partition has replicationFactor replica slots on disks of
// different storage nodes (in different racks when placement is rack-aware). Which replicas hold
// which acknowledged writes is tracked exactly, per partition, as counts per set of slots (a
// bitmask): when a slot is destroyed its bit is cleared, and writes whose set becomes empty are
// lost. Lost replicas are rebuilt on another disk (repair.ts); live replicas exchange missing
// writes periodically (anti-entropy).
import { EventKind } from '../events';
import type { SimState } from '../state';
import { MASKS, MAX_RF, NodeStatusCode, SlotState } from '../codes';
import { startRepairs } from './repair';
import { diskNode, place } from './slots';

/** Initial layout, spread evenly over nodes (and, rack-aware, over racks; single-rack: all in one). */
export function placeInitialReplicas(st: SimState): void {
  const s = st.scenario.storage.count; // slots beyond it (scaling) start absent
  const racks = st.rackIds.length;
  const mode = st.scenario.storage.placement;
  for (let p = 0; p < st.partitions; p++) {
    const used = new Set<number>();
    for (let k = 0; k < st.policy.replicationFactor; k++) {
      let storage: number;
      if (mode === 'random') {
        do storage = st.rng.faults.int(s);
        while (used.has(storage));
      } else if (mode === 'single-rack') {
        // Nodes of one rack are r, r + racks, r + 2 racks, ...; fall back to any node if the rack is small.
        const rack = p % racks;
        const inRack = Math.ceil((s - rack) / racks);
        storage = k < inRack ? rack + ((Math.floor(p / racks) + k) % inRack) * racks : (p + k) % s;
        while (used.has(storage)) storage = (storage + 1) % s;
      } else {
        // Replica k goes to rack p + k, so up to one replica per rack; nodes within a rack take turns.
        const rack = (p + k) % racks;
        const inRack = Math.ceil((s - rack) / racks);
        storage = k < racks && inRack > 0 ? rack + (Math.floor(p / racks) % inRack) * racks : (p + k) % s;
        while (used.has(storage)) storage = (storage + 1) % s;
      }
      used.add(storage);
      const disk = storage * st.disksPerNode + (Math.floor(p / s) % st.disksPerNode);
      place(st, p * MAX_RF + k, disk);
    }
  }
}

export function ackWrite(st: SimState, p: number, mask: number): void {
  st.maskCounts[p * MASKS + mask] = (st.maskCounts[p * MASKS + mask] as number) + 1;
  st.metrics.durability.writesAcked++;
  st.observer?.({ type: 'writeAcked', timeMs: st.nowMs, partition: p, mask });
}

/**
 * A replica is gone (its disk failed, or the replication factor was lowered). Returns the
 * acknowledged writes that went with it; the caller tells the story once for all its replicas.
 */
export function destroyReplica(st: SimState, idx: number, rebuild = true): number {
  if (st.slotState[idx] !== SlotState.present) return 0;
  const p = Math.floor(idx / MAX_RF);
  const s = idx % MAX_RF;
  (st.diskReplicas[st.slotDisk[idx] as number] as Set<number>).delete(idx);
  st.slotDisk[idx] = -1;
  st.slotState[idx] = SlotState.missing;
  st.slotChangedAt[idx] = st.nowMs;
  st.slotGen[idx] = ((st.slotGen[idx] as number) + 1) | 0;
  st.presentSlots[p] = (st.presentSlots[p] as number) - 1;
  st.faultEpoch++;
  st.observer?.({ type: 'replicaDestroyed', timeMs: st.nowMs, partition: p, slot: s });
  const bit = 1 << s;
  const base = p * MASKS;
  let lostWrites = 0;
  for (let m = 1; m < MASKS; m++) {
    const c = st.maskCounts[base + m] as number;
    if ((m & bit) === 0 || c === 0) continue;
    st.maskCounts[base + m] = 0;
    const rest = m & ~bit;
    if (rest === 0) lostWrites += c;
    else st.maskCounts[base + rest] = (st.maskCounts[base + rest] as number) + c;
  }
  const d = st.metrics.durability;
  if (lostWrites > 0) {
    d.ackedWritesLost += lostWrites;
    st.observer?.({ type: 'writesLost', timeMs: st.nowMs, partition: p, count: lostWrites });
  }
  if (st.presentSlots[p] === 0) {
    d.partitionLossEvents++;
    d.lostPartitions.add(p);
  }
  if (rebuild)
    st.at(
      st.nowMs + st.hardwareMs(st.scenario.storage.repairDetectMs),
      EventKind.repairDetected,
      idx,
      st.slotGen[idx] as number,
    );
  return lostWrites;
}

/** Destroys several replicas and notes, once, what that cost. */
export function destroyReplicas(st: SimState, replicas: readonly number[], target: string, rebuild = true): void {
  let writes = 0;
  const emptied = new Set<number>();
  for (const idx of replicas) {
    writes += destroyReplica(st, idx, rebuild);
    const p = Math.floor(idx / MAX_RF);
    if (st.presentSlots[p] === 0) emptied.add(p);
  }
  if (emptied.size > 0 || writes > 0) {
    const partitions = emptied.size === 1 ? '1 partition' : `${emptied.size} partitions`;
    st.note('writesLost', target, `${partitions} lost every replica; ${writes} acknowledged writes lost`);
  }
}

/** Live replicas on the same side of any network partition share their writes with each other. */
export function onAntiEntropy(st: SimState): void {
  st.at(st.nowMs + st.scenario.storage.antiEntropyIntervalMs, EventKind.antiEntropy, 0, 0);
  const rf = st.policy.replicationFactor;
  const grouped = new Uint8Array(MAX_RF);
  for (let p = 0; p < st.partitions; p++) {
    grouped.fill(0);
    for (let s = 0; s < rf; s++) {
      if (grouped[s] === 1) continue;
      const group = liveGroup(st, p, s, rf, grouped);
      if ((group & (group - 1)) !== 0) syncGroup(st, p, group);
    }
  }
}

/** The network side of replica idx's node, or -1 if the replica is missing or its node down. */
function sideOf(st: SimState, idx: number): number {
  if (st.slotState[idx] !== SlotState.present) return -1;
  const node = diskNode(st, st.slotDisk[idx] as number);
  return st.nodeStatus[node] === NodeStatusCode.up ? (st.nodeSide[node] as number) : -1;
}

/** Slots of p that are live and on the same side as slot s (marks them grouped). */
function liveGroup(st: SimState, p: number, s: number, rf: number, grouped: Uint8Array): number {
  const side = sideOf(st, p * MAX_RF + s);
  grouped[s] = 1;
  if (side < 0) return 0;
  let group = 1 << s;
  for (let t = s + 1; t < rf; t++) {
    if (grouped[t] === 0 && sideOf(st, p * MAX_RF + t) === side) {
      grouped[t] = 1;
      group |= 1 << t;
    }
  }
  return group;
}

function syncGroup(st: SimState, p: number, group: number): void {
  const base = p * MASKS;
  let moved = false;
  for (let m = 1; m < MASKS; m++) {
    const c = st.maskCounts[base + m] as number;
    if (c === 0 || (m & group) === 0 || (m | group) === m) continue;
    st.maskCounts[base + m] = 0;
    st.maskCounts[base + (m | group)] = (st.maskCounts[base + (m | group)] as number) + c;
    moved = true;
  }
  if (moved) st.observer?.({ type: 'replicasSynced', timeMs: st.nowMs, partition: p, group });
}

/** A new replication factor: extra slots are dropped, new ones are queued for building. */
export function changeReplicationFactor(st: SimState, from: number, to: number): void {
  const dropped: number[] = [];
  for (let p = 0; p < st.partitions; p++) {
    for (let s = to; s < from; s++) {
      const idx = p * MAX_RF + s;
      if (st.slotState[idx] === SlotState.copying) {
        const target = st.slotTarget[idx] as number;
        st.diskRebuilding[target] = (st.diskRebuilding[target] as number) - 1;
        st.repairsActive--;
      }
      dropped.push(idx);
    }
  }
  destroyReplicas(st, dropped, 'cluster', false);
  for (let p = 0; p < st.partitions; p++) {
    for (let s = to; s < from; s++) {
      const idx = p * MAX_RF + s;
      st.slotState[idx] = SlotState.missing;
      st.slotGen[idx] = ((st.slotGen[idx] as number) + 1) | 0;
    }
    for (let s = from; s < to; s++) {
      const idx = p * MAX_RF + s;
      if (st.slotState[idx] === SlotState.missing) {
        st.slotState[idx] = SlotState.queued;
        st.repairQueue.push(idx);
      }
    }
  }
  startRepairs(st);
}
