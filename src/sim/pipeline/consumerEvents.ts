// The consumer groups at run time: members joining and leaving (with the rebalance pause), idle
// workers taking the oldest visible event of their partitions, and an event's end (the index
// updated or the email sent, a duplicate counted, the delay recorded). An indexer whose shard has
// no live copy holds the event and tries it again.
import { EventKind } from '../events';
import { BALANCER, NodeStatusCode } from '../codes';
import type { SimState } from '../state';
import { speedOf } from '../scaling/scalingState';
import { FREE, type GroupRuntime } from './consumerTier';
import { KEY_SPAN } from './keySpace';
import type { Pipeline } from './pipeline';
import { indexAccepts } from './indexNodes';
import { cutOff } from './reachability';

/** Worker slots per group in an event's index: MAX_CONSUMERS (256) x 64 workers. */
const WORKER_SPAN = 1 << 14;
/** An indexer whose shard has no live copy tries the event again after this long, ms. */
export const INDEX_RETRY_MS = 100;

export function syncConsumer(st: SimState, p: Pipeline, node: number): void {
  const gi = p.groupOf[node - p.firstNode] as number;
  const g = p.groups[gi] as GroupRuntime;
  const c = p.number(node);
  const member = g.group.isAlive(c);
  const down = st.nodeStatus[node] === NodeStatusCode.absent || cutOff(st, node);
  if (member && down) {
    const redo = g.group.crash(c);
    g.freeWorkers(c);
    st.note(
      'consumerRewound',
      st.nodeIds[node] as string,
      `lost its place: ${redo} events it finished since its last commit will be processed again (duplicates); ${g.group.abandonedInFlight} in progress start over`,
    );
    startRebalance(st, g, gi);
  } else if (!member && !down) {
    g.group.join(c);
    startRebalance(st, g, gi);
  }
}

/** Adds the first absent consumer of a group; returns its node or -1. */
export function addConsumer(st: SimState, p: Pipeline, gi: number): number {
  const g = p.groups[gi] as GroupRuntime;
  for (let c = 0; c < g.settings.maxConsumers; c++) {
    const node = g.firstNode + c;
    if (st.nodeStatus[node] !== NodeStatusCode.absent) continue;
    st.nodeStatus[node] = NodeStatusCode.up;
    st.nodeEpoch[node] = ((st.nodeEpoch[node] as number) + 1) | 0;
    st.nodeChangedAt[node] = st.nowMs;
    st.nodeSlow[node] = 1;
    st.nodeSide[node] = st.nodeSide[BALANCER] as number;
    st.note('consumerAdded', st.nodeIds[node] as string, `joins ${g.settings.name}; the group rebalances`);
    syncConsumer(st, p, node);
    return node;
  }
  return -1;
}

/** A consumer leaves cleanly: it commits what it finished, then the group rebalances without it. */
export function removeConsumer(st: SimState, p: Pipeline, node: number): void {
  const gi = p.groupOf[node - p.firstNode] as number;
  const g = p.groups[gi] as GroupRuntime;
  const c = p.number(node);
  if (g.group.isAlive(c)) g.group.leave(c);
  g.freeWorkers(c);
  st.nodeStatus[node] = NodeStatusCode.absent;
  st.nodeEpoch[node] = ((st.nodeEpoch[node] as number) + 1) | 0;
  st.nodeChangedAt[node] = st.nowMs;
  st.note(
    'consumerRemoved',
    st.nodeIds[node] as string,
    `left ${g.settings.name} after committing; the group rebalances`,
  );
  startRebalance(st, g, gi);
}

export function startRebalance(st: SimState, g: GroupRuntime, gi: number): void {
  g.rebalancing = true;
  g.rebalanceToken = (g.rebalanceToken + 1) | 0;
  st.at(st.nowMs + g.settings.rebalancePauseMs, EventKind.rebalanceDone, gi, g.rebalanceToken);
}

export function onRebalanceDone(st: SimState, p: Pipeline, gi: number, token: number): void {
  const g = p.groups[gi] as GroupRuntime;
  if (g.rebalanceToken !== token) return;
  g.rebalancing = false;
  const moved = g.group.rebalance().length;
  st.note(
    'consumersRebalanced',
    g.settings.name,
    `${g.members()} consumers share ${g.group.partitions} partitions (${moved} moved)`,
  );
  for (let c = 0; c < g.settings.maxConsumers; c++) fill(st, p, g, gi, c);
}

export function wakeOwners(st: SimState, p: Pipeline, partition: number): void {
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g = p.groups[gi] as GroupRuntime;
    const c = g.group.ownerOf(partition);
    if (c >= 0) fill(st, p, g, gi, c);
  }
}

export function wakeAll(st: SimState, p: Pipeline): void {
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g = p.groups[gi] as GroupRuntime;
    for (let c = 0; c < g.settings.maxConsumers; c++) if (g.group.isAlive(c)) fill(st, p, g, gi, c);
  }
}

/** Gives consumer c's idle workers the oldest visible events of its partitions. */
export function fill(st: SimState, p: Pipeline, g: GroupRuntime, gi: number, c: number): void {
  const log = p.log;
  if (log === null || g.rebalancing || !g.group.isAlive(c)) return;
  const node = g.firstNode + c;
  if (st.nodeStatus[node] !== NodeStatusCode.up) return;
  const workers = g.workers;
  while ((g.busy[c] as number) < workers) {
    let best = -1;
    let bestMs = Number.POSITIVE_INFINITY;
    for (let q = 0; q < g.group.partitions; q++) {
      if (g.group.ownerOf(q) !== c) continue;
      const partition = log.logs[q];
      if (partition === undefined) continue;
      g.group.skipToLogStart(q, partition.logStartOffset);
      const at = g.group.position(q);
      if (at >= partition.highWatermark) continue;
      const appendMs = partition.eventAppendMs(at);
      if (appendMs < bestMs) {
        bestMs = appendMs;
        best = q;
      }
    }
    if (best < 0) return;
    const offset = g.group.take(best);
    g.waits.record(st.nowMs - bestMs);
    let w = c * workers;
    while (g.workerPartition[w] !== FREE) w++;
    g.workerPartition[w] = best;
    g.workerOffset[w] = offset;
    g.workerGen[w] = ((g.workerGen[w] as number) + 1) | 0;
    g.busy[c] = (g.busy[c] as number) + 1;
    const workMs = (p.rng.draw(g.sampler) * (st.nodeSlow[node] as number)) / speedOf(st, node);
    st.at(st.nowMs + workMs, EventKind.consumerDone, gi * WORKER_SPAN + w, g.workerGen[w] as number);
  }
}

export function onConsumerDone(st: SimState, p: Pipeline, id: number, gen: number): void {
  const gi = Math.floor(id / WORKER_SPAN);
  const w = id - gi * WORKER_SPAN;
  const g = p.groups[gi] as GroupRuntime;
  if (g.workerGen[w] !== gen || p.log === null) return;
  const c = Math.floor(w / g.workers);
  const q = g.workerPartition[w] as number;
  const offset = g.workerOffset[w] as number;
  const partition = p.log.logs[q];
  const held = partition !== undefined && g.group.holds(q, offset);
  if (held && offset >= partition.logStartOffset) {
    const change = partition.eventWrite(offset);
    const key = change % KEY_SPAN;
    if (g.settings.role === 'indexer' && p.index !== null) {
      if (!indexAccepts(st, p.index, p.keys.shardOf(key, p.index.settings.shards))) {
        // The shard has no live copy: the indexer holds the event and tries again.
        st.at(st.nowMs + INDEX_RETRY_MS, EventKind.consumerDone, id, gen);
        return;
      }
      p.index.apply(key, (change - key) / KEY_SPAN);
    }
    const duplicate = g.group.finish(q, offset);
    if (!duplicate) g.delays.record(st.nowMs - partition.eventAppendMs(offset));
  } else if (held) g.group.finish(q, offset);
  g.workerPartition[w] = FREE;
  g.busy[c] = (g.busy[c] as number) - 1;
  fill(st, p, g, gi, c);
}
