import { describe, expect, it } from 'vitest';
import { builtInScenarios, getBuiltInScenario, scenarioSchema, type Scenario } from '../../sim/index';
import { DEFAULT_CACHE } from './cacheTier';
import { defaultGroup } from './consumersTier';
import { DEFAULT_INDEX } from './indexTier';
import { DEFAULT_LOG } from './logTier';
import { applyDraft, draftOf, isActive, problemText, sameScenario, type Draft } from './draft';
import { ALL_SETTINGS, DEFAULT_STORAGE_CAPACITY, TIERS, type NumberSetting } from './tiers';

const base = getBuiltInScenario('default') as Scenario;
const numbers = ALL_SETTINGS.filter((s): s is NumberSetting => s.kind === 'number');

/** Every optional section on, sized so one step up or down of any setting stays valid. */
const full: Scenario = scenarioSchema.parse({
  ...base,
  clients: { ...base.clients, searchShare: 0.05 },
  cache: DEFAULT_CACHE,
  log: { ...DEFAULT_LOG, brokers: 5, retentionMs: 60_000 },
  consumerGroups: [defaultGroup('indexer'), defaultGroup('notifier')],
  index: { ...DEFAULT_INDEX, nodes: 3 },
  scaling: {
    maxAppServers: 20,
    maxStorageNodes: 20,
    maxCacheNodes: 10,
    provisioningMs: 30_000,
    autoscaler: {
      mode: 'utilization',
      targetUtilization: 0.6,
      minSize: 2,
      maxSize: 10,
      evaluationIntervalMs: 15_000,
      cooldownMs: 30_000,
      provisioningDelayMs: 30_000,
    },
  },
});

const PIPELINE_PARTS = new Set<unknown>(['log', 'consumerGroups', 'index']);
const betweenPipelineFields = (issue: { code: string; path: readonly unknown[] }) =>
  issue.code === 'custom' && (PIPELINE_PARTS.has(issue.path[0]) || issue.path.join('.') === 'clients.searchShare');

function edit(from: Scenario, draft: Draft) {
  return applyDraft(from, { ...draftOf(from), ...draft });
}

function messages(draft: Draft, from: Scenario = base): string[] {
  const result = edit(from, draft);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => problemText(p));
}

describe('the Architecture draft', () => {
  it('reads every built-in scenario and a full one and, unchanged, gives the same scenario back', () => {
    for (const scenario of [...builtInScenarios, full]) {
      const result = applyDraft(scenario, draftOf(scenario));
      expect(result.ok, scenario.id).toBe(true);
      if (result.ok) expect(sameScenario(result.scenario, scenario), scenario.id).toBe(true);
    }
  });

  it('turns storage capacity on with its slots and queue limit, and off again', () => {
    const on = edit(base, {
      'storage.capacity': true,
      'storage.capacity.slots': '1',
      'storage.capacity.queueLimit': '200',
    });
    expect(on.ok && on.scenario.storage.capacity).toEqual({ slots: 1, queueLimit: 200 });
    if (!on.ok) return;
    const off = edit(on.scenario, { 'storage.capacity': false });
    expect(off.ok && 'capacity' in off.scenario.storage).toBe(false);
  });

  it('starts capacity from the defaults and ignores its fields while it is off', () => {
    expect(draftOf(base)['storage.capacity']).toBe(false);
    expect(draftOf(base)['storage.capacity.slots']).toBe(String(DEFAULT_STORAGE_CAPACITY.slots));
    expect(edit(base, { 'storage.capacity.slots': 'nonsense' }).ok).toBe(true);
  });

  it('turns the cache on from its defaults with the choices made, and off again with its room to grow', () => {
    const on = edit(base, {
      cache: true,
      'cache.nodes': '4',
      'cache.celebrityShare': '12.5',
      'cache.placement': 'modulo',
      'cache.writePolicy': 'ttl-only',
      'cache.ttlMs': '5000',
      'cache.coalescing': true,
    });
    if (!on.ok) throw new Error(JSON.stringify(on.problems));
    expect(on.scenario.cache).toEqual({
      ...DEFAULT_CACHE,
      nodes: 4,
      celebrityShare: 0.125,
      placement: 'modulo',
      writePolicy: 'ttl-only',
      ttlMs: 5000,
      coalescing: true,
    });
    const grown = edit(on.scenario, { scaling: true, 'scaling.maxCacheNodes': '8' });
    if (!grown.ok) throw new Error(JSON.stringify(grown.problems));
    expect(grown.scenario.scaling).toEqual({ maxCacheNodes: 8, provisioningMs: 30_000 });
    const off = edit(grown.scenario, { cache: false });
    if (!off.ok) throw new Error(JSON.stringify(off.problems));
    expect('cache' in off.scenario).toBe(false);
    expect(off.scenario.scaling).toEqual({ provisioningMs: 30_000 });
  });

  it('gives the autoscaler a mode and a target, in the units on screen', () => {
    const result = edit(base, {
      scaling: true,
      'scaling.maxAppServers': '12',
      'scaling.provisioningMs': '20',
      'scaling.autoscaler': true,
      'scaling.autoscaler.mode': 'p99',
      'scaling.autoscaler.targetP99Ms': '150',
      'scaling.autoscaler.maxSize': '12',
      'scaling.autoscaler.evaluationIntervalMs': '10',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const scaling = result.scenario.scaling;
    expect(scaling?.maxAppServers).toBe(12);
    expect(scaling?.provisioningMs).toBe(20_000);
    expect(scaling?.autoscaler).toMatchObject({
      mode: 'p99',
      targetP99Ms: 150,
      minSize: base.appServers.count,
      maxSize: 12,
      evaluationIntervalMs: 10_000,
      provisioningDelayMs: 20_000,
    });
    expect(scaling?.autoscaler && 'targetUtilization' in scaling.autoscaler).toBe(false);
  });

  it('leaves an empty optional size out of the scenario', () => {
    const result = edit(full, { 'scaling.maxStorageNodes': '' });
    expect(result.ok && result.scenario.scaling && 'maxStorageNodes' in result.scenario.scaling).toBe(false);
    expect(draftOf(base)['scaling.maxAppServers']).toBe('');
  });

  it('shows a setting only while every toggle and choice it depends on is in play', () => {
    const target = ALL_SETTINGS.find((s) => s.key === 'scaling.autoscaler.targetUtilization');
    if (!target) throw new Error('no target setting');
    const draft = draftOf(full);
    expect(isActive(target, draft)).toBe(true);
    expect(isActive(target, { ...draft, 'scaling.autoscaler.mode': 'p99' })).toBe(false);
    expect(isActive(target, { ...draft, scaling: false })).toBe(false);
    // Off, its fields are ignored however wrong they are.
    expect(edit(full, { scaling: false, 'scaling.autoscaler.maxSize': 'nonsense' }).ok).toBe(true);
  });

  it('names the field in every message, in plain words', () => {
    expect(messages({ 'storage.capacity': true, 'storage.capacity.slots': '0' })).toEqual([
      'Storage disk slots: must be at least 1',
    ]);
    expect(messages({ 'storage.capacity': true, 'storage.capacity.queueLimit': '-1' })).toEqual([
      'Storage queue limit: must be at least 0',
    ]);
    expect(messages({ 'appServers.workers': '2.5', 'storage.disksPerNode': '' })).toEqual([
      'App server workers: must be a whole number',
      'Storage disks per node: enter a number',
    ]);
    expect(messages({ 'storage.disksPerNode': '25' })).toEqual(['Storage disks per node: must be at most 24']);
    expect(
      messages({ 'storage.capacity': true, 'storage.capacity.slots': '0', 'storage.capacity.queueLimit': '' }),
    ).toEqual(['Storage disk slots: must be at least 1', 'Storage queue limit: enter a number']);
    expect(messages({ 'storage.count': '2' })[0]).toMatch(/^Storage nodes: must be at least the replication factor, 3/);
  });

  it('names the cache and scaling fields at fault', () => {
    expect(messages({ cache: true, 'cache.nodes': '0', 'cache.keys': '0' })).toEqual([
      'Cache nodes: must be at least 1',
      'Cache keys: must be at least 1',
    ]);
    expect(messages({ 'cache.zipfExponent': 'x' }, full)).toEqual(['Cache Zipf exponent: "x" is not a number']);
    expect(messages({ 'scaling.maxAppServers': '2' }, full)).toEqual([
      `Most app servers: must be at least the ${base.appServers.count} the run starts with`,
      'Autoscaler most servers: must not exceed the most app servers the tier may have, 2',
    ]);
    expect(messages({ 'scaling.maxAppServers': '5' }, full)).toEqual([
      'Autoscaler most servers: must not exceed the most app servers the tier may have, 5',
    ]);
    expect(messages({ 'scaling.autoscaler.maxSize': '1' }, full)).toEqual([
      'Autoscaler most servers: must be at least the fewest app servers, 2',
    ]);
    expect(messages({ 'scaling.autoscaler.targetUtilization': '95' }, full)).toEqual([
      'Autoscaler target utilization: must be at most 90',
    ]);
    expect(messages({ 'scaling.autoscaler.evaluationIntervalMs': '1.5' }, full)).toEqual([
      'Autoscaler interval: must be a whole number',
    ]);
  });

  it('turns the log, both groups and the index on from the data-system values, and off again', () => {
    const dataSystem = getBuiltInScenario('data-system') as Scenario;
    const on = edit(base, { log: true, 'consumerGroups.indexer': true, 'consumerGroups.notifier': true, index: true });
    if (!on.ok) throw new Error(JSON.stringify(on.problems));
    expect(on.scenario.log).toEqual(dataSystem.log);
    expect(on.scenario.consumerGroups).toEqual(dataSystem.consumerGroups);
    expect(on.scenario.index).toEqual(dataSystem.index);
    expect(on.scenario.clients.searchShare).toBe(0.05);
    const off = edit(on.scenario, {
      log: false,
      'consumerGroups.indexer': false,
      'consumerGroups.notifier': false,
      index: false,
    });
    if (!off.ok) throw new Error(JSON.stringify(off.problems));
    expect(sameScenario(off.scenario, base)).toBe(true);
  });

  it('adds a group in role order, keeps retention empty as none and times in the units on screen', () => {
    const dataSystem = getBuiltInScenario('data-system') as Scenario;
    const notifierOnly = edit(dataSystem, { 'consumerGroups.indexer': false, 'index.mode': 'sync' });
    if (!notifierOnly.ok) throw new Error(JSON.stringify(notifierOnly.problems));
    expect(notifierOnly.scenario.consumerGroups?.map((g) => g.role)).toEqual(['notifier']);
    const back = edit(notifierOnly.scenario, {
      'consumerGroups.indexer': true,
      'consumerGroups.indexer.rebalancePauseMs': '1.5',
      'consumerGroups.indexer.serviceTime.meanMs': '8',
      'log.retentionMs': '1',
      'log.electionDelayMs': '0.5',
    });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.scenario.consumerGroups?.map((g) => g.role)).toEqual(['indexer', 'notifier']);
    expect(back.scenario.consumerGroups?.[0]).toMatchObject({
      rebalancePauseMs: 1500,
      serviceTime: { dist: 'exponential', meanMs: 8 },
    });
    expect(back.scenario.log).toMatchObject({ retentionMs: 1000, electionDelayMs: 500 });
    expect(draftOf(dataSystem)['log.retentionMs']).toBe('');
    const none = edit(back.scenario, { 'log.retentionMs': ' ' });
    expect(none.ok && none.scenario.log?.retentionMs).toBe(null);
  });

  it('offers no more searches than the reads leave, and drops them with the index', () => {
    const singleServer = getBuiltInScenario('single-server');
    if (singleServer) expect(draftOf(singleServer)['clients.searchShare']).toBe('0');
    const dataSystem = getBuiltInScenario('data-system') as Scenario;
    const off = edit(dataSystem, { index: false, 'consumerGroups.indexer': false });
    expect(off.ok && 'searchShare' in off.scenario.clients).toBe(false);
  });

  it("names the pipeline's fields at fault in the sim's own words", () => {
    const dataSystem = getBuiltInScenario('data-system') as Scenario;
    expect(messages({ log: true, 'log.acks': 'all', 'log.minInSync': '4' })).toEqual([
      'Log min in sync: must not exceed log.replicationFactor (3)',
    ]);
    expect(messages({ log: true, 'log.partitions': '0' })).toEqual(['Log partitions: must be at least 1']);
    expect(messages({ log: true, index: true })).toEqual([
      'Index mode: \'log\' needs a consumer group with the role "indexer" (consumerGroups)',
    ]);
    expect(messages({ 'consumerGroups.notifier': true })).toEqual([
      'Notifier group: topic "changes" does not exist: there is no log',
    ]);
    expect(messages({ 'clients.searchShare': '15' }, dataSystem)).toEqual([
      'Search share: readShare + searchShare must not exceed 1 (it is 1.05)',
    ]);
    // The notifier is second in the list: its issue still lands on its own field.
    expect(messages({ 'consumerGroups.notifier.consumers': '7' }, dataSystem)).toEqual([
      'Notifier most consumers: must be at least consumers (7)',
    ]);
    const result = edit(dataSystem, { log: false });
    expect(result.ok ? [] : result.problems.map((p) => p.key)).toEqual([
      'consumerGroups.indexer',
      'consumerGroups.notifier',
    ]);
  });

  it("keeps each setting's bounds the same as the scenario schema's", () => {
    // Straight to the schema, past the form's own bound checks, so the two cannot drift apart.
    // Room everywhere, so only the setting's own bounds (and its `check`) can refuse it.
    const roomy = scenarioSchema.parse({
      ...full,
      scaling: {
        ...full.scaling,
        maxAppServers: 1000,
        maxStorageNodes: 1000,
        maxCacheNodes: 64,
        autoscaler: undefined,
      },
    });
    const withAutoscaler = scenarioSchema.parse({
      ...roomy,
      scaling: { ...roomy.scaling, autoscaler: { ...full.scaling?.autoscaler, minSize: 1, maxSize: 1000 } },
    });
    for (const setting of numbers) {
      const from = setting.key.startsWith('scaling.autoscaler') ? withAutoscaler : roomy;
      // The pipeline's rules between fields (minInSync against the replication factor) are left
      // out here: only the setting's own bounds count. The message tests check those rules.
      const valid = (value: number) => {
        const parsed = scenarioSchema.safeParse(setting.write(from, value));
        return parsed.success || parsed.error.issues.every(betweenPipelineFields);
      };
      let lowest = setting.min;
      while (setting.check?.(lowest, setting.write(from, lowest))) lowest += setting.step;
      expect(valid(lowest), `${setting.key} = ${lowest}`).toBe(true);
      expect(valid(setting.max), `${setting.key} = ${setting.max}`).toBe(true);
      expect(valid(setting.min - setting.step), `${setting.key} below its min`).toBe(false);
      expect(valid(setting.max + setting.step), `${setting.key} above its max`).toBe(false);
    }
  });

  it('writes only the setting it names', () => {
    for (const setting of numbers) {
      const before = setting.read(full) as number;
      const edited = setting.write(full, before + setting.step);
      expect(setting.read(edited)).toBeCloseTo(before + setting.step, 6);
      expect(scenarioSchema.safeParse(edited).success, setting.key).toBe(true);
      for (const other of numbers)
        if (other.key !== setting.key)
          expect(other.read(edited), `${setting.key} changed ${other.key}`).toBe(other.read(full));
    }
  });
});

describe('the tiers description', () => {
  it('names every setting once, and each depends only on settings listed before it', () => {
    const keys = ALL_SETTINGS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [i, setting] of ALL_SETTINGS.entries())
      for (const c of [setting.onlyWhen ?? []].flat())
        expect(keys.indexOf(c.key), `${setting.key} depends on ${c.key}`).toBeLessThan(i);
  });

  it('labels every setting uniquely within its tier, and names it uniquely in messages', () => {
    for (const tier of TIERS) {
      const labels = tier.settings.map((s) => s.label);
      expect(new Set(labels).size, tier.id).toBe(labels.length);
    }
    const names = ALL_SETTINGS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
