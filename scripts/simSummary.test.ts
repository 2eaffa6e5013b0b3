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
