// The scenario format: built-in scenarios are valid, and every kind of bad input is rejected with
// one line per problem that names the field (describeIssues: `path.to.field: message`).
import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation, getBuiltInScenario, parseScenario, type Scenario } from './index';

const base = getBuiltInScenario('default') as Scenario;

/** The errors of a scenario that must be rejected. */
function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected, but it parsed');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

describe('built-in scenarios', () => {
  it('there are some, with unique ids, and "default" is one of them', () => {
    expect(builtInScenarios.length).toBeGreaterThan(0);
    expect(new Set(builtInScenarios.map((s) => s.id)).size).toBe(builtInScenarios.length);
    expect(getBuiltInScenario('default')).toBeDefined();
    expect(getBuiltInScenario('no-such-scenario')).toBeUndefined();
  });

  it.each(builtInScenarios.map((s) => [s.id, s] as const))(
    '%s parses to itself and can be simulated',
    (_id, scenario) => {
      const result = parseScenario(scenario);
      expect(result).toEqual({ ok: true, value: scenario });
      expect(() => createSimulation(scenario, 1)).not.toThrow();
    },
  );

  it('survive a JSON round trip (they are plain data, as files and URLs carry them)', () => {
    for (const scenario of builtInScenarios) {
      expect(parseScenario(JSON.parse(JSON.stringify(scenario)))).toEqual({ ok: true, value: scenario });
    }
  });
});

describe('unknown keys', () => {
  it('are rejected at the top level, naming the key', () => {
    const errors = errorsOf({ ...base, bogus: 1 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\(root\): /);
    expect(errors[0]).toContain('"bogus"');
  });

  it('are rejected in a nested object, naming its path and the key', () => {
    expect(errorsOf({ ...base, policy: { ...base.policy, bogus: 1 } })).toEqual([
      expect.stringMatching(/^policy: .*"bogus"/),
    ]);
    expect(errorsOf({ ...base, policy: { ...base.policy, retry: { ...base.policy.retry, bogus: 1 } } })).toEqual([
      expect.stringMatching(/^policy\.retry: .*"bogus"/),
    ]);
    expect(
      errorsOf({ ...base, storage: { ...base.storage, diskLatency: { dist: 'constant', meanMs: 1, sigma: 2 } } }),
    ).toEqual([expect.stringMatching(/^storage\.diskLatency: .*"sigma"/)]);
  });
});

describe('cross-field rules', () => {
  it('rejects writeQuorum above replicationFactor, naming policy.writeQuorum', () => {
    const errors = errorsOf({ ...base, policy: { ...base.policy, replicationFactor: 2, writeQuorum: 3 } });
    expect(errors).toEqual([expect.stringMatching(/^policy\.writeQuorum: /)]);
  });

  it('rejects readQuorum above replicationFactor, naming policy.readQuorum', () => {
    const errors = errorsOf({ ...base, policy: { ...base.policy, replicationFactor: 2, readQuorum: 3 } });
    expect(errors).toEqual([expect.stringMatching(/^policy\.readQuorum: /)]);
  });

  it('rejects replicationFactor above the storage node count', () => {
    const errors = errorsOf({ ...base, storage: { ...base.storage, count: 2 } });
    expect(errors).toEqual([expect.stringMatching(/^policy\.replicationFactor: .*storage\.count/)]);
  });

  it('rejects a load balancer in a rack that does not exist, naming the rack', () => {
    expect(errorsOf({ ...base, loadBalancer: { rack: 'rack-z' } })).toEqual([
      expect.stringMatching(/^loadBalancer\.rack: .*"rack-z"/),
    ]);
  });

  it('rejects duplicate rack ids', () => {
    expect(errorsOf({ ...base, racks: ['rack-a', 'rack-b', 'rack-a'] })).toEqual([
      expect.stringMatching(/^racks: .*unique/),
    ]);
  });

  it('reports every problem, not just the first', () => {
    const errors = errorsOf({
      ...base,
      loadBalancer: { rack: 'rack-z' },
      policy: { ...base.policy, replicationFactor: 1, writeQuorum: 2, readQuorum: 2 },
    });
    expect(errors.map((e) => e.split(':')[0]).sort()).toEqual([
      'loadBalancer.rack',
      'policy.readQuorum',
      'policy.writeQuorum',
    ]);
  });
});

describe('field checks name the field', () => {
  it.each<[string, (s: Scenario) => unknown, string]>([
    ['a rack id with capitals and spaces', (s) => ({ ...s, racks: ['Rack A', ...s.racks] }), 'racks.0'],
    ['a rack id starting with a digit', (s) => ({ ...s, racks: [...s.racks, '9rack'] }), 'racks.3'],
    ['an empty rack list', (s) => ({ ...s, racks: [] }), 'racks'],
    ['a bad scenario id', (s) => ({ ...s, id: 'Default!' }), 'id'],
    ['a bad load balancer rack id', (s) => ({ ...s, loadBalancer: { rack: 'Rack_A' } }), 'loadBalancer.rack'],
    ['version 2', (s) => ({ ...s, version: 2 }), 'version'],
    ['an empty name', (s) => ({ ...s, name: '' }), 'name'],
    ['a zero duration', (s) => ({ ...s, durationS: 0 }), 'durationS'],
    ['a negative timeout', (s) => ({ ...s, policy: { ...s.policy, timeoutMs: -5 } }), 'policy.timeoutMs'],
    ['a fractional quorum', (s) => ({ ...s, policy: { ...s.policy, writeQuorum: 1.5 } }), 'policy.writeQuorum'],
    ['an unknown lb strategy', (s) => ({ ...s, policy: { ...s.policy, lbStrategy: 'random' } }), 'policy.lbStrategy'],
    [
      '11 attempts',
      (s) => ({ ...s, policy: { ...s.policy, retry: { ...s.policy.retry, maxAttempts: 11 } } }),
      'policy.retry.maxAttempts',
    ],
    ['a read share above 1', (s) => ({ ...s, clients: { ...s.clients, readShare: 1.2 } }), 'clients.readShare'],
    ['a negative rate', (s) => ({ ...s, clients: { ...s.clients, rateRps: -1 } }), 'clients.rateRps'],
    ['a string count', (s) => ({ ...s, appServers: { ...s.appServers, count: '4' } }), 'appServers.count'],
    [
      'an unknown distribution',
      (s) => ({ ...s, appServers: { ...s.appServers, serviceTime: { dist: 'pareto', meanMs: 1 } } }),
      'appServers.serviceTime.dist',
    ],
    [
      'sigma above 3',
      (s) => ({ ...s, storage: { ...s.storage, diskLatency: { dist: 'lognormal', medianMs: 2, sigma: 4 } } }),
      'storage.diskLatency.sigma',
    ],
    [
      'an exponential with mean 0',
      (s) => ({ ...s, network: { ...s.network, hopLatency: { dist: 'exponential', meanMs: 0 } } }),
      'network.hopLatency.meanMs',
    ],
    ['a loss of 1.5', (s) => ({ ...s, network: { ...s.network, loss: 1.5 } }), 'network.loss'],
    ['an unknown placement', (s) => ({ ...s, storage: { ...s.storage, placement: 'anywhere' } }), 'storage.placement'],
    [
      'time compression below 1',
      (s) => ({ ...s, hardwareFaults: { ...s.hardwareFaults, timeCompression: 0.5 } }),
      'hardwareFaults.timeCompression',
    ],
    ['an availability SLO of 1', (s) => ({ ...s, slo: { ...s.slo, availability: 1 } }), 'slo.availability'],
    [
      'a schedule entry at a negative time',
      (s) => ({ ...s, schedule: [{ atMs: -1, command: { type: 'healAll' } }] }),
      'schedule.0.atMs',
    ],
    ['a missing section', ({ policy: _policy, ...rest }) => rest, 'policy'],
  ])('rejects %s, naming %s', (_what, change, path) => {
    const errors = errorsOf(change(base));
    expect(
      errors.some((e) => e.startsWith(`${path}: `)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('rejects things that are not objects', () => {
    for (const input of [null, undefined, 42, 'default', [base]]) {
      expect(errorsOf(input)).toEqual([expect.stringMatching(/^\(root\): /)]);
    }
  });
});

describe('createSimulation', () => {
  it('throws on an invalid scenario, naming the fields', () => {
    expect(() => createSimulation({ ...base, policy: { ...base.policy, timeoutMs: -5 } }, 1)).toThrow(
      /policy\.timeoutMs/,
    );
  });

  it('throws on a scheduled command that is not a command, naming its place in the schedule', () => {
    const scenario = {
      ...base,
      schedule: [
        { atMs: 0, command: { type: 'healAll' } },
        { atMs: 10, command: { type: 'crashNode' } },
      ],
    };
    // The schema only checks that a scheduled command is an object; the simulation checks the rest.
    expect(parseScenario(scenario).ok).toBe(true);
    expect(() => createSimulation(scenario, 1)).toThrow(/schedule\.1\.command: nodeId/);
  });
});

describe('wrong types in plain words', () => {
  it('says a field is missing, or what it must be and what it got', () => {
    const base = getBuiltInScenario('default') as Scenario;
    const { slo: _slo, ...noSlo } = base;
    expect(parseScenario(noSlo)).toEqual({ ok: false, errors: ['slo: is missing'] });
    const textRate = { ...base, clients: { ...base.clients, rateRps: '600' } };
    const result = parseScenario(textRate);
    expect(result.ok ? [] : result.errors).toEqual(['clients.rateRps: must be a number, not text']);
  });
});
