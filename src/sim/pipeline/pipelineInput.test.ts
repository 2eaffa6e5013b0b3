// Impossible pipeline setups are refused with a message naming the field at fault, in a file
// (parseScenario, createSimulation) and live (commands on a running run), and a refused command
// changes nothing.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, InputError, parseScenario, type Scenario } from '../index';
import type { ConsumerGroupSettings, LogSettings } from './pipelineSchema';

const dataSystem = getBuiltInScenario('data-system') as Scenario;
const log = dataSystem.log as LogSettings;
const groups = dataSystem.consumerGroups as ConsumerGroupSettings[];

/** The errors parseScenario gives (none when it accepts). */
function errorsOf(scenario: unknown): string[] {
  const parsed = parseScenario(scenario);
  return parsed.ok ? [] : parsed.errors;
}

describe('a scenario file with an impossible pipeline is refused, naming the field', () => {
  it('data-system itself is accepted', () => {
    expect(errorsOf(dataSystem)).toEqual([]);
  });

  it.each<[string, Scenario, RegExp]>([
    [
      "acks 'all' with a minimum in sync above the replication factor",
      { ...dataSystem, log: { ...log, acks: 'all', minInSync: 4, replicationFactor: 3 } },
      /^log\.minInSync: .*replicationFactor/,
    ],
    ['zero partitions', { ...dataSystem, log: { ...log, partitions: 0 } }, /^log\.partitions: /],
    [
      'a consumer group on a topic that does not exist',
      {
        ...dataSystem,
        consumerGroups: [
          groups[0] as ConsumerGroupSettings,
          { ...(groups[1] as ConsumerGroupSettings), topic: 'orders' },
        ],
      },
      /^consumerGroups\.1\.topic: .*"orders" does not exist/,
    ],
    [
      'a consumer group with no log at all',
      { ...dataSystem, log: undefined, index: undefined, clients: { ...dataSystem.clients, searchShare: 0 } },
      /^consumerGroups\.0\.topic: .*no log/,
    ],
    ['searches without a search index', { ...dataSystem, index: undefined }, /^clients\.searchShare: .*search index/],
    [
      'a replication factor above the brokers',
      { ...dataSystem, log: { ...log, brokers: 2 } },
      /^log\.replicationFactor: /,
    ],
    [
      'index replicas above its nodes',
      { ...dataSystem, index: { ...(dataSystem.index as NonNullable<Scenario['index']>), replicas: 3 } },
      /^index\.replicas: /,
    ],
    [
      'an index fed by the log with no indexer group',
      { ...dataSystem, consumerGroups: [groups[1] as ConsumerGroupSettings] },
      /^index\.mode: .*indexer/,
    ],
    [
      'reads and searches above every request',
      { ...dataSystem, clients: { ...dataSystem.clients, readShare: 0.96, searchShare: 0.05 } },
      /^clients\.searchShare: .*must not exceed 1/,
    ],
    [
      'a lag bound no longer than the fetch interval',
      { ...dataSystem, log: { ...log, lagBoundMs: 100 } },
      /^log\.lagBoundMs: /,
    ],
  ])('%s', (_, scenario, message) => {
    const errors = errorsOf(scenario);
    expect(
      errors.some((e) => message.test(e)),
      errors.join('\n'),
    ).toBe(true);
    let thrown: unknown = null;
    try {
      createSimulation(scenario, 1);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toMatch(new RegExp(message.source.slice(1)));
  });
});

describe('live commands refuse bad input and change nothing', () => {
  it.each<[string, unknown, RegExp]>([
    ['setLog minInSync 9 on data-system', { type: 'setLog', policy: { minInSync: 9 } }, /minInSync/],
    ['setLog minInSync 0', { type: 'setLog', policy: { minInSync: 0 } }, /minInSync/],
    ['setLog retention 0 ms', { type: 'setLog', policy: { retentionMs: 0 } }, /retentionMs/],
    ['setLog acks of another kind', { type: 'setLog', policy: { acks: 'some' } }, /acks/],
    ['addConsumer to a group that does not exist', { type: 'addConsumer', group: 'mailer' }, /mailer/],
    ['removeConsumer on a broker', { type: 'removeConsumer', nodeId: 'broker-1' }, /not a consumer/],
    ['removeConsumer on a consumer never added', { type: 'removeConsumer', nodeId: 'notifier-5' }, /not been added/],
    ['failDisk on a consumer', { type: 'failDisk', nodeId: 'indexer-1', disk: 0 }, /no disks/],
    ['failDisk on a broker disk it does not have', { type: 'failDisk', nodeId: 'broker-1', disk: 1 }, /one disk/],
    ['replaceDisk on a healthy broker disk', { type: 'replaceDisk', nodeId: 'broker-2', disk: 0 }, /healthy/],
    ['replaceDisk on an index node', { type: 'replaceDisk', nodeId: 'index-1', disk: 0 }, /by itself/],
    ['setIndexMode to a mode that does not exist', { type: 'setIndexMode', mode: 'batch' }, /mode/],
    ['setLoad with a negative search share', { type: 'setLoad', searchShare: -0.1 }, /searchShare/],
  ])('%s', (_, input, message) => {
    const sim = createSimulation(dataSystem, 3);
    const twin = createSimulation(dataSystem, 3);
    sim.runUntil(2_000);
    twin.runUntil(2_000);
    const result = sim.apply(input, { refuseNoChange: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(sim.commands()).toHaveLength(0);
    sim.runUntil(6_000);
    twin.runUntil(6_000);
    expect(sim.logHash()).toBe(twin.logHash());
  });

  // Fails: checkPipeline's addConsumer test is `members() + absent slots === 0`, which is never
  // true while the group has members; it should refuse when no slot is absent. The 7th add is
  // accepted, logged, and does nothing (addConsumer finds no slot). Reported to the lead.
  it('adding beyond a group’s most consumers is refused', () => {
    const sim = createSimulation(dataSystem, 3);
    for (let i = 2; i < 6; i++) expect(sim.apply({ type: 'addConsumer', group: 'indexer' }).ok).toBe(true);
    const result = sim.apply({ type: 'addConsumer', group: 'indexer' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/most consumers \(6\)/);
  });

  it('pipeline commands on a scenario without the pipeline are refused', () => {
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 3);
    for (const input of [
      { type: 'setLog', policy: { acks: 'all' } },
      { type: 'setIndexMode', mode: 'sync' },
      { type: 'addConsumer', group: 'indexer' },
    ])
      expect(sim.apply(input).ok, JSON.stringify(input)).toBe(false);
  });
});
