// Partitions and their replicas. Each partition has replicationFactor replica slots on disks of
// different storage nodes (in different racks when placement is rack-aware). Which replicas hold
// which acknowledged writes is tracked exactly, per partition, as counts per set of slots (a
// bitmask): when a slot is destroyed its bit is cleared, and writes whose set becomes empty are
// lost. Lost replicas are rebuilt on another disk after a detection delay, a few at a time, each
// copy taking repairCopyMs; live replicas exchange missing writes periodically (anti-entropy).
import { EventKind } from '../events';
import { DiskStatusCode, MASKS, MAX_RF, NodeStatusCode, SlotState, type SimState } from '../state';

function diskNode(st: SimState, disk: number): number {
  return st.storageNode(Math.floor(disk / st.disksPerNode));
}

function place(st: SimState, idx: number, disk: number): void {
  st.slotDisk[idx] = disk;
  st.slotState[idx] = SlotState.present;
  st.slotChangedAt[idx] = st.nowMs;
  st.slotGen[idx] = ((st.slotGen[idx] as number) + 1) | 0;
  (st.diskReplicas[disk] as Set<number>).add(idx);
  st.presentSlots[Math.floor(idx / MAX_RF)] = (st.presentSlots[Math.floor(idx / MAX_RF)] as number) + 1;
}

/** Initial layout, spread evenly over nodes (and, rack-aware, over racks; single-rack: all in one). */
export function placeInitialReplicas(st: SimState): void {
  const s = st.storageCount;
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
  if (st.presentSlots[p] === 0) d.partitionsLost++;
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
    const node = diskNode(st, disk);
    if (usedNodes.has(node) || st.nodeStatus[node] !== NodeStatusCode.up) continue;
    const rackPenalty =
      st.scenario.storage.placement === 'rack-aware' && usedRacks.has(st.nodeRack[node] as number) ? 1e9 : 0;
    const score = rackPenalty + (st.diskReplicas[disk] as Set<number>).size + (st.diskRebuilding[disk] as number);
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

/** Slots of p that are live and on the same side as slot s (marks them grouped). */
function liveGroup(st: SimState, p: number, s: number, rf: number, grouped: Uint8Array): number {
  const sideOf = (slot: number): number => {
    const idx = p * MAX_RF + slot;
    if (st.slotState[idx] !== SlotState.present) return -1;
    const node = diskNode(st, st.slotDisk[idx] as number);
    return st.nodeStatus[node] === NodeStatusCode.up ? (st.nodeSide[node] as number) : -1;
  };
  const side = sideOf(s);
  grouped[s] = 1;
  if (side < 0) return 0;
  let group = 1 << s;
  for (let t = s + 1; t < rf; t++) {
    if (grouped[t] === 0 && sideOf(t) === side) {
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
