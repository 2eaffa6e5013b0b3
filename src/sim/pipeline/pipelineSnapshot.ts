// The pipeline's figures for the lab, the CLI and exports: one readonly record per frame, built
// from the parts when asked. Percentiles are null before the first sample; frames carry no NaN.
import { QUANTILES } from '../histogram';
import type { Histogram } from '../histogram';
import type { SimState } from '../state';
import type { ConsumerRole, IndexMode } from './pipelineSchema';
import type { Pipeline } from './pipeline';
import { groupLag, indexStaleness } from './pipelineFigures';
import { RecoverySource } from './searchIndex';

export interface LogSnapshot {
  readonly topic: string;
  readonly brokers: number;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly acks: 'leader' | 'all';
  readonly minInSync: number;
  /** null: kept until the size limit. */
  readonly retentionMs: number | null;
  readonly appended: number;
  /** Acknowledged events a new leader did not have: gone for every reader. */
  readonly acknowledgedLost: number;
  /** Acknowledged writes whose change event the log refused (no leader, too few in sync). */
  readonly changesMissed: number;
  readonly resent: number;
  readonly deletedByRetention: number;
  readonly eventsStored: number;
  readonly leaderless: number;
  readonly underReplicated: number;
}

export interface ConsumerGroupSnapshot {
  readonly name: string;
  readonly role: ConsumerRole;
  readonly consumers: number;
  readonly maxConsumers: number;
  readonly workers: number;
  /** Events per second the group can process when every worker is busy. */
  readonly capacityPerSecond: number;
  readonly rebalancing: boolean;
  readonly lagEvents: number;
  readonly lagSeconds: number;
  readonly processed: number;
  readonly duplicates: number;
  /** Events retention deleted before the group read them. */
  readonly skipped: number;
  /** From the write's acknowledgement to the event processed (indexed, email sent), ms. */
  readonly delayMsP50: number | null;
  readonly delayMsP99: number | null;
  /** From an event's append to a worker taking it, ms: the wait in the queue (mean, p99). */
  readonly waitMsMean: number | null;
  readonly waitMsP99: number | null;
}

export interface IndexSnapshot {
  readonly mode: IndexMode;
  readonly nodes: number;
  readonly shards: number;
  readonly replicas: number;
  readonly stalenessSeconds: number;
  readonly stalenessEvents: number;
  readonly searches: number;
  readonly searchesMissedWrite: number;
  readonly searchesFailed: number;
  readonly searchMsP50: number | null;
  readonly searchMsP99: number | null;
  readonly rebuilds: number;
}

/** One pipeline node's state, for its card and inspector. */
export interface PipelineNodeSnapshot {
  readonly node: number;
  readonly role: 'broker' | 'consumer' | 'index';
  readonly diskFailed: boolean;
  /** Brokers: partitions led and replicas held. */
  readonly leaders: number;
  readonly replicas: number;
  /** Consumers: the group's name, partitions owned and events in progress. */
  readonly group: string | null;
  readonly partitionsOwned: number;
  readonly busy: number;
  /** Index nodes: what a rebuild or copy reads from, and how far along it is (0 to 1). */
  readonly recovering: 'peer' | 'log' | 'snapshot' | null;
  readonly recoveredShare: number;
  readonly recoveryEndMs: number;
}

export interface PipelineSnapshot {
  readonly log: LogSnapshot | null;
  readonly groups: readonly ConsumerGroupSnapshot[];
  readonly index: IndexSnapshot | null;
  readonly nodes: readonly PipelineNodeSnapshot[];
}

function percentiles(h: Histogram): { p50: number | null; p99: number | null } {
  if (h.count === 0) return { p50: null, p99: null };
  const [p50 = 0, , p99 = 0] = h.quantiles(QUANTILES);
  return { p50, p99 };
}

const SOURCES = [null, 'peer', 'log', 'snapshot'] as const;

export function pipelineSnapshotOf(st: SimState): PipelineSnapshot | null {
  const p = st.pipeline;
  if (p === null) return null;
  return { log: logOf(p), groups: groupsOf(st, p), index: indexOf(st, p), nodes: nodesOf(st, p) };
}

function logOf(p: Pipeline): LogSnapshot | null {
  const log = p.log;
  if (log === null) return null;
  const first = log.logs[0];
  const s = log.settings;
  const retentionMs = first?.options.retentionMs ?? Number.POSITIVE_INFINITY;
  return {
    topic: s.topic,
    brokers: s.brokers,
    partitions: s.partitions,
    replicationFactor: s.replicationFactor,
    acks: first?.options.acks ?? s.acks,
    minInSync: first?.options.minInSync ?? s.minInSync,
    retentionMs: Number.isFinite(retentionMs) ? retentionMs : null,
    appended: log.appended,
    acknowledgedLost: log.acknowledgedLost(),
    changesMissed: log.changesMissed,
    resent: log.resent,
    deletedByRetention: log.deletedByRetention(),
    eventsStored: log.storedEvents(),
    leaderless: log.leaderless(),
    underReplicated: log.underReplicated(),
  };
}

function groupsOf(st: SimState, p: Pipeline): ConsumerGroupSnapshot[] {
  const log = p.log;
  return p.groups.map((g) => {
    const lag = log === null ? { events: 0, seconds: 0 } : groupLag(log, g, st.nowMs);
    const delay = percentiles(g.delays);
    const members = g.members();
    const meanMs = g.settings.serviceTime.meanMs;
    return {
      name: g.settings.name,
      role: g.settings.role,
      consumers: members,
      maxConsumers: g.settings.maxConsumers,
      workers: g.workers,
      capacityPerSecond: (members * g.workers * 1000) / meanMs,
      rebalancing: g.rebalancing,
      lagEvents: lag.events,
      lagSeconds: lag.seconds,
      processed: g.group.processed,
      duplicates: g.group.duplicates,
      skipped: g.group.skipped,
      delayMsP50: delay.p50,
      delayMsP99: delay.p99,
      waitMsMean: g.waits.count === 0 ? null : g.waits.mean(),
      waitMsP99: percentiles(g.waits).p99,
    };
  });
}

function indexOf(st: SimState, p: Pipeline): IndexSnapshot | null {
  const index = p.index;
  if (index === null) return null;
  const staleness = indexStaleness(p, st.nowMs);
  const search = percentiles(index.latency);
  return {
    mode: index.mode,
    nodes: index.settings.nodes,
    shards: index.settings.shards,
    replicas: index.settings.replicas,
    stalenessSeconds: staleness.seconds,
    stalenessEvents: staleness.events,
    searches: index.searches,
    searchesMissedWrite: index.searchesMissedWrite,
    searchesFailed: index.searchesFailed,
    searchMsP50: search.p50,
    searchMsP99: search.p99,
    rebuilds: index.rebuilds,
  };
}

function nodesOf(st: SimState, p: Pipeline): PipelineNodeSnapshot[] {
  const out: PipelineNodeSnapshot[] = [];
  for (let node = p.firstNode; node < p.lastNode; node++) {
    const role = p.role(node) as PipelineNodeSnapshot['role'];
    const n = p.number(node);
    const load = role === 'broker' && p.log !== null ? p.log.brokerLoad(n) : { leaders: 0, replicas: 0 };
    const gi = p.groupOf[node - p.firstNode] as number;
    const g = gi >= 0 ? p.groups[gi] : undefined;
    const index = role === 'index' ? p.index : null;
    const source = index === null ? RecoverySource.none : (index.recoverySource[n] as number);
    const start = index?.recoveryStartMs[n] ?? 0;
    const end = index?.recoveryEndMs[n] ?? 0;
    out.push({
      node,
      role,
      diskFailed: role === 'broker' && p.log?.diskFailed[n] === 1,
      leaders: load.leaders,
      replicas: load.replicas,
      group: g?.settings.name ?? null,
      partitionsOwned: g === undefined ? 0 : g.owned(n),
      busy: g === undefined ? 0 : (g.busy[n] as number),
      recovering: SOURCES[source] ?? null,
      recoveredShare:
        source === RecoverySource.none || end <= start ? 0 : Math.min(1, (st.nowMs - start) / (end - start)),
      recoveryEndMs: source === RecoverySource.none ? 0 : end,
    });
  }
  return out;
}
