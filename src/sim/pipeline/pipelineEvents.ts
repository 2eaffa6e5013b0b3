// What moves the pipeline: a write acknowledged to its client appends its change event to the
// log (and, in sync mode, has already updated the index); followers fetch on a fixed tick; the
// controller elects leaders after a detection delay; consumers take visible events (below the
// high watermark) oldest first and process them; offsets are committed on a tick; members
// joining or leaving pause the group for a rebalance; index nodes rebuild after losing a disk.
import { EventKind } from '../events';
import { BALANCER, NodeStatusCode } from '../codes';
import type { SimState } from '../state';
import { speedOf } from '../scaling/scalingState';
import { FREE, type GroupRuntime } from './consumerTier';
import { KEY_SPAN } from './keySpace';
import type { Pipeline } from './pipeline';
import { RecoverySource, type SearchIndex } from './searchIndex';

/** Worker slots per group in an event's index: MAX_CONSUMERS (256) x 64 workers. */
const WORKER_SPAN = 1 << 14;
/** An indexer whose shard has no live copy tries the event again after this long, ms. */
export const INDEX_RETRY_MS = 100;

export function startPipeline(st: SimState): void {
  const p = st.pipeline;
  if (p === null) return;
  if (p.log !== null) st.at(p.log.settings.fetchIntervalMs, EventKind.logFetch, 0, 0);
  // Commits start half an interval in: a consumer's commit timer runs from when it joined, not in
  // step with whole seconds (where a paused lab stops, so a crash there would always find none to redo).
  p.groups.forEach((g, i) => st.at(g.settings.commitIntervalMs / 2, EventKind.consumerCommit, i, 0));
}

export function onPipelineEvent(st: SimState, kind: number, index: number, aux: number): void {
  const p = st.pipeline;
  if (p === null) return;
  switch (kind) {
    case EventKind.logFetch:
      return onFetch(st, p);
    case EventKind.logElection:
      return elect(st, p);
    case EventKind.consumerDone:
      return onConsumerDone(st, p, index, aux);
    case EventKind.consumerCommit: {
      const g = p.groups[index] as GroupRuntime;
      for (let c = 0; c < g.settings.maxConsumers; c++) if (g.group.isAlive(c)) g.group.commit(c);
      st.at(st.nowMs + g.settings.commitIntervalMs, EventKind.consumerCommit, index, 0);
      return;
    }
    case EventKind.rebalanceDone:
      return onRebalanceDone(st, p, index, aux);
    case EventKind.indexRecovered:
      return onIndexRecovered(st, p, index, aux);
    default:
      throw new Error(`not a pipeline event kind: ${kind}`);
  }
}

/** A write was acknowledged to its client: its key's version goes up and its change joins the log. */
export function pipelineWriteAcked(st: SimState, p: Pipeline, slot: number): void {
  const key = p.keys.keyOf(st.reqKeySeed[slot] as number);
  const version = ((p.keys.version[key] as number) + 1) | 0;
  p.keys.version[key] = version;
  const index = p.index;
  if (index !== null && index.mode === 'sync') index.apply(key, version);
  const log = p.log;
  if (log === null) return;
  const partition = p.keys.partitionOf(key, log.logs.length);
  if (log.append(st.nowMs, partition, version * KEY_SPAN + key)) wakeOwners(st, p, partition);
}

function onFetch(st: SimState, p: Pipeline): void {
  const log = p.log;
  if (log === null) return;
  log.replicate(st.nowMs, (b) => st.nodeSlow[p.brokerNode(b)] as number);
  wakeAll(st, p);
  st.at(st.nowMs + log.settings.fetchIntervalMs, EventKind.logFetch, 0, 0);
}

function elect(st: SimState, p: Pipeline): void {
  const log = p.log;
  if (log === null || log.leaderless() === 0) return;
  const lostBefore = log.acknowledgedLost();
  const resentBefore = log.resent;
  const lost = log.elect(st.nowMs);
  const waiting = log.leaderless();
  const resent = log.resent - resentBefore;
  const parts = [
    lost > 0 ? `${lost} acknowledged events the new leaders never had are lost (${lostBefore + lost} in all)` : '',
    resent > 0 ? `${resent} unacknowledged events cut at the election were sent again` : '',
    waiting > 0 ? `${waiting} partitions have no in-sync replica left and wait for their last leader` : '',
  ].filter((s) => s !== '');
  st.note(
    lost > 0 ? 'logEventsLost' : 'logLeadersElected',
    log.settings.topic,
    parts.join('; ') || 'new leaders elected from in-sync followers',
  );
  wakeAll(st, p);
}

// ---- Brokers -------------------------------------------------------------------------------

function brokerCutOff(st: SimState, node: number): boolean {
  return st.nodeStatus[node] !== NodeStatusCode.up || st.nodeSide[node] !== st.nodeSide[BALANCER];
}

/** Brings broker b's standing in the log in line with its node (down, cut off or back). */
function syncBroker(st: SimState, p: Pipeline, b: number): void {
  const log = p.log;
  if (log === null) return;
  const node = p.brokerNode(b);
  const gone = brokerCutOff(st, node) || log.diskFailed[b] === 1;
  if (gone && log.offline[b] === 0) {
    if (log.brokerGone(b, false)) scheduleElection(st, p);
  } else if (!gone && log.offline[b] === 1) {
    log.brokerBack(b, st.nowMs);
    wakeAll(st, p);
  }
}

function scheduleElection(st: SimState, p: Pipeline): void {
  st.at(st.nowMs + (p.log?.settings.electionDelayMs ?? 0), EventKind.logElection, 0, 0);
}

/** A broker's or index node's disk failed: a broker's replicas lose their copies; an index node rebuilds. */
export function pipelineDiskFailed(st: SimState, p: Pipeline, node: number): void {
  const role = p.role(node);
  const id = st.nodeIds[node] as string;
  if (role === 'broker' && p.log !== null) {
    const b = p.number(node);
    p.log.diskFailed[b] = 1;
    const led = p.log.brokerLoad(b).leaders;
    if (p.log.brokerGone(b, true)) scheduleElection(st, p);
    st.note('diskFailed', `${id}/disk-0`, `failed by hand: its ${led} leader partitions wait for an election`);
  } else if (role === 'index' && p.index !== null) {
    st.note('diskFailed', `${id}/disk-0`, 'failed by hand: the node rebuilds its shards on a new disk');
    startRecovery(st, p, p.index, p.number(node), true);
  }
}

export function pipelineDiskReplaced(st: SimState, p: Pipeline, node: number): void {
  if (p.role(node) !== 'broker' || p.log === null) return;
  p.log.diskFailed[p.number(node)] = 0;
  st.note('diskReplaced', `${st.nodeIds[node]}/disk-0`, 'new empty disk: its replicas copy from their leaders');
  syncBroker(st, p, p.number(node));
}

/** A pipeline node went down, came back, or was cut off or healed: each part follows. */
export function pipelineNodeChanged(st: SimState, p: Pipeline, node: number): void {
  const role = p.role(node);
  if (role === 'broker') syncBroker(st, p, p.number(node));
  else if (role === 'consumer') syncConsumer(st, p, node);
  else if (role === 'index' && p.index !== null) syncIndexNode(st, p, p.index, p.number(node));
}

/** After sides changed (a partition or a heal): every pipeline node checks where it stands. */
export function pipelineSidesChanged(st: SimState, p: Pipeline): void {
  for (let node = p.firstNode; node < p.lastNode; node++)
    if (st.nodeStatus[node] !== NodeStatusCode.absent) pipelineNodeChanged(st, p, node);
}

// ---- Consumers -----------------------------------------------------------------------------

function syncConsumer(st: SimState, p: Pipeline, node: number): void {
  const gi = p.groupOf[node - p.firstNode] as number;
  const g = p.groups[gi] as GroupRuntime;
  const c = p.number(node);
  const member = g.group.isAlive(c);
  const down = st.nodeStatus[node] === NodeStatusCode.absent || brokerCutOff(st, node);
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

function startRebalance(st: SimState, g: GroupRuntime, gi: number): void {
  g.rebalancing = true;
  g.rebalanceToken = (g.rebalanceToken + 1) | 0;
  st.at(st.nowMs + g.settings.rebalancePauseMs, EventKind.rebalanceDone, gi, g.rebalanceToken);
}

function onRebalanceDone(st: SimState, p: Pipeline, gi: number, token: number): void {
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

function wakeOwners(st: SimState, p: Pipeline, partition: number): void {
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g = p.groups[gi] as GroupRuntime;
    const c = g.group.ownerOf(partition);
    if (c >= 0) fill(st, p, g, gi, c);
  }
}

function wakeAll(st: SimState, p: Pipeline): void {
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g = p.groups[gi] as GroupRuntime;
    for (let c = 0; c < g.settings.maxConsumers; c++) if (g.group.isAlive(c)) fill(st, p, g, gi, c);
  }
}

/** Gives consumer c's idle workers the oldest visible events of its partitions. */
function fill(st: SimState, p: Pipeline, g: GroupRuntime, gi: number, c: number): void {
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

function onConsumerDone(st: SimState, p: Pipeline, id: number, gen: number): void {
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

// ---- Index nodes ---------------------------------------------------------------------------

function indexNodeUp(st: SimState, index: SearchIndex, i: number): boolean {
  return !brokerCutOff(st, index.firstNode + i);
}

/** A copy of the shard that answers searches: up, reachable and not recovering. */
export function servingCopy(st: SimState, index: SearchIndex, shard: number, start: number, except = -1): number {
  const replicas = index.settings.replicas;
  for (let k = 0; k < replicas; k++) {
    const i = index.nodeOf(shard, (start + k) % replicas);
    if (i !== except && indexNodeUp(st, index, i) && index.recoverySource[i] === RecoverySource.none)
      return index.firstNode + i;
  }
  return -1;
}

/** The indexer can write to a shard while some copy is up (one recovering takes writes too). */
export function indexAccepts(st: SimState, index: SearchIndex, shard: number): boolean {
  for (let r = 0; r < index.settings.replicas; r++) if (indexNodeUp(st, index, index.nodeOf(shard, r))) return true;
  return false;
}

function syncIndexNode(st: SimState, p: Pipeline, index: SearchIndex, i: number): void {
  const up = indexNodeUp(st, index, i) ? 1 : 0;
  if (index.online[i] === up) return;
  index.online[i] = up;
  // A recovery in progress stops with the node; it starts again when the node is back.
  if (up === 0) index.recoveryGen[i] = (index.recoveryGen[i] as number) + 1;
  else {
    const source = index.recoverySource[i];
    startRecovery(st, p, index, i, source === RecoverySource.log || source === RecoverySource.snapshot);
  }
}

/**
 * Index node i (up) catches up: shards with a serving copy elsewhere are copied from it; a shard
 * whose only copy was here and is lost is replayed from the log if retention holds every event,
 * else loaded from a database snapshot. A node whose copies are intact serves at once.
 */
function startRecovery(st: SimState, p: Pipeline, index: SearchIndex, i: number, dataLost: boolean): void {
  const perShard = index.keysPerShard();
  let seconds = 0;
  let source: RecoverySource = RecoverySource.none;
  const log = p.log;
  for (const s of index.shardsOn(i)) {
    if (servingCopy(st, index, s, 0, i) >= 0) {
      seconds += perShard / index.settings.snapshotKeysPerSecond;
      if (source === RecoverySource.none) source = RecoverySource.peer;
    } else if (!dataLost) continue;
    else if (log !== null && index.mode === 'log' && log.holdsEverything()) {
      seconds += log.appended / index.settings.shards / index.settings.replayEventsPerSecond;
      if (source !== RecoverySource.snapshot) source = RecoverySource.log;
    } else {
      seconds += perShard / index.settings.snapshotKeysPerSecond;
      source = RecoverySource.snapshot;
    }
  }
  index.recoveryGen[i] = (index.recoveryGen[i] as number) + 1;
  index.recoverySource[i] = source;
  if (source === RecoverySource.none) return;
  index.recoveryStartMs[i] = st.nowMs;
  index.recoveryEndMs[i] = st.nowMs + seconds * 1000;
  if (source !== RecoverySource.peer) index.rebuilds++;
  const from =
    source === RecoverySource.peer
      ? 'copies from a replica'
      : source === RecoverySource.log
        ? 'replays the log'
        : 'loads a database snapshot';
  st.note(
    'indexRebuildStarted',
    st.nodeIds[index.firstNode + i] as string,
    `${from}; it serves searches again in ${seconds.toFixed(1)} s`,
  );
  st.at(index.recoveryEndMs[i] as number, EventKind.indexRecovered, i, index.recoveryGen[i] as number);
}

function onIndexRecovered(st: SimState, p: Pipeline, i: number, gen: number): void {
  const index = p.index;
  if (index === null || index.recoveryGen[i] !== gen) return;
  index.recoverySource[i] = RecoverySource.none;
  st.note('indexRebuilt', st.nodeIds[index.firstNode + i] as string, 'caught up: it serves searches again');
}
