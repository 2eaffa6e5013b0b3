// The autoscaler's words: how a metric, a target and a duration read in an event-log sentence
// ("Autoscaler: utilization 85% is above the 60% target; adding 2 app servers (4 → 6), ready in 30 s").
import type { AutoscalerPolicy } from './autoscalerSchema';

/**
 * The metric over the last evaluation interval: a utilization share (0 to 1) or a p99 in ms;
 * "failed" when more than 1% of requests failed (the p99 of all requests counts failures as
 * slowest, docs/model.md "Metrics"); "none" when there was nothing to measure (no server ready,
 * no request finished).
 */
export type Observation = { kind: 'measured'; value: number } | { kind: 'failed' } | { kind: 'none' };

export function servers(count: number): string {
  return count === 1 ? '1 app server' : `${count} app servers`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** One decimal at most: 2.5 s, 30 s, 5 min. */
function tidy(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${tidy(ms)} ms`;
  if (ms < 120_000) return `${tidy(ms / 1000)} s`;
  if (ms < 7_200_000) return `${tidy(ms / 60_000)} min`;
  return `${tidy(ms / 3_600_000)} h`;
}

/** The subject of the sentence: what the autoscaler read. */
export function describeMetric(policy: AutoscalerPolicy, observed: Observation): string {
  if (observed.kind === 'failed') return 'p99 failed (more than 1% of requests failed)';
  if (observed.kind === 'none')
    return policy.mode === 'utilization' ? 'no app server was ready to measure' : 'no request finished to measure';
  return policy.mode === 'utilization' ? `utilization ${percent(observed.value)}` : `p99 ${tidy(observed.value)} ms`;
}

/** The comparison: " is above the 60% target", " is within 10% of the 200 ms target". */
export function describeTarget(
  policy: AutoscalerPolicy,
  observed: Observation,
  where: 'above' | 'below' | 'within',
): string {
  const target = policy.mode === 'utilization' ? percent(policy.targetUtilization) : `${tidy(policy.targetP99Ms)} ms`;
  if (observed.kind === 'failed') return `, far above the ${target} target`;
  if (where === 'within') return ` is within ${percent(policy.tolerance)} of the ${target} target`;
  return ` is ${where} the ${target} target`;
}
