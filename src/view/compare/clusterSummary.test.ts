import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../../sim/index';
import { clusterSummary } from './clusterSummary';

describe('clusterSummary', () => {
  it('says in words what the picture shows', () => {
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 2);
    const frame = () => sim.frame(-1, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER);
    sim.runUntil(2000);
    expect(clusterSummary(sim.topology(), frame())).toBe(
      '4 of 4 app servers up, 4 in rotation; 6 of 6 storage nodes up; no disk failed; every partition fully replicated.',
    );
    sim.apply({ type: 'crashNode', nodeId: 'app-2' });
    sim.apply({ type: 'failDisk', nodeId: 'db-1', disk: 0 });
    sim.runUntil(6000);
    expect(clusterSummary(sim.topology(), frame())).toMatch(
      /^3 of 4 app servers up, 3 in rotation; 6 of 6 storage nodes up; 1 disk failed; \d+ partitions under-replicated\.$/,
    );
  });
});
