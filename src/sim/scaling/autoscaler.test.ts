// The autoscaler's decision, case by case: steady load, a spike, cooldown, servers still starting,
// the bounds, the stabilization window, p99 mode; and a property: inside the tolerance band it
// never acts, whatever its history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import {
  decideScaling,
  rememberRecommendation,
  startingRecommendations,
  type AutoscalerInput,
  type Recommendation,
} from './autoscaler';
import { parseAutoscalerPolicy, type AutoscalerPolicy, type AutoscalerPolicyInput } from './autoscalerSchema';

const UTILIZATION = { mode: 'utilization', targetUtilization: 0.6 } as const;
const P99 = { mode: 'p99', targetP99Ms: 200 } as const;

function policyOf(input: Partial<AutoscalerPolicyInput> = {}, target: object = UTILIZATION): AutoscalerPolicy {
  const result = parseAutoscalerPolicy({
    ...target,
    minSize: 2,
    maxSize: 20,
    evaluationIntervalMs: 15_000,
    cooldownMs: 30_000,
    provisioningDelayMs: 30_000,
    ...input,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const NOW = 1_000_000;

/** Four servers ready all interval long, nothing starting, never scaled, no history. */
function inputOf(utilization: number, over: Partial<AutoscalerInput> = {}): AutoscalerInput {
  const readyCount = over.readyCount ?? 4;
  return {
    nowMs: NOW,
    readyCount,
    measuredServers: readyCount,
    provisioningCount: 0,
    observed: { kind: 'measured', value: utilization },
    lastScaleMs: null,
    recentRecommendations: [],
    ...over,
  };
}

describe('decideScaling', () => {
  const policy = policyOf();

  it('holds under steady load near the target', () => {
    const d = decideScaling(policy, inputOf(0.62));
    expect(d).toMatchObject({ kind: 'hold', from: 4, to: 4, recommendation: 4 });
    expect(d.reason).toBe('Autoscaler: utilization 62% is within 10% of the 60% target; keeping 4 app servers');
  });

  it('scales out on a spike by ceil(servers × observed / target)', () => {
    const d = decideScaling(policy, inputOf(0.85));
    expect(d).toMatchObject({ kind: 'out', from: 4, to: 6, readyAtMs: NOW + 30_000 });
    expect(d.reason).toBe(
      'Autoscaler: utilization 85% is above the 60% target; adding 2 app servers (4 → 6), ready in 30 s',
    );
    // Exactly on a whole number: 4 × 0.9 / 0.6 is 6 (5.999…, 6.000…1 in floating point), not 7.
    expect(decideScaling(policy, inputOf(0.9)).to).toBe(6);
  });

  it('holds during the cooldown after a change, and acts once it is over', () => {
    const cooling = decideScaling(policy, inputOf(0.85, { lastScaleMs: NOW - 10_000 }));
    expect(cooling).toMatchObject({ kind: 'hold', to: 4, recommendation: 6 });
    expect(cooling.reason).toContain('but the last change was 10 s ago (cooldown 30 s); keeping 4 app servers');
    expect(decideScaling(policy, inputOf(0.85, { lastScaleMs: NOW - 30_000 })).kind).toBe('out');
  });

  it('counts servers still starting, so it does not ask twice for the same load', () => {
    const starting = inputOf(0.85, { readyCount: 4, measuredServers: 4, provisioningCount: 2 });
    const d = decideScaling(policy, starting);
    expect(d).toMatchObject({ kind: 'hold', from: 6, to: 6, recommendation: 6 });
    expect(d.reason).toContain('the servers already added cover it');
    // A server that became ready at the end of the interval did not carry its load: measured on 4.
    const justReady = decideScaling(policy, inputOf(0.85, { readyCount: 6, measuredServers: 4 }));
    expect(justReady.kind).toBe('hold');
    // More load than the servers on their way cover: only the difference is added.
    const more = decideScaling(policy, { ...starting, observed: { kind: 'measured', value: 1 } });
    expect(more).toMatchObject({ kind: 'out', from: 6, to: 7 });
    expect(more.reason).toContain('adding 1 app server (6 → 7, counting 2 still starting)');
  });

  it('keeps within the minimum and maximum', () => {
    const capped = decideScaling(policy, inputOf(0.99, { readyCount: 18 }));
    expect(capped).toMatchObject({ kind: 'out', to: 20, recommendation: 20 });
    expect(capped.reason).toContain('(18 → 20, the maximum)');
    expect(decideScaling(policy, inputOf(0.99, { readyCount: 20 })).reason).toContain('at its maximum of 20');
    expect(decideScaling(policy, inputOf(0.05, { readyCount: 3 }))).toMatchObject({ kind: 'in', to: 2 });
    expect(decideScaling(policy, inputOf(0.05, { readyCount: 2 })).reason).toContain('at its minimum of 2');
    const below = decideScaling(policy, inputOf(0.1, { readyCount: 1 }));
    expect(below).toMatchObject({ kind: 'out', from: 1, to: 2 });
    expect(below.reason).toBe(
      'Autoscaler: 1 app server is below the minimum of 2; adding 1 app server (1 → 2), ready in 30 s',
    );
    expect(decideScaling(policy, inputOf(0.1, { readyCount: 25 }))).toMatchObject({ kind: 'in', to: 20 });
  });

  it('scales in only after the metric stayed low for the stabilization window, a step at a time', () => {
    const recent: Recommendation[] = [{ atMs: NOW - 100_000, size: 6 }];
    const waiting = decideScaling(policy, inputOf(0.2, { readyCount: 6, recentRecommendations: recent }));
    expect(waiting).toMatchObject({ kind: 'hold', to: 6, recommendation: 2 });
    expect(waiting.reason).toBe(
      'Autoscaler: utilization 20% is below the 60% target, but it has not stayed low for 5 min; keeping 6 app servers',
    );
    // A middling recommendation in the window is a floor: 6 → 4, not 6 → 2.
    const partly = [{ atMs: NOW - 100_000, size: 4 }];
    expect(decideScaling(policy, inputOf(0.2, { readyCount: 6, recentRecommendations: partly })).to).toBe(4);
    const old = [{ atMs: NOW - 300_000, size: 6 }];
    const done = decideScaling(policy, inputOf(0.2, { readyCount: 6, recentRecommendations: old }));
    expect(done).toMatchObject({ kind: 'in', from: 6, to: 2 });
    expect(done.reason).toBe(
      'Autoscaler: utilization 20% is below the 60% target and has stayed low for 5 min; removing 4 app servers (6 → 2)',
    );
    const stepped = decideScaling(policyOf({ scaleInMaxStep: 1 }), inputOf(0.2, { readyCount: 6 }));
    expect(stepped).toMatchObject({ kind: 'in', to: 5 });
    expect(stepped.reason).toContain('(6 → 5, at most 1 at a time)');
    expect(decideScaling(policyOf({ scaleInMaxShare: 0.5 }), inputOf(0.2, { readyCount: 6 })).to).toBe(3);
  });

  it('starts with its size as the only recommendation, so it watches a window before scaling in', () => {
    let history = startingRecommendations(6, NOW);
    for (let t = NOW + 15_000; t < NOW + 300_000; t += 15_000) {
      const d = decideScaling(policy, inputOf(0.2, { nowMs: t, readyCount: 6, recentRecommendations: history }));
      expect(d.kind).toBe('hold');
      history = rememberRecommendation(history, d, t, policy);
      expect(history.length).toBeLessThanOrEqual(21);
    }
    const t = NOW + 300_000;
    expect(decideScaling(policy, inputOf(0.2, { nowMs: t, readyCount: 6, recentRecommendations: history })).kind).toBe(
      'in',
    );
  });

  it('scales on the p99 in p99 mode; a failed p99 doubles; nothing measured holds', () => {
    const p99 = policyOf({}, P99);
    const slow = decideScaling(p99, inputOf(300));
    expect(slow).toMatchObject({ kind: 'out', to: 6 });
    expect(slow.reason).toBe(
      'Autoscaler: p99 300 ms is above the 200 ms target; adding 2 app servers (4 → 6), ready in 30 s',
    );
    const failed = decideScaling(p99, inputOf(0, { observed: { kind: 'failed' } }));
    expect(failed).toMatchObject({ kind: 'out', to: 8 });
    expect(failed.reason).toContain('p99 failed (more than 1% of requests failed), far above the 200 ms target');
    const none = decideScaling(p99, inputOf(0, { observed: { kind: 'none' } }));
    expect(none).toMatchObject({ kind: 'hold', to: 4, recommendation: 4 });
    expect(none.reason).toBe('Autoscaler: no request finished to measure; keeping 4 app servers');
  });

  it('never acts while the metric stays inside the tolerance band (fast-check)', () => {
    const arbitraryInput = fc.record({
      ready: fc.integer({ min: 1, max: 20 }),
      starting: fc.integer({ min: 0, max: 19 }),
      band: fc.double({ min: -1, max: 1, noNaN: true }),
      lastScaleAgoMs: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
      history: fc.array(
        fc.record({ agoMs: fc.integer({ min: 0, max: 600_000 }), size: fc.integer({ min: 2, max: 20 }) }),
      ),
      mode: fc.constantFrom('utilization' as const, 'p99' as const),
    });
    fc.assert(
      fc.property(arbitraryInput, (a) => {
        fc.pre(a.ready + a.starting >= 2 && a.ready + a.starting <= 20);
        const p = a.mode === 'p99' ? policyOf({}, P99) : policy;
        const target = p.mode === 'p99' ? p.targetP99Ms : p.targetUtilization;
        const value = target * (1 + a.band * p.tolerance * 0.999);
        const d = decideScaling(p, {
          ...inputOf(value, { readyCount: a.ready, provisioningCount: a.starting }),
          lastScaleMs: a.lastScaleAgoMs === null ? null : NOW - a.lastScaleAgoMs,
          recentRecommendations: a.history.map((h) => ({ atMs: NOW - h.agoMs, size: h.size })),
        });
        expect(d.kind).toBe('hold');
        expect(d.to).toBe(a.ready + a.starting);
      }),
      { seed: 14, numRuns: 500 },
    );
  });

  it('does not flap on a noisy metric: the window keeps the size while the noise crosses the band', () => {
    // Load that 5 servers carry at exactly the target, measured with ±25% noise (outside the band often).
    const flaps = (windowMs: number) => {
      const p = policyOf({ scaleInStabilizationMs: windowMs, cooldownMs: 0 });
      const rng = new Rng(14);
      let size = 5;
      let history = startingRecommendations(size, 0);
      let changes = 0;
      for (let t = 15_000; t <= 3_600_000; t += 15_000) {
        const noisy = (0.6 * 5 * (1 + 0.5 * (rng.next() - 0.5))) / size;
        const d = decideScaling(
          p,
          inputOf(Math.min(1, noisy), { nowMs: t, readyCount: size, recentRecommendations: history }),
        );
        history = rememberRecommendation(history, d, t, p);
        if (d.kind !== 'hold') changes++;
        size = d.to;
      }
      return changes;
    };
    const without = flaps(0);
    const withWindow = flaps(300_000);
    expect(withWindow).toBeLessThanOrEqual(2);
    expect(without).toBeGreaterThan(10 * Math.max(1, withWindow));
  });
});
