// The app tier's autoscaler: one decision per evaluation interval, a pure function of what the
// autoscaler can see (servers ready and starting, the metric over the last interval, when it last
// acted, what it recommended lately). Like Kubernetes' HorizontalPodAutoscaler: desired =
// ceil(servers × observed / target), nothing within a tolerance band, scale-in only once the
// highest recommendation over a stabilization window allows it. Servers still provisioning count
// toward the size, so it does not ask twice for the same load. Left out: scale-out rate limits
// (HPA's "4 servers or 100% per 15 s", except when the p99 is "failed"), predictive scaling,
// several metrics at once, choosing which server to remove (the caller's job).
import type { AutoscalerPolicy } from './autoscalerSchema';
import { type Observation, describeMetric, describeTarget, formatDuration, servers } from './autoscalerWords';

export type { Observation } from './autoscalerWords';

/** What the metric asked for at one evaluation, kept for the stabilization window. */
export interface Recommendation {
  readonly atMs: number;
  readonly size: number;
}

export interface AutoscalerInput {
  readonly nowMs: number;
  /** App servers up and serving now. */
  readonly readyCount: number;
  /**
   * App servers ready over the last interval, on average (server-time / interval; fractional when
   * one became ready or went down in it): the capacity the metric was measured on. Using the
   * servers ready now instead would count one that just started as if it had carried the load.
   */
  readonly measuredServers: number;
  /** App servers asked for but not yet serving (within their provisioning delay). */
  readonly provisioningCount: number;
  /** The metric over the last evaluation interval. */
  readonly observed: Observation;
  /** When the autoscaler last scaled out or in; null if never. */
  readonly lastScaleMs: number | null;
  /** Earlier recommendations, oldest first; those older than the window are ignored. */
  readonly recentRecommendations: readonly Recommendation[];
}

export interface AutoscalerDecision {
  readonly kind: 'out' | 'in' | 'hold';
  /** Tier size before (ready + provisioning) and after the decision. */
  readonly from: number;
  readonly to: number;
  /** A plain-words sentence for the event log. */
  readonly reason: string;
  /** The size the metric asks for now (within min and max): remember it (rememberRecommendation). */
  readonly recommendation: number;
  /** When servers added now start serving (nowMs + provisioning delay). */
  readonly readyAtMs: number;
}

/** The longest stabilization window (1 h) at the shortest interval (1 s), plus now. */
export const MAX_RECOMMENDATIONS = 3601;

/** Ratios within this of a whole number are that number: 4 × 0.9 / 0.6 must give 6, not 7. */
const ROUNDING_SLACK = 1e-9;

/** The metric's ratio to its target, or null when there is nothing to compare (none or failed). */
function ratioOf(policy: AutoscalerPolicy, observed: Observation): number | null {
  if (observed.kind !== 'measured') return null;
  return observed.value / (policy.mode === 'utilization' ? policy.targetUtilization : policy.targetP99Ms);
}

/** The size the metric asks for, before min, max, stabilization and cooldown. */
function metricSize(policy: AutoscalerPolicy, input: AutoscalerInput, size: number): number {
  if (input.observed.kind === 'none') return size;
  // More than 1% of requests failed: the p99 is past any target by an unknown amount. Double.
  if (input.observed.kind === 'failed') return Math.max(size + 1, 2 * size);
  const ratio = ratioOf(policy, input.observed) as number;
  if (Math.abs(ratio - 1) <= policy.tolerance) return size;
  return Math.max(0, Math.ceil(input.measuredServers * ratio - ROUNDING_SLACK));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The highest recommendation in the window (now included): scale-in never goes below it. */
function stabilized(policy: AutoscalerPolicy, input: AutoscalerInput, recommendation: number): number {
  let highest = recommendation;
  const since = input.nowMs - policy.scaleInStabilizationMs;
  for (const r of input.recentRecommendations) if (r.atMs > since && r.size > highest) highest = r.size;
  return highest;
}

type Change = Omit<AutoscalerDecision, 'kind' | 'reason'>;

/** The autoscaler's decision at input.nowMs. Deterministic: the same input gives the same decision. */
export function decideScaling(policy: AutoscalerPolicy, input: AutoscalerInput): AutoscalerDecision {
  const from = input.readyCount + input.provisioningCount;
  const wanted = metricSize(policy, input, from);
  const recommendation = clamp(wanted, policy.minSize, policy.maxSize);
  const base = { from, recommendation, readyAtMs: input.nowMs + policy.provisioningDelayMs };
  const metric = `Autoscaler: ${describeMetric(policy, input.observed)}`;
  const keeping = `; keeping ${servers(from)}`;
  const hold = (why: string): AutoscalerDecision => ({ ...base, kind: 'hold', to: from, reason: metric + why });

  // Outside the bounds (the policy changed, or servers crashed): back within them, whatever the metric.
  if (from < policy.minSize || from > policy.maxSize) {
    const bound =
      from < policy.minSize ? `below the minimum of ${policy.minSize}` : `above the maximum of ${policy.maxSize}`;
    const to = clamp(from, policy.minSize, policy.maxSize);
    return act(policy, input, { ...base, to }, `Autoscaler: ${servers(from)} is ${bound}`);
  }
  if (input.observed.kind === 'none') return hold(keeping);
  const ratio = ratioOf(policy, input.observed);
  if (ratio !== null && Math.abs(ratio - 1) <= policy.tolerance)
    return hold(`${describeTarget(policy, input.observed, 'within')}${keeping}`);
  const above = input.observed.kind === 'failed' || (ratio as number) > 1;
  const versus = describeTarget(policy, input.observed, above ? 'above' : 'below');
  if (above && recommendation <= from) {
    const why =
      recommendation === from && wanted > from
        ? `the tier is at its maximum of ${policy.maxSize}`
        : 'the servers already added cover it';
    return hold(`${versus}, but ${why}${keeping}`);
  }
  if (above) {
    const capped = wanted > recommendation ? ', the maximum' : '';
    return act(policy, input, { ...base, to: recommendation }, metric + versus, capped);
  }
  if (wanted === from) return hold(`${versus}, but the formula still rounds up to ${servers(from)}${keeping}`);
  if (recommendation === from) return hold(`${versus}, but the tier is at its minimum of ${policy.minSize}${keeping}`);
  return scaleIn(policy, input, { ...base, to: from }, metric, versus);
}

/** Fewer servers, but never below the highest recommendation in the window, nor by more than a step. */
function scaleIn(policy: AutoscalerPolicy, input: AutoscalerInput, d: Change, metric: string, versus: string) {
  const window = formatDuration(policy.scaleInStabilizationMs);
  const floor = stabilized(policy, input, d.recommendation);
  if (floor >= d.from) {
    const reason = `${metric}${versus}, but it has not stayed low for ${window}; keeping ${servers(d.from)}`;
    return { ...d, kind: 'hold' as const, reason };
  }
  const step = Math.max(1, Math.min(policy.scaleInMaxStep, Math.floor(d.from * policy.scaleInMaxShare)));
  const to = Math.max(floor, d.from - step);
  const stayed = policy.scaleInStabilizationMs > 0 ? ` and has stayed low for ${window}` : '';
  const limited = to > floor ? `, at most ${step} at a time` : '';
  return act(policy, input, { ...d, to }, metric + versus + stayed, limited);
}

/** A change of size, unless the cooldown still runs; the reason says what and why. */
function act(policy: AutoscalerPolicy, input: AutoscalerInput, d: Change, why: string, note = ''): AutoscalerDecision {
  const sinceMs = input.lastScaleMs === null ? Infinity : input.nowMs - input.lastScaleMs;
  if (sinceMs < policy.cooldownMs) {
    const cooldown = `the last change was ${formatDuration(sinceMs)} ago (cooldown ${formatDuration(policy.cooldownMs)})`;
    return { ...d, kind: 'hold', to: d.from, reason: `${why}, but ${cooldown}; keeping ${servers(d.from)}` };
  }
  const starting = input.provisioningCount > 0 ? `, counting ${input.provisioningCount} still starting` : '';
  const sizes = `(${d.from} → ${d.to}${note}${starting})`;
  if (d.to > d.from) {
    const delay = policy.provisioningDelayMs;
    const ready = delay > 0 ? `ready in ${formatDuration(delay)}` : 'ready at once';
    return { ...d, kind: 'out', reason: `${why}; adding ${servers(d.to - d.from)} ${sizes}, ${ready}` };
  }
  return { ...d, kind: 'in', reason: `${why}; removing ${servers(d.from - d.to)} ${sizes}` };
}

/** The history to pass next time: this recommendation added, those older than the window dropped. */
export function rememberRecommendation(
  history: readonly Recommendation[],
  decision: AutoscalerDecision,
  nowMs: number,
  policy: AutoscalerPolicy,
): Recommendation[] {
  const since = nowMs - policy.scaleInStabilizationMs;
  const kept = history.filter((r) => r.atMs > since);
  kept.push({ atMs: nowMs, size: decision.recommendation });
  // One a second over the longest window at most; more means the caller evaluates too often.
  if (kept.length > MAX_RECOMMENDATIONS) kept.splice(0, kept.length - MAX_RECOMMENDATIONS);
  return kept;
}

/**
 * The history when the autoscaler starts: its current size, as Kubernetes does, so that it does
 * not scale in before it has watched the metric for one stabilization window.
 */
export function startingRecommendations(size: number, nowMs: number): Recommendation[] {
  return [{ atMs: nowMs, size }];
}
