// The autoscaler in a closed loop with a fluid model of the app tier: n ready servers each serve
// up to μ = 1 unit of work per second, so utilization = min(1, λ / (n μ)); work beyond that is
// refused (a bounded queue sheds it), so no backlog builds. The load steps from 0.4 to 1.2 of
// the initial capacity. The figures are the ones the lesson on autoscaler lag teaches: the time
// from the step until enough servers serve, the overshoot, the work refused meanwhile, and cost.
import { describe, expect, it } from 'vitest';
import { decideScaling, rememberRecommendation, startingRecommendations } from './autoscaler';
import { parseAutoscalerPolicy, type AutoscalerPolicy } from './autoscalerSchema';
import { CostTier, MachineSeconds } from './machineSeconds';

const INITIAL = 4;
const STEP_AT_MS = 605_000;
const END_MS = 1_800_000;
const LOW_LOAD = 0.4 * INITIAL;
const HIGH_LOAD = 1.2 * INITIAL;
const TARGET = 0.6;

function policyWith(provisioningDelayMs: number): AutoscalerPolicy {
  const result = parseAutoscalerPolicy({
    mode: 'utilization',
    targetUtilization: TARGET,
    minSize: 2,
    maxSize: 20,
    evaluationIntervalMs: 15_000,
    cooldownMs: 0,
    provisioningDelayMs,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

interface LoopFigures {
  /** Servers before the step (after the warm-up scaled in) and at the end. */
  sizeBefore: number;
  sizeAfter: number;
  /** From the step until the ready servers first carry the load at or below the target, ms. */
  lagMs: number;
  /** The most servers (ready or starting) after the step, minus the size the load needs. */
  overshoot: number;
  /** Work refused after the step while the tier was too small, in seconds of one server's work. */
  refusedWork: number;
  /** Scaling decisions after the step. */
  decisions: string[];
  /** App machine-seconds from the step to the end, and what a tier sized at once would cost. */
  machineSeconds: number;
  idealMachineSeconds: number;
}

/** Runs the loop one second at a time; the autoscaler looks every evaluation interval. */
function runLoop(policy: AutoscalerPolicy): LoopFigures {
  const readyAt: number[] = Array.from({ length: INITIAL }, () => 0);
  const needed = Math.ceil(HIGH_LOAD / TARGET - 1e-9);
  const cost = new MachineSeconds();
  cost.add(CostTier.app, 0, INITIAL);
  let history = startingRecommendations(INITIAL, 0);
  let lastScaleMs: number | null = null;
  let busy = 0;
  let capacity = 0;
  const f: LoopFigures = {
    ...{ sizeBefore: 0, sizeAfter: 0, lagMs: -1, overshoot: 0, refusedWork: 0, decisions: [] },
    ...{ machineSeconds: 0, idealMachineSeconds: 0 },
  };
  let costAtStep = 0;
  for (let t = 0; t < END_MS; t += 1000) {
    const load = t < STEP_AT_MS ? LOW_LOAD : HIGH_LOAD;
    const ready = readyAt.filter((at) => at <= t).length;
    if (t === STEP_AT_MS) {
      f.sizeBefore = readyAt.length;
      costAtStep = cost.secondsAt(CostTier.app, t);
    }
    if (t >= STEP_AT_MS && f.lagMs < 0 && ready >= needed) f.lagMs = t - STEP_AT_MS;
    if (t >= STEP_AT_MS) f.refusedWork += Math.max(0, load - ready);
    busy += Math.min(load, ready);
    capacity += ready;
    if ((t + 1000) % policy.evaluationIntervalMs !== 0) continue;
    const nowMs = t + 1000;
    const starting = readyAt.filter((at) => at > nowMs).length;
    const d = decideScaling(policy, {
      nowMs,
      readyCount: readyAt.length - starting,
      measuredServers: capacity / (policy.evaluationIntervalMs / 1000),
      provisioningCount: starting,
      observed: capacity > 0 ? { kind: 'measured', value: busy / capacity } : { kind: 'none' },
      lastScaleMs,
      recentRecommendations: history,
    });
    history = rememberRecommendation(history, d, nowMs, policy);
    busy = 0;
    capacity = 0;
    if (d.kind === 'hold') continue;
    lastScaleMs = nowMs;
    if (nowMs > STEP_AT_MS) f.decisions.push(d.reason);
    if (d.kind === 'out') {
      for (let i = d.from; i < d.to; i++) readyAt.push(d.readyAtMs);
      cost.add(CostTier.app, nowMs, d.to - d.from);
    } else {
      readyAt.sort((a, b) => a - b).length = d.to; // the latest to be ready go first
      cost.remove(CostTier.app, nowMs, d.from - d.to);
    }
    if (nowMs > STEP_AT_MS) f.overshoot = Math.max(f.overshoot, readyAt.length - needed);
  }
  f.sizeAfter = readyAt.length;
  f.machineSeconds = cost.secondsAt(CostTier.app, END_MS) - costAtStep;
  f.idealMachineSeconds = (needed * (END_MS - STEP_AT_MS)) / 1000;
  return f;
}

describe('the autoscaler in a closed loop (fluid M/M/c-like tier, load step 0.4 → 1.2 of capacity)', () => {
  it('converges to the size that carries the load at the target, in two rounds, without overshoot', () => {
    const f = runLoop(policyWith(30_000));
    expect(f.sizeBefore).toBe(3); // 4 at 40% is more than needed: after the 5 min window, 3 at 53%
    expect(f.sizeAfter).toBe(8); // 4.8 units of work / 0.6 target
    expect(f.overshoot).toBe(0);
    // Utilization cannot show more than 100%: the first look asks for 5, the next, on 5 servers, for 8.
    expect(f.decisions).toEqual([
      'Autoscaler: utilization 84% is above the 60% target; adding 2 app servers (3 → 5), ready in 30 s',
      'Autoscaler: utilization 96% is above the 60% target; adding 3 app servers (5 → 8), ready in 30 s',
    ]);
    expect(f.lagMs).toBe(85_000);
  });

  it.each([
    [0, 25_000],
    [30_000, 85_000],
    [60_000, 145_000],
    [120_000, 265_000],
  ])('with a provisioning delay of %i ms the lag is %i ms', (delayMs, lagMs) => {
    const f = runLoop(policyWith(delayMs));
    expect(f.lagMs).toBe(lagMs);
    expect(f.sizeAfter).toBe(8);
    expect(f.overshoot).toBe(0);
    // Bounded: two rounds of (interval + delay), plus the interval the step fell in.
    expect(f.lagMs).toBeLessThanOrEqual(2 * (15_000 + delayMs) + 15_000);
  });

  it('prices the lag: work refused while too small, fewer machine-seconds than a tier sized at once', () => {
    const f = runLoop(policyWith(30_000));
    expect(f.refusedWork).toBeGreaterThan(0);
    expect(f.machineSeconds).toBeLessThan(f.idealMachineSeconds);
    // 3 servers for 40 s against 4.8 units: 1.8 a second refused (37.5% of the load); then 5 at 96% busy.
    expect(f.refusedWork).toBeCloseTo(72, 9);
    // 3 for 10 s, 5 for 45 s, then 8: cheaper than 8 at once (9,560), paid for in refused work and waits.
    expect(f.machineSeconds).toBe(3 * 10 + 5 * 45 + 8 * 1140);
    expect(f.idealMachineSeconds).toBe(9560);
  });
});
