// The summary's cost figures: machine-seconds per tier and node counts at the end, with and
// without room to scale.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../src/sim/index';
import { scalable } from '../src/sim/scaling/scalableScenario';
import { describeSummary, summarize } from './simSummary';

const info = { seed: 1, durationS: 20, partial: false };

describe('machine-seconds and node counts', () => {
  it('are each tier times the run without scaling (cache 0 without a cache)', () => {
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 1);
    sim.runUntil(20_000);
    const r = summarize(sim, info);
    expect(r.metrics.machineSeconds).toEqual({ balancer: 20, app: 80, cache: 0, storage: 120 });
    expect(r.nodes).toEqual({ app: 4, cache: 0, storage: 6 });
    expect(describeSummary('default', r, { availability: 0.999, latencyMsP99: 200 })).toContain(
      'cost          machine-seconds: balancer 20, app 80, storage 120; at the end 4 app servers, 6 storage nodes',
    );
  });

  it('follow added machines with scaling', () => {
    const sim = createSimulation(scalable(), 1);
    sim.runUntil(10_000);
    sim.apply({ type: 'addNode', tier: 'app' });
    sim.runUntil(20_000);
    const r = summarize(sim, info);
    expect(r.metrics.machineSeconds).toEqual({ balancer: 20, app: 90, cache: 0, storage: 120 });
    expect(r.nodes).toEqual({ app: 5, cache: 0, storage: 6 });
  });
});

describe('the data pipeline in the summary', () => {
  it('is null without a log, consumers or an index', () => {
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 1);
    sim.runUntil(2000);
    const m = summarize(sim, info).metrics;
    expect([m.log, m.consumers, m.index]).toEqual([null, null, null]);
    expect(describeSummary('default', summarize(sim, info), { availability: 0.999, latencyMsP99: 200 })).not.toMatch(
      /^ {2}(log|index) /m,
    );
  });

  it('gives the log, each consumer group by name and the index for data-system', () => {
    const sim = createSimulation(getBuiltInScenario('data-system') as Scenario, 1);
    sim.runUntil(5600);
    expect(sim.apply({ type: 'crashNode', nodeId: 'indexer-1' })).toEqual({ ok: true });
    sim.runUntil(8600);
    expect(sim.apply({ type: 'restartNode', nodeId: 'indexer-1' })).toEqual({ ok: true });
    sim.runUntil(15_000);
    const r = summarize(sim, { ...info, durationS: 15 });
    const { log, consumers, index } = r.metrics;
    expect(Object.keys(log ?? {})).toEqual([
      'appendRps',
      'appended',
      'acknowledgedLost',
      'changesMissed',
      'resent',
      'deletedByRetention',
    ]);
    expect(log?.appendRps).toBeCloseTo((log?.appended ?? 0) / 15, 1);
    expect(log?.appended).toBeGreaterThan(0);
    expect(Object.keys(consumers ?? {})).toEqual(['indexer', 'notifier']);
    expect(Object.keys(consumers?.indexer ?? {})).toEqual([
      'lagEvents',
      'lagSeconds',
      'processed',
      'duplicates',
      'skipped',
      'delayMsP50',
      'delayMsP99',
    ]);
    // The crashed indexer re-reads from its last commit: the events it did again are duplicates.
    expect(consumers?.indexer?.duplicates).toBeGreaterThan(0);
    expect(consumers?.notifier?.duplicates).toBe(0);
    expect(consumers?.indexer?.delayMsP99).toBeGreaterThanOrEqual(consumers?.indexer?.delayMsP50 ?? 0);
    expect(Object.keys(index ?? {})).toEqual([
      'stalenessSeconds',
      'stalenessEvents',
      'searches',
      'searchesMissedWrite',
      'searchesFailed',
      'searchMsP50',
      'searchMsP99',
      'rebuilds',
    ]);
    expect(index?.searches).toBeGreaterThan(0);
    const words = describeSummary('data-system', r, { availability: 0.999, latencyMsP99: 200 });
    expect(words).toMatch(/^ {2}log {11}[\d,]+ events appended/m);
    expect(words).toMatch(/^ {2}indexer {7}consumer group lag \d+ events/m);
    expect(words).toMatch(/^ {2}index {9}[\d.]+ s \(\d+ events\) behind/m);
    // The JSON has no NaN or undefined: it round-trips.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
