import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../sim/index';
import { compare, POLICY_CHANGES } from './comparison';

const scenario = getBuiltInScenario('default') as Scenario;
const crash = [{ atMs: 3000, command: { type: 'crashNode' as const, nodeId: 'app-2' } }];

describe('A/B comparison', () => {
  it('runs the same users and faults under two policies: only the policy differs', () => {
    const noChange = compare({ scenario, seed: 4, commands: crash, untilMs: 15_000, change: {} });
    if (!noChange.ok) throw new Error(noChange.error);
    expect(noChange.b.logHash).toBe(noChange.a.logHash);
    const result = compare({
      scenario,
      seed: 4,
      commands: crash,
      untilMs: 15_000,
      change: { retry: { strategy: 'none' } },
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.a.windows).toHaveLength(15);
    expect(result.b.windows).toHaveLength(15);
    // The same users arrive in both runs; without retries the crash costs failed requests.
    expect(result.b.cumulative.issued).toBe(result.a.cumulative.issued);
    expect(result.b.cumulative.failed).toBeGreaterThan(result.a.cumulative.failed);
  });

  it('offers policy changes that are valid for the default cluster', () => {
    for (const c of POLICY_CHANGES) {
      const result = compare({ scenario, seed: 1, commands: [], untilMs: 1000, change: c.change(scenario.policy) });
      expect(result.ok, c.id).toBe(true);
    }
  });

  it('names an invalid change', () => {
    const result = compare({ scenario, seed: 1, commands: [], untilMs: 1000, change: { writeQuorum: 9 } });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/policy.writeQuorum/) });
  });
});
