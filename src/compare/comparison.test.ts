import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../sim/index';
import { changesFor, compare, pinned, POLICY_CHANGES } from './comparison';

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
    for (const c of changesFor(scenario)) {
      const result = compare({ scenario, seed: 1, commands: [], untilMs: 1000, change: c.change(scenario.policy) });
      expect(result.ok, c.id).toBe(true);
    }
  });

  it('names an invalid change', () => {
    const result = compare({ scenario, seed: 1, commands: [], untilMs: 1000, change: { writeQuorum: 9 } });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/policy.writeQuorum/) });
  });

  it("keeps B's change when the run's own commands change the same setting", () => {
    // The learner turns retries off at 2 s; B is "backoff with jitter" and must keep retrying.
    const commands = [
      ...crash,
      {
        atMs: 2000,
        command: {
          type: 'setPolicy' as const,
          policy: { retry: { ...scenario.policy.retry, strategy: 'none' as const }, timeoutMs: 300 },
        },
      },
    ];
    const change = { retry: { strategy: 'exponential', jitter: true } };
    const b = pinned(commands, change);
    expect(b[0]).toEqual(crash[0]);
    expect(b[1]?.command).toEqual({
      type: 'setPolicy',
      policy: { retry: { ...scenario.policy.retry, strategy: 'exponential', jitter: true }, timeoutMs: 300 },
    });
    const result = compare({ scenario, seed: 4, commands, untilMs: 15_000, change });
    if (!result.ok) throw new Error(result.error);
    // After the crash, A sends every request once; B still retries.
    const late = (r: typeof result.a) => r.windows.filter((w) => w.endMs > 4000);
    const attempts = (r: typeof result.a) => late(r).reduce((a, w) => a + w.attempts, 0);
    const offered = (r: typeof result.a) => late(r).reduce((a, w) => a + w.offered, 0);
    expect(attempts(result.a) / offered(result.a)).toBeCloseTo(1, 2);
    expect(attempts(result.b) / offered(result.b)).toBeGreaterThan(1.01);
    expect(result.b.frame.policy.timeoutMs).toBe(300);
  });
});

describe('A/B comparison of the log and the index', () => {
  const dataSystem = getBuiltInScenario('data-system') as Scenario;
  const slowFetch = {
    ...dataSystem,
    log: { ...(dataSystem.log as NonNullable<Scenario['log']>), fetchIntervalMs: 500 },
  };
  // Half a fetch interval after the followers' last fetch: the leader alone holds what came since.
  const diskLost = [{ atMs: 5250, command: { type: 'failDisk' as const, nodeId: 'broker-1', disk: 0 } }];

  it('offers log and index changes only to runs that have a log and an index', () => {
    const ids = (s: Scenario) => changesFor(s).map((c) => c.id);
    expect(ids(scenario)).not.toContain('acks-all');
    expect(ids(dataSystem)).toEqual(expect.arrayContaining(['acks-all', 'acks-leader', 'index-sync', 'index-log']));
    expect(POLICY_CHANGES.length).toBeGreaterThan(changesFor(scenario).length);
    const refused = compare({ scenario, seed: 1, commands: [], untilMs: 1000, change: {}, log: { acks: 'all' } });
    expect(refused).toEqual({ ok: false, error: 'This run has no log to change.' });
  });

  it('with acks from all in-sync replicas, the broker disk that lost events under acks from the leader loses none', () => {
    const choice = POLICY_CHANGES.find((c) => c.id === 'acks-all');
    const result = compare({
      scenario: slowFetch,
      seed: 2,
      commands: diskLost,
      untilMs: 12_000,
      change: {},
      log: choice?.log,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.a.frame.pipeline?.log?.acknowledgedLost).toBeGreaterThan(0);
    expect(result.b.frame.pipeline?.log?.acknowledgedLost).toBe(0);
    expect(result.b.cumulative.issued).toBe(result.a.cumulative.issued);
  });

  it("keeps run B's log setting where the run's own setLog changed it", () => {
    const commands = [
      { atMs: 1000, command: { type: 'setLog' as const, policy: { acks: 'leader' as const, retentionMs: 9000 } } },
    ];
    expect(pinned(commands, {}, { log: { acks: 'all' } })[0]?.command).toEqual({
      type: 'setLog',
      policy: { acks: 'all', retentionMs: 9000 },
    });
  });
});
