// The autoscaler wired into the run. At each closed metrics window it adds what it can see to
// what it measured since its last look; once an evaluation interval has passed it looks (at the
// first window close at or after the interval), decides with decideScaling and acts: new servers
// after its provisioning delay, removed ones drained (servers still starting are removed first,
// then the newest serving ones). Utilization is busy worker-time over the worker-time of the
// servers serving at each window's end; the p99 is of all requests, failures counted slowest.
// A server that starts serving mid-window counts for the whole window (so utilization reads a
// little low for that window). Left out: metric lag beyond one window, per-pod readiness delays.
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import { WINDOW_MS } from '../metrics';
import { mergeLatencyBins, quantileWithFailures } from '../latencyBins';
import { InputError } from '../limits';
import { addNode } from '../cluster/nodeSlots';
import { removeAppServer } from '../cluster/nodeRemoval';
import type { AutoscalerPolicy } from './autoscalerSchema';
import { decideScaling, rememberRecommendation, startingRecommendations, type AutoscalerDecision } from './autoscaler';
import { formatDuration, servers, type Observation } from './autoscalerWords';
import { isServing, servingAppServers, type ScalingState } from './scalingState';

function startingAppServers(st: SimState): number {
  let n = 0;
  for (let a = 0; a < st.appCount; a++) if (st.nodeStatus[st.appNode(a)] === NodeStatusCode.starting) n++;
  return n;
}

/** The most app servers the autoscaler may run: its maxSize, unless the tier has fewer slots. */
export function autoscalerProblem(st: SimState, policy: AutoscalerPolicy | null, field: string): string | null {
  if (policy === null || policy.maxSize <= st.appCount) return null;
  return `${field}.maxSize: ${policy.maxSize} is more than the ${st.appCount} app servers the tier may grow to (scaling.maxAppServers)`;
}

/** Turns the autoscaler on (or off with null) from now: it watches one interval before it first acts. */
export function setAutoscalerPolicy(st: SimState, policy: AutoscalerPolicy | null): void {
  const scaling = st.scaling;
  if (scaling === null) return;
  scaling.autoscaler = policy;
  scaling.measured.reset();
  scaling.lastDecision = null;
  scaling.lastScaleMs = null;
  if (policy === null) {
    scaling.recommendations = [];
    return;
  }
  const size = servingAppServers(st) + startingAppServers(st);
  scaling.recommendations = startingRecommendations(size, st.nowMs);
  scaling.nextEvaluationMs = st.nowMs + policy.evaluationIntervalMs;
}

/** The scenario's autoscaler, from the start of the run. */
export function startScaling(st: SimState): void {
  const policy = st.scaling?.settings.autoscaler;
  if (policy === undefined) return;
  const problem = autoscalerProblem(st, policy, 'scaling.autoscaler');
  if (problem !== null) throw new InputError('scaling.autoscaler.maxSize', problem);
  setAutoscalerPolicy(st, policy);
}

/** The policy in words, for the event log ("target utilization 60%, 2 to 10 app servers, every 15 s"). */
export function describePolicy(policy: AutoscalerPolicy): string {
  const target =
    policy.mode === 'utilization'
      ? `target utilization ${Math.round(policy.targetUtilization * 100)}%`
      : `target p99 ${policy.targetP99Ms} ms`;
  const sizes = `${policy.minSize} to ${servers(policy.maxSize)}`;
  return `${target}, ${sizes}, every ${formatDuration(policy.evaluationIntervalMs)}, new servers ready in ${formatDuration(policy.provisioningDelayMs)}`;
}

/** After each window closes (st.utilization holds its busy shares): measure, and look when it is time. */
export function onWindowClosed(st: SimState): void {
  const scaling = st.scaling;
  if (scaling === null || scaling.autoscaler === null) return;
  const m = scaling.measured;
  for (let a = 0; a < st.appCount; a++) {
    if (!isServing(st, a)) continue;
    m.busyWorkerMs += (st.utilization[a] as number) * st.workers * WINDOW_MS;
    m.servingMs += WINDOW_MS;
  }
  m.windowMs += WINDOW_MS;
  const window = st.metrics.lastWindow();
  if (window !== null) {
    m.failed += window.failed;
    const merged = mergeLatencyBins([window.latencyBins], new Float64Array(m.bins.length));
    for (let bin = 0; bin < merged.length; bin++) m.bins[bin] = (m.bins[bin] as number) + (merged[bin] as number);
  }
  if (st.nowMs >= scaling.nextEvaluationMs) evaluate(st, scaling, scaling.autoscaler);
}

function observe(st: SimState, scaling: ScalingState, policy: AutoscalerPolicy): Observation {
  const m = scaling.measured;
  if (policy.mode === 'utilization') {
    if (m.servingMs === 0) return { kind: 'none' };
    return { kind: 'measured', value: m.busyWorkerMs / (st.workers * m.servingMs) };
  }
  const p99 = quantileWithFailures(m.bins, m.failed, 0.99);
  if (p99 === null) return { kind: 'none' };
  return p99 === Number.POSITIVE_INFINITY ? { kind: 'failed' } : { kind: 'measured', value: p99 };
}

function evaluate(st: SimState, scaling: ScalingState, policy: AutoscalerPolicy): void {
  const decision = decideScaling(policy, {
    nowMs: st.nowMs,
    readyCount: servingAppServers(st),
    measuredServers: scaling.measured.windowMs > 0 ? scaling.measured.servingMs / scaling.measured.windowMs : 0,
    provisioningCount: startingAppServers(st),
    observed: observe(st, scaling, policy),
    lastScaleMs: scaling.lastScaleMs,
    recentRecommendations: scaling.recommendations,
  });
  scaling.recommendations = rememberRecommendation(scaling.recommendations, decision, st.nowMs, policy);
  scaling.measured.reset();
  scaling.nextEvaluationMs = st.nowMs + policy.evaluationIntervalMs;
  scaling.lastDecision = decision.reason;
  if (decision.kind === 'hold') return;
  scaling.lastScaleMs = st.nowMs;
  act(st, decision, policy);
}

function act(st: SimState, decision: AutoscalerDecision, policy: AutoscalerPolicy): void {
  const scaling = st.scaling as ScalingState;
  if (decision.kind === 'out') {
    const wanted = decision.to - decision.from;
    let added = 0;
    while (added < wanted && addNodeQuietly(st, policy.provisioningDelayMs)) added++;
    const short = added < wanted ? ` (only ${servers(added)} could be added: the tier is full)` : '';
    scaling.lastDecision = decision.reason + short;
    return st.note('autoscalerDecision', 'app servers', decision.reason + short);
  }
  st.note('autoscalerDecision', 'app servers', decision.reason);
  let toRemove = decision.from - decision.to;
  // Servers still starting go first (they serve nobody yet), then the newest serving ones.
  for (let a = st.appCount - 1; a >= 0 && toRemove > 0; a--)
    if (st.nodeStatus[st.appNode(a)] === NodeStatusCode.starting) {
      removeAppServer(st, st.appNode(a), 'drain');
      toRemove--;
    }
  for (let a = st.appCount - 1; a >= 0 && toRemove > 0; a--)
    if (isServing(st, a)) {
      removeAppServer(st, st.appNode(a), 'drain');
      toRemove--;
    }
}

function addNodeQuietly(st: SimState, delayMs: number): boolean {
  return addNode(st, 'app', delayMs) >= 0;
}
