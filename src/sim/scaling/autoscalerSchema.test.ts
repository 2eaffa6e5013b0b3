// The autoscaler policy: a valid one parses with its defaults, and every bad field is refused with
// a message that names it (describeIssues: `field: message`).
import { describe, expect, it } from 'vitest';
import { parseAutoscalerPolicy } from './autoscalerSchema';

const valid = {
  mode: 'utilization',
  targetUtilization: 0.6,
  minSize: 2,
  maxSize: 10,
  evaluationIntervalMs: 15_000,
  cooldownMs: 60_000,
  provisioningDelayMs: 30_000,
};

function errorsOf(input: unknown): string[] {
  const result = parseAutoscalerPolicy(input);
  if (result.ok) throw new Error('expected the policy to be refused, but it parsed');
  return result.errors;
}

describe('autoscaler policy', () => {
  it('parses, filling in the defaults', () => {
    expect(parseAutoscalerPolicy(valid)).toEqual({
      ok: true,
      value: { ...valid, tolerance: 0.1, scaleInStabilizationMs: 300_000, scaleInMaxStep: 1000, scaleInMaxShare: 1 },
    });
    const { targetUtilization: _unused, ...rest } = valid;
    expect(parseAutoscalerPolicy({ ...rest, mode: 'p99', targetP99Ms: 250 }).ok).toBe(true);
  });

  it.each([
    [{ minSize: 0 }, 'minSize: Too small: expected number to be >=1'],
    [{ maxSize: 1001 }, 'maxSize: Too big: expected number to be <=1000'],
    [{ minSize: 5, maxSize: 3 }, 'maxSize: must be at least minSize (5)'],
    [{ minSize: 2.5 }, 'minSize: must be a whole number, not a number'],
    [{ evaluationIntervalMs: 1500 }, 'evaluationIntervalMs: must be whole seconds (metrics are kept per second)'],
    [{ cooldownMs: -1 }, 'cooldownMs: Too small: expected number to be >=0'],
    [{ provisioningDelayMs: undefined }, 'provisioningDelayMs: is missing'],
    [{ targetUtilization: 0 }, 'targetUtilization: Too small: expected number to be >0'],
    [
      { targetUtilization: 0.95 },
      'targetUtilization: must leave room for the tolerance: utilization would have to exceed 104.5%, which it never does',
    ],
    [{ tolerance: 0.6 }, 'tolerance: Too big: expected number to be <=0.5'],
    [{ scaleInMaxShare: 0 }, 'scaleInMaxShare: Too small: expected number to be >0'],
    [{ burst: true }, '(root): Unrecognized key: "burst"'],
    [{ mode: 'cpu' }, 'mode: must be "utilization" or "p99"'],
  ])('refuses %j: %s', (change, message) => {
    expect(errorsOf({ ...valid, ...change })).toContain(message);
  });

  it('asks for the p99 target in p99 mode, naming the field', () => {
    const { targetUtilization: _unused, ...rest } = valid;
    expect(errorsOf({ ...rest, mode: 'p99' })).toEqual(['targetP99Ms: is missing']);
  });
});
