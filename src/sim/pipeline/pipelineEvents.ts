// What moves the pipeline: a write acknowledged to its client appends its change event to the
// log (and, in sync mode, has already updated the index); followers fetch on a fixed tick; the
// controller elects leaders after a detection delay; consumers take visible events (below the
// high watermark) oldest first and process them; offsets are committed on a tick; members
// joining or leaving pause the group for a rebalance; index nodes rebuild after losing a disk.
import { EventKind } from '../events';
import { NodeStatusCode } from '../codes';
import type { SimState } from '../state';
import type { GroupRuntime } from './consumerTier';
import { KEY_SPAN } from './keySpace';
import type { PartitionLog } from '../log/partitionLog';
import type { Pipeline } from './pipeline';
import { onConsumerDone, onRebalanceDone, syncConsumer, wakeAll, wakeOwners } from './consumerEvents';
import { onIndexRecovered, startRecovery, syncIndexNode } from './indexNodes';
import { cutOff } from './reachability';

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
  const visibleBefore = (log.logs[partition] as PartitionLog).highWatermark;
  // Consumers see only events below the watermark: with followers to wait for, the fetch tick wakes them.
  if (log.append(st.nowMs, partition, version * KEY_SPAN + key) && log.logs[partition]?.highWatermark !== visibleBefore)
    wakeOwners(st, p, partition);
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

/** Brings broker b's standing in the log in line with its node (down, cut off or back). */
function syncBroker(st: SimState, p: Pipeline, b: number): void {
  const log = p.log;
  if (log === null) return;
  const node = p.brokerNode(b);
  const gone = cutOff(st, node) || log.diskFailed[b] === 1;
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
