// What `npm run sim` reports about a run: one JSON object (--json) or a few lines of words.
// Every field is described in docs/scenario-format.md ("The headless runner").
import type { Simulation, SimulationSnapshot } from '../src/sim/index';
import { describePipeline, pipelineSummaryOf } from './simSummaryPipeline';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

export interface RunInfo {
  seed: number;
  durationS: number;
  /** True when the run was stopped (Ctrl-C) before durationS. */
  partial: boolean;
}

export function summarize(sim: Simulation, info: RunInfo) {
  const snap = sim.snapshot();
  const c = snap.cumulative;
  const l = c.latencyMs;
  const d = snap.durability;
  const simulatedS = round(snap.timeMs / 1000, 6);
  const queuedNow = snap.nodes.reduce((sum, node) => sum + (node.kind === 'app' ? node.queueLength : 0), 0);
  return {
    scenario: snap.scenarioId,
    seed: info.seed,
    durationS: info.durationS,
    partial: info.partial,
    simulatedS,
    events: snap.events,
    logHash: snap.logHash,
    metrics: {
      requests: c.issued,
      succeeded: c.succeeded,
      failed: c.failed,
      inFlight: c.inFlight,
      retries: c.retries,
      rejected: c.rejected,
      timedOut: c.timedOut,
      queuedNow,
      queuedShare: round(c.queuedShare, 6),
      serverBusyShare: round(c.serverBusyShare, 6),
      availability: round(c.availability, 6),
      errorBudgetUsed: round(c.errorBudgetUsed, 6),
      throughputRps: round(c.throughputRps, 2),
      latencyMs: { mean: round(l.mean), p50: round(l.p50), p95: round(l.p95), p99: round(l.p99), p999: round(l.p999) },
      /** The p99 with failed requests counted as slower than any success; null when that request failed. */
      latencyMsP99All: c.latencyMsP99All === null ? null : round(c.latencyMsP99All),
      sloLatencyExceededShare: round(c.sloLatencyExceededShare, 6),
      ackedWritesLost: d.ackedWritesLost,
      writesAcked: d.writesAcked,
      partitionsLost: d.partitionsLost,
      partitionLossEvents: d.partitionLossEvents,
      unavailablePartitions: d.unavailablePartitions,
      underReplicatedPartitions: d.underReplicatedPartitions,
      diskFailures: d.diskFailures,
      nodeFailures: d.nodeFailures,
      repairsCompleted: d.repairsCompleted,
      /** Storage operations that waited for a slot or were rejected by a full queue (storage.capacity; 0 without). */
      storage: { queued: c.storageQueued, rejected: c.storageRejected },
      /** Machine-seconds used per tier (each machine from being asked for until removed). */
      machineSeconds: machineSecondsOf(snap),
      /** The cache tier's figures (null without a cache tier): hit share of lookups, stale reads, keys held. */
      cache:
        snap.cache === undefined
          ? null
          : {
              hitShare: snap.cache.hitShare === null ? null : round(snap.cache.hitShare, 6),
              hits: snap.cache.hits,
              misses: snap.cache.misses,
              staleReads: snap.cache.staleReads,
              coalesced: snap.cache.coalesced,
              servedStale: snap.cache.servedStale,
              keysHeld: snap.cache.keysHeld,
            },
      /** The log, each consumer group by name, and the search index (each null without it). */
      ...pipelineSummaryOf(sim, simulatedS),
    },
    /** Nodes in each tier at the end (starting and crashed included, absent slots not). */
    nodes: nodeCounts(snap),
  };
}

function nodeCounts(snap: SimulationSnapshot): { app: number; cache: number; storage: number } {
  const count = (kind: string) => snap.nodes.filter((n) => n.kind === kind && n.status !== 'absent').length;
  return snap.scaling?.counts ?? { app: count('app'), cache: count('cache'), storage: count('storage') };
}

/** Without scaling no machine comes or goes: each tier's count times the simulated time. */
function machineSecondsOf(snap: SimulationSnapshot): { balancer: number; app: number; cache: number; storage: number } {
  const m = snap.scaling?.machineSeconds;
  const seconds = snap.timeMs / 1000;
  const n = nodeCounts(snap);
  const raw = m ?? { balancer: seconds, app: n.app * seconds, cache: n.cache * seconds, storage: n.storage * seconds };
  return { balancer: round(raw.balancer), app: round(raw.app), cache: round(raw.cache), storage: round(raw.storage) };
}

export type Summary = ReturnType<typeof summarize>;

function p99All(ms: number | null, targetMs: number): string {
  if (ms === null) return `failed: more than 1% of requests failed, so the ${targetMs} ms target is missed`;
  return `${round(ms, 1)} ms, target ${targetMs} ms ${ms <= targetMs ? 'met' : 'missed'}`;
}

/** The summary in words, a line per subject. */
export function describeSummary(name: string, r: Summary, slo: { availability: number; latencyMsP99: number }): string {
  const m = r.metrics;
  const l = m.latencyMs;
  const n = (x: number) => x.toLocaleString('en');
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  const stopped = r.partial ? `, stopped early at ${r.simulatedS} s (partial)` : '';
  return [
    `${name} (${r.scenario}), seed ${r.seed}, ${r.durationS} simulated s${stopped}`,
    `  events        ${n(r.events)}   log hash ${r.logHash}`,
    `  requests      ${n(m.requests)} issued, ${n(m.succeeded)} succeeded, ${n(m.failed)} failed, ${m.inFlight} in flight`,
    `  shed          ${n(m.rejected)} rejected by full queues, ${n(m.timedOut)} attempts timed out, ${n(m.retries)} retries`,
    `  servers       busy ${pct(m.serverBusyShare)} of the time; ${pct(m.queuedShare)} of attempts waited in a queue; ${m.queuedNow} queued now`,
    `  availability  ${pct(m.availability)} (SLO ${pct(slo.availability)}, error budget used ${pct(m.errorBudgetUsed)})`,
    `  throughput    ${m.throughputRps} req/s served`,
    `  latency (ms)  mean ${round(l.mean, 1)}  p50 ${round(l.p50, 1)}  p95 ${round(l.p95, 1)}  p99 ${round(l.p99, 1)}  p999 ${round(l.p999, 1)} of successful requests; ${pct(m.sloLatencyExceededShare)} slower than the SLO's ${slo.latencyMsP99} ms`,
    `  p99 of all    ${p99All(m.latencyMsP99All, slo.latencyMsP99)} (failed requests count as the slowest)`,
    `  durability    ${n(m.writesAcked)} writes acknowledged, ${m.ackedWritesLost} lost; ${m.partitionsLost} partitions lost, ${m.unavailablePartitions} unavailable and ${m.underReplicatedPartitions} under-replicated now`,
    `  faults        ${m.diskFailures} disk failures, ${m.nodeFailures} machine failures, ${m.repairsCompleted} replicas rebuilt`,
    ...(m.storage.queued + m.storage.rejected > 0
      ? [
          `  storage       ${n(m.storage.queued)} operations waited for a free slot, ${n(m.storage.rejected)} rejected by full queues`,
        ]
      : []),
    `  cost          ${costWords(m.machineSeconds)}; at the end ${r.nodes.app} app servers, ${r.nodes.storage} storage nodes${r.nodes.cache > 0 ? `, ${r.nodes.cache} cache nodes` : ''}`,
    ...(m.cache === null
      ? []
      : [
          `  cache         ${m.cache.hitShare === null ? 'no lookups' : `${pct(m.cache.hitShare)} of lookups hit`}; ${n(m.cache.staleReads)} stale reads; ${n(m.cache.keysHeld)} keys held`,
        ]),
    ...describePipeline(m),
  ].join('\n');
}

function costWords(ms: Summary['metrics']['machineSeconds']): string {
  const tiers = (['balancer', 'app', 'cache', 'storage'] as const).filter((t) => ms[t] > 0);
  return `machine-seconds: ${tiers.map((t) => `${t} ${round(ms[t], 1).toLocaleString('en')}`).join(', ')}`;
}
