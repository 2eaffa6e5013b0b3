// A/B comparison: the same scenario, seed and commands (so the same users and the same faults at
// the same moments) under two policy settings, each replayed to the same moment. Only the policy
// differs, so any difference in the figures is its effect. B's change holds for the whole run,
// even where the run's own commands changed the same settings (see pinned).
import { mergePatch } from '../lessons/scenarioEdits';
import {
  parseScenario,
  replay,
  type Policy,
  type CumulativeMetrics,
  type DurabilityMetrics,
  type Frame,
  type Topology,
  type Scenario,
  type TimedCommand,
  type WindowMetrics,
} from '../sim/index';

export interface ComparisonRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly commands: readonly TimedCommand[];
  readonly untilMs: number;
  /** What run B changes in the policy (a merge patch on it). */
  readonly change: Readonly<Record<string, unknown>>;
  /** What run B changes in the log's or the index's settings (merge patches), when the run has them. */
  readonly log?: Readonly<Record<string, unknown>>;
  readonly index?: Readonly<Record<string, unknown>>;
}

export interface RunFigures {
  readonly windows: readonly WindowMetrics[];
  readonly cumulative: CumulativeMetrics;
  readonly durability: DurabilityMetrics;
  readonly logHash: string;
  /** The cluster as it stands at the end, for the side-by-side pictures. */
  readonly frame: Frame;
}

export type ComparisonResult =
  { ok: true; topology: Topology; a: RunFigures; b: RunFigures } | { ok: false; error: string };

function figuresOf(sim: ReturnType<typeof replay>): RunFigures {
  const snapshot = sim.snapshot();
  return {
    windows: snapshot.windows,
    cumulative: snapshot.cumulative,
    durability: snapshot.durability,
    logHash: snapshot.logHash,
    // All link state, no windows or events (the snapshot has those).
    frame: sim.frame(-1, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * Run B's commands: the same, except that a policy change in the run never undoes what B changes.
 * A learner who turned retries off at 20 s and compares against "backoff with jitter" gets a B that
 * keeps backoff with jitter; any other field their command set still applies to B.
 */
export function pinned(
  commands: readonly TimedCommand[],
  change: Readonly<Record<string, unknown>>,
  parts: Pick<ComparisonRequest, 'log' | 'index'> = {},
): TimedCommand[] {
  return commands.map((c) => {
    if (c.command.type === 'setLog' && parts.log !== undefined) {
      const policy: Record<string, unknown> = { ...c.command.policy };
      for (const [key, value] of Object.entries(parts.log)) if (key in policy) policy[key] = value;
      return { atMs: c.atMs, command: { ...c.command, policy } as TimedCommand['command'] };
    }
    if (c.command.type === 'setIndexMode' && typeof parts.index?.mode === 'string')
      return { atMs: c.atMs, command: { ...c.command, mode: parts.index.mode } as TimedCommand['command'] };
    if (c.command.type !== 'setPolicy') return c;
    const policy: Record<string, unknown> = { ...c.command.policy };
    for (const [key, value] of Object.entries(change)) if (key in policy) policy[key] = mergePatch(policy[key], value);
    return { atMs: c.atMs, command: { ...c.command, policy } as TimedCommand['command'] };
  });
}

export function compare(request: ComparisonRequest): ComparisonResult {
  const patch = {
    policy: request.change,
    ...(request.log !== undefined && { log: request.log }),
    ...(request.index !== undefined && { index: request.index }),
  };
  if (request.log !== undefined && request.scenario.log === undefined)
    return { ok: false, error: 'This run has no log to change.' };
  if (request.index !== undefined && request.scenario.index === undefined)
    return { ok: false, error: 'This run has no search index to change.' };
  const changed = parseScenario(mergePatch(request.scenario, patch));
  if (!changed.ok) return { ok: false, error: `Run B's policy is invalid: ${changed.errors.join('; ')}` };
  try {
    const a = replay(request.scenario, request.seed, request.commands, request.untilMs);
    const b = replay(changed.value, request.seed, pinned(request.commands, request.change, request), request.untilMs);
    return { ok: true, topology: a.topology(), a: figuresOf(a), b: figuresOf(b) };
  } catch (error) {
    // A command valid in run A can be refused in run B (e.g. a quorum above B's replication factor).
    return { ok: false, error: (error as Error).message };
  }
}

/** Changes a learner can compare against, described in the words of the Policy panel. */
export interface PolicyChange {
  readonly id: string;
  readonly label: string;
  readonly change: (policy: Policy) => Record<string, unknown>;
  /** Changes to the log's or the index's settings; offered only when the run has that part. */
  readonly log?: Record<string, unknown>;
  readonly index?: Record<string, unknown>;
}

/** The changes a run can be compared against: those its parts allow. */
export function changesFor(scenario: Scenario): PolicyChange[] {
  return POLICY_CHANGES.filter(
    (c) =>
      (c.log === undefined || scenario.log !== undefined) && (c.index === undefined || scenario.index !== undefined),
  );
}

export const POLICY_CHANGES: readonly PolicyChange[] = [
  { id: 'no-retries', label: 'No retries', change: () => ({ retry: { strategy: 'none' } }) },
  {
    id: 'fixed-retries',
    label: 'Retries without backoff or jitter',
    change: () => ({ retry: { strategy: 'fixed', jitter: false } }),
  },
  {
    id: 'backoff-jitter',
    label: 'Retries with exponential backoff and jitter',
    change: () => ({ retry: { strategy: 'exponential', jitter: true } }),
  },
  {
    id: 'rf-2',
    label: 'Replication factor 2',
    change: (p) => ({
      replicationFactor: 2,
      writeQuorum: Math.min(p.writeQuorum, 2),
      readQuorum: Math.min(p.readQuorum, 2),
    }),
  },
  {
    id: 'rf-3',
    label: 'Replication factor 3',
    change: (p) => ({
      replicationFactor: 3,
      writeQuorum: Math.min(p.writeQuorum, 3),
      readQuorum: Math.min(p.readQuorum, 3),
    }),
  },
  { id: 'no-health-checks', label: 'Health checks off', change: () => ({ healthChecks: false }) },
  { id: 'queue-20', label: 'Queue limit 20 (shed load early)', change: () => ({ queueLimit: 20 }) },
  {
    id: 'least-outstanding',
    label: 'Least-outstanding load balancing',
    change: () => ({ lbStrategy: 'least-outstanding' }),
  },
  { id: 'timeout-200', label: 'Timeout 200 ms per attempt', change: () => ({ timeoutMs: 200 }) },
  {
    id: 'acks-all',
    label: 'Log acks from all in-sync replicas (at least 2)',
    change: () => ({}),
    log: { acks: 'all', minInSync: 2 },
  },
  { id: 'acks-leader', label: 'Log acks from the leader only', change: () => ({}), log: { acks: 'leader' } },
  { id: 'index-sync', label: 'Index in the write path (sync)', change: () => ({}), index: { mode: 'sync' } },
  { id: 'index-log', label: 'Index through the log', change: () => ({}), index: { mode: 'log' } },
];
