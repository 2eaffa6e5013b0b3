// A run whose scenario has a cache and room to scale (issue 14) travels in a link and a file and
// comes back exactly: the optional sections and the live cache and autoscaler commands included.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, scenarioSchema, type Scenario } from '../sim/index';
import { DEFAULT_CACHE } from '../view/architecture/cacheTier';
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
