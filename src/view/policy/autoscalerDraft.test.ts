import { describe, expect, it } from 'vitest';
import type { AutoscalerPolicy } from '../../sim/scaling/autoscalerSchema';
import { draftOf, policyOf, problemText, withMode } from './autoscalerDraft';

const BASE: AutoscalerPolicy = {
  mode: 'utilization',
  targetUtilization: 0.6,
  minSize: 6,
  maxSize: 12,
  evaluationIntervalMs: 15_000,
  cooldownMs: 30_000,
  provisioningDelayMs: 20_000,
  tolerance: 0.1,
  scaleInStabilizationMs: 300_000,
  scaleInMaxStep: 1000,
  scaleInMaxShare: 1,
};

describe('the autoscaler draft', () => {
  it('reads a policy in percent and seconds, and gives it back unchanged', () => {
    const draft = draftOf(BASE);
    expect(draft).toEqual({
      mode: 'utilization',
      target: '60',
      minSize: '6',
      maxSize: '12',
      intervalS: '15',
      cooldownS: '30',
    });
    expect(policyOf(draft, BASE, 12)).toEqual({ ok: true, policy: BASE });
  });

  it('keeps the fields the form does not show (provisioning delay, tolerance)', () => {
    const result = policyOf({ ...draftOf(BASE), target: '80', intervalS: '5', cooldownS: '10' }, BASE, 12);
    expect(result).toEqual({
      ok: true,
      policy: { ...BASE, targetUtilization: 0.8, evaluationIntervalMs: 5_000, cooldownMs: 10_000 },
    });
  });

  it('switches mode with the usual target, not the other mode’s number', () => {
    const p99 = withMode(draftOf(BASE), 'p99', BASE);
    expect(p99.target).toBe('200');
    const result = policyOf(p99, BASE, 12);
    expect(result.ok && result.policy).toMatchObject({ mode: 'p99', targetP99Ms: 200 });
    expect(result.ok && 'targetUtilization' in result.policy).toBe(false);
  });

  it('names the field on screen for every problem, and sends nothing', () => {
    const bad = policyOf({ ...draftOf(BASE), target: '', minSize: '2.5', intervalS: '0' }, BASE, 12);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => problemText(p, 'utilization'))).toEqual([
      'Target utilization (%): enter a number',
      'Fewest app servers: enter a whole number',
      'Looks every (s): must be at least 1',
    ]);
  });

  it('checks rules across fields with the schema, in the words on screen', () => {
    const bad = policyOf({ ...draftOf(BASE), minSize: '8', maxSize: '7' }, BASE, 12);
    expect(!bad.ok && bad.problems.map((p) => problemText(p, 'utilization'))).toEqual([
      'Most app servers: must be at least fewest app servers (8)',
    ]);
    const tolerance = policyOf({ ...draftOf(BASE), target: '95' }, BASE, 12);
    expect(!tolerance.ok && tolerance.problems[0]?.field).toBe('target');
  });

  it('refuses more app servers than the scenario has room for, beside the field', () => {
    const bad = policyOf({ ...draftOf(BASE), maxSize: '20' }, BASE, 12);
    expect(!bad.ok && bad.problems).toEqual([
      { field: 'maxSize', message: 'must not exceed the 12 app servers this scenario allows' },
    ]);
  });
});
