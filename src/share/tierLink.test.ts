// A run whose scenario has a cache and room to scale (issue 14), or a log, consumer groups and a
// search index (issue 15), travels in a link and a file and comes back exactly: the optional
// sections and the live commands included.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, scenarioSchema, type Scenario } from '../sim/index';
import { DEFAULT_CACHE } from '../view/architecture/cacheTier';
import { defaultGroup } from '../view/architecture/consumersTier';
import { DEFAULT_INDEX } from '../view/architecture/indexTier';
import { DEFAULT_LOG } from '../view/architecture/logTier';
import { toData, type Experiment } from './experiment';
import { decodeFragment, experimentFragment, parseExperimentJson } from './link';

const base = getBuiltInScenario('default') as Scenario;
const scenario: Scenario = scenarioSchema.parse({
  ...base,
  cache: { ...DEFAULT_CACHE, placement: 'modulo', writePolicy: 'ttl-only', ttlMs: 2000 },
  storage: { ...base.storage, capacity: { slots: 2, queueLimit: 50 } },
  scaling: {
    maxAppServers: 12,
    maxCacheNodes: 6,
    provisioningMs: 20_000,
    autoscaler: {
      mode: 'p99',
      targetP99Ms: 150,
      minSize: 2,
      maxSize: 12,
      evaluationIntervalMs: 15_000,
      cooldownMs: 30_000,
      provisioningDelayMs: 20_000,
    },
  },
});

describe('a link with the cache and scaling', () => {
  it('carries the optional sections as edits of the built-in scenario and reads them back exactly', () => {
    const experiment: Experiment = { scenario, seed: 7, commands: [], atMs: 0 };
    const edits = toData(experiment).edits;
    expect(edits && Object.keys(edits).sort()).toEqual(['cache', 'scaling', 'storage']);
    const back = decodeFragment(experimentFragment(experiment));
    if (!back?.ok) throw new Error(back ? back.error : 'no experiment');
    expect(back.experiment.scenario).toEqual(scenario);
    const file = parseExperimentJson(JSON.stringify(toData(experiment)));
    expect(file.ok && file.experiment.scenario).toEqual(scenario);
  });

  // The built-in 'data-system' scenario has a cache: turning it off is a null in the link's edits.
  const dataSystem = getBuiltInScenario('data-system');
  it.skipIf(!dataSystem)('turns the cache off again when the built-in scenario has one', () => {
    if (!dataSystem) return;
    const { cache: _cache, scaling, ...rest } = dataSystem;
    const { maxCacheNodes: _room, ...room } = scaling ?? { provisioningMs: 0 };
    const plain = scenarioSchema.parse(scaling ? { ...rest, scaling: room } : rest);
    const experiment: Experiment = { scenario: plain, seed: 1, commands: [], atMs: 0 };
    expect(toData(experiment).edits).toMatchObject({ cache: null });
    const back = decodeFragment(experimentFragment(experiment));
    if (!back?.ok) throw new Error(back ? back.error : 'no experiment');
    expect(back.experiment.scenario).toEqual(plain);
  });

  it('is refused, naming the field, when a link asks for an impossible cache', () => {
    const data = toData({ scenario, seed: 1, commands: [], atMs: 0 });
    const bad = { ...data, edits: { ...data.edits, cache: { ...DEFAULT_CACHE, nodes: 0 } } };
    const result = parseExperimentJson(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/cache\.nodes/);
  });
});

/** A link's experiment back through the fragment and through a file; both must be the same. */
function roundTrip(experiment: Experiment): Experiment {
  const back = decodeFragment(experimentFragment(experiment));
  if (!back?.ok) throw new Error(back ? back.error : 'no experiment');
  const file = parseExperimentJson(JSON.stringify(toData(experiment)));
  if (!file.ok) throw new Error(file.error);
  expect(file.experiment).toEqual(back.experiment);
  return back.experiment;
}

describe('a link with the log, consumer groups and search index', () => {
  const dataSystem = getBuiltInScenario('data-system') as Scenario;
  const withPipeline = (log: Partial<NonNullable<Scenario['log']>>): Scenario =>
    scenarioSchema.parse({
      ...base,
      clients: { ...base.clients, searchShare: 0.1 },
      log: { ...DEFAULT_LOG, brokers: 5, partitions: 12, acks: 'all', minInSync: 3, ...log },
      consumerGroups: [
        { ...defaultGroup('indexer'), consumers: 3, commitIntervalMs: 250 },
        { ...defaultGroup('notifier'), rebalancePauseMs: 500 },
      ],
      index: { ...DEFAULT_INDEX, nodes: 3, replicas: 2, mode: 'sync' },
    });

  it('carries the pipeline added to the default scenario, with a retention time, and the live commands', () => {
    const scenario = withPipeline({ retentionMs: 30_000 });
    const commands = [
      { atMs: 1000, command: { type: 'setLog', policy: { acks: 'leader', retentionMs: 1000 } } },
      { atMs: 2000, command: { type: 'setLog', policy: { retentionMs: null } } },
      { atMs: 3000, command: { type: 'setIndexMode', mode: 'log' } },
      { atMs: 4000, command: { type: 'setLoad', searchShare: 0.15 } },
    ] as Experiment['commands'];
    const experiment: Experiment = { scenario, seed: 3, commands, atMs: 5000 };
    expect(Object.keys(toData(experiment).edits ?? {}).sort()).toEqual(['clients', 'consumerGroups', 'index', 'log']);
    const back = roundTrip(experiment);
    expect(back.scenario).toEqual(scenario);
    expect(back.commands).toEqual(commands);
  });

  // log.retentionMs null (no time limit) is a null in the link's merge patch, which means "remove
  // the key": the scenario schema reads a missing retentionMs as null, so it comes back the same.
  it('carries a log kept up to the size limit (retention none) added to the default scenario', () => {
    const scenario = withPipeline({ retentionMs: null });
    expect(roundTrip({ scenario, seed: 3, commands: [], atMs: 0 }).scenario).toEqual(scenario);
  });

  it('carries edits of the data-system pipeline, and the pipeline turned off', () => {
    const edited = scenarioSchema.parse({
      ...dataSystem,
      log: { ...dataSystem.log, acks: 'all', retentionMs: 5000 },
      index: { ...dataSystem.index, replayEventsPerSecond: 500 },
    });
    expect(roundTrip({ scenario: edited, seed: 9, commands: [], atMs: 0 }).scenario).toEqual(edited);
    const { log: _log, consumerGroups: _groups, index: _index, ...rest } = dataSystem;
    const { searchShare: _searches, ...clients } = dataSystem.clients;
    const plain = scenarioSchema.parse({ ...rest, clients });
    const experiment: Experiment = { scenario: plain, seed: 9, commands: [], atMs: 0 };
    expect(toData(experiment).edits).toMatchObject({ log: null, consumerGroups: null, index: null });
    expect(roundTrip(experiment).scenario).toEqual(plain);
  });

  it('is refused, naming the field, when a link asks for an impossible log', () => {
    const data = toData({ scenario: dataSystem, seed: 1, commands: [], atMs: 0 });
    const bad = { ...data, edits: { log: { acks: 'all', minInSync: 4 } } };
    const result = parseExperimentJson(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/log\.minInSync/);
  });
});
