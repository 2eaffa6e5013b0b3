// The pipeline's faults in the running cluster, as a learner causes them: a broker crash leaves
// its partitions leaderless until the election, a cut-off broker counts as gone, consumers come
// and go with a rebalance, an index node that loses its disk rebuilds (from the log while
// retention holds every event, else from a snapshot), and sync mode ties writes to the index.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario, type Simulation } from '../index';
import type { PipelineSnapshot } from './pipelineSnapshot';

const dataSystem = getBuiltInScenario('data-system') as Scenario;

function pipelineOf(sim: Simulation): PipelineSnapshot {
  return sim.frame(-1, Number.POSITIVE_INFINITY, 0).pipeline as PipelineSnapshot;
}

function notes(sim: Simulation, type: string): string[] {
  return sim
    .frame(-1, Number.POSITIVE_INFINITY, 0)
    .newEvents.filter((e) => e.type === type)
    .map((e) => `${e.target}: ${e.detail}`);
}

function applied(sim: Simulation, command: unknown): void {
  const result = sim.apply(command, { refuseNoChange: true });
  if (!result.ok) throw new Error(result.error);
}

describe('the pipeline under faults', () => {
  it('a crashed broker leaves the partitions it led without a leader until the election, missing changes meanwhile', () => {
    const sim = createSimulation(dataSystem, 3);
    sim.runUntil(5_000);
    expect(pipelineOf(sim).log?.changesMissed).toBe(0);
    applied(sim, { type: 'crashNode', nodeId: 'broker-1' });
    sim.runUntil(6_000);
    const during = pipelineOf(sim).log;
    expect(during?.leaderless).toBe(2);
    sim.runUntil(8_500);
    expect(pipelineOf(sim).log?.leaderless).toBe(0);
    expect(notes(sim, 'logLeadersElected')).toHaveLength(1);
    const missed = pipelineOf(sim).log?.changesMissed ?? 0;
    // About 2 of 6 partitions × 105 writes/s × 3 s of election delay.
    expect(missed).toBeGreaterThan(60);
    expect(missed).toBeLessThan(160);
    applied(sim, { type: 'restartNode', nodeId: 'broker-1' });
    sim.runUntil(12_000);
    expect(pipelineOf(sim).log?.underReplicated).toBe(0);
  });

  it('a broker cut off from the rest counts as gone, and is back in sync after the heal', () => {
    const sim = createSimulation(dataSystem, 4);
    sim.runUntil(3_000);
    applied(sim, { type: 'partitionGroup', nodeIds: ['broker-2'] });
    sim.runUntil(7_000);
    const cut = pipelineOf(sim).log;
    expect(cut?.leaderless).toBe(0);
    expect(cut?.underReplicated).toBe(6);
    applied(sim, { type: 'healAll' });
    sim.runUntil(9_000);
    expect(pipelineOf(sim).log?.underReplicated).toBe(0);
  });

  it('adding and removing a consumer rebalances the group, with a pause', () => {
    const sim = createSimulation(dataSystem, 5);
    sim.runUntil(2_000);
    applied(sim, { type: 'addConsumer', group: 'notifier' });
    sim.runUntil(2_500);
    expect(pipelineOf(sim).groups[1]?.rebalancing).toBe(true);
    sim.runUntil(6_000);
    const after = pipelineOf(sim).groups[1];
    expect(after?.consumers).toBe(2);
    expect(after?.rebalancing).toBe(false);
    applied(sim, { type: 'removeConsumer', nodeId: 'notifier-2' });
    sim.runUntil(10_000);
    expect(pipelineOf(sim).groups[1]?.consumers).toBe(1);
    expect(pipelineOf(sim).groups[1]?.duplicates).toBe(0);
    expect(sim.apply({ type: 'removeConsumer', nodeId: 'notifier-2' }).ok).toBe(false);
  });

  it('an index node that loses its disk rebuilds from the log while retention holds every event', () => {
    const sim = createSimulation(dataSystem, 6);
    sim.runUntil(10_000);
    applied(sim, { type: 'failDisk', nodeId: 'index-1', disk: 0 });
    const node = pipelineOf(sim).nodes.find((n) => n.role === 'index' && n.recovering !== null);
    expect(node?.recovering).toBe('log');
    expect(notes(sim, 'indexRebuildStarted')[0]).toMatch(/replays the log/);
    sim.runUntil(11_000);
    expect(pipelineOf(sim).index?.searchesFailed).toBeGreaterThan(0);
    sim.runUntil(20_000);
    expect(pipelineOf(sim).nodes.every((n) => n.recovering === null)).toBe(true);
  });

  it('with retention too short, the rebuild has to load a snapshot, and a stopped consumer skips deleted events', () => {
    const sim = createSimulation(dataSystem, 7);
    sim.runUntil(3_000);
    applied(sim, { type: 'crashNode', nodeId: 'notifier-1' });
    applied(sim, { type: 'setLog', policy: { retentionMs: 1000 } });
    sim.runUntil(8_000);
    applied(sim, { type: 'failDisk', nodeId: 'index-2', disk: 0 });
    expect(pipelineOf(sim).nodes.find((n) => n.recovering !== null)?.recovering).toBe('snapshot');
    applied(sim, { type: 'restartNode', nodeId: 'notifier-1' });
    sim.runUntil(14_000);
    const notifier = pipelineOf(sim).groups[1];
    expect(notifier?.skipped).toBeGreaterThan(200);
    expect(pipelineOf(sim).log?.deletedByRetention).toBeGreaterThan(0);
  });

  it('in sync mode searches miss no writes, and writes fail while a shard has no copy up', () => {
    const viaLog = createSimulation(dataSystem, 8);
    const sync = createSimulation(
      { ...dataSystem, index: { ...(dataSystem.index as NonNullable<Scenario['index']>), mode: 'sync' } },
      8,
    );
    viaLog.runUntil(20_000);
    sync.runUntil(20_000);
    expect(pipelineOf(viaLog).index?.searchesMissedWrite).toBeGreaterThan(0);
    expect(pipelineOf(sync).index?.searchesMissedWrite).toBe(0);
    expect(pipelineOf(sync).index?.stalenessSeconds).toBe(0);
    const before = sync.snapshot().cumulative.failed;
    applied(sync, { type: 'crashNode', nodeId: 'index-1' });
    sync.runUntil(25_000);
    expect(sync.snapshot().cumulative.failed).toBeGreaterThan(before + 50);
  });

  it('refuses disk commands a pipeline node cannot take, naming why', () => {
    const sim = createSimulation(dataSystem, 1);
    expect(sim.apply({ type: 'failDisk', nodeId: 'indexer-1', disk: 0 })).toEqual({
      ok: false,
      error: 'indexer-1 has no disks (consumers keep nothing on disk)',
    });
    expect(sim.apply({ type: 'failDisk', nodeId: 'broker-1', disk: 1 }).ok).toBe(false);
    expect(sim.apply({ type: 'replaceDisk', nodeId: 'broker-1', disk: 0 }).ok).toBe(false);
    expect(sim.apply({ type: 'setLog', policy: { minInSync: 4 } }).ok).toBe(false);
    expect(sim.apply({ type: 'addConsumer', group: 'mailer' }).ok).toBe(false);
  });
});

describe('a log without a cache or an index', () => {
  it('spreads the changes over every partition (keys uniform over 50,000)', () => {
    const base = getBuiltInScenario('default') as Scenario;
    // Six consumers of one slow worker each own one partition apiece: the group keeps up with
    // more than one consumer's capacity (10 events/s) only if the changes are spread.
    const group = {
      ...(dataSystem.consumerGroups?.[1] as NonNullable<Scenario['consumerGroups']>[number]),
      consumers: 6,
      workers: 1,
      serviceTime: { dist: 'constant' as const, meanMs: 100 },
    };
    const sim = createSimulation({ ...base, log: dataSystem.log, consumerGroups: [group] }, 2);
    sim.runUntil(20_000);
    const pipeline = pipelineOf(sim);
    expect(pipeline.log?.appended).toBeGreaterThan(1000);
    expect(pipeline.nodes.filter((n) => n.role === 'consumer').map((n) => n.partitionsOwned)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    // At most 60 events/s over 17 s after the first rebalance pause, well above one consumer's 170.
    expect(pipeline.groups[0]?.processed).toBeGreaterThan(600);
  });
});
