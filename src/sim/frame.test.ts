import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, LINK_TRAFFIC_LIMIT, type Scenario } from './index';

const base = getBuiltInScenario('default') as Scenario;

describe('frames for the lab', () => {
  it('index nodes and links like the topology', () => {
    const sim = createSimulation(base, 1);
    const topology = sim.topology();
    expect(topology.nodes.map((n) => n.id).slice(0, 3)).toEqual(['clients', 'lb', 'app-1']);
    expect(topology.links[0]).toEqual({ id: 'clients~lb', a: 0, b: 1 });
    sim.runUntil(2000);
    sim.apply({ type: 'crashNode', nodeId: 'app-2' });
    sim.apply({ type: 'failDisk', nodeId: 'db-2', disk: 1 });
    const frame = sim.frame(-1, -1, 0);
    expect(frame.nodeStatus[topology.nodes.findIndex((n) => n.id === 'app-2')]).toBe(1);
    expect(frame.diskStatus[1 * 3 + 1]).toBe(1);
    expect(frame.nodeUtilization.length).toBe(topology.nodes.length);
  });

  it('send link state only when it changed, and windows and events as deltas', () => {
    const sim = createSimulation(base, 1);
    sim.runUntil(3000);
    const first = sim.frame(-1, -1, 0);
    expect(first.links).not.toBeNull();
    expect(first.newWindows.map((w) => w.endMs)).toEqual([1000, 2000, 3000]);
    const version = first.links?.version ?? -1;
    sim.runUntil(4000);
    const second = sim.frame(version, 3000, first.eventsTotal);
    expect(second.links).toBeNull();
    expect(second.newWindows.map((w) => w.endMs)).toEqual([4000]);
    expect(second.newEvents).toEqual([]);
    sim.apply({ type: 'partitionLink', linkId: 'lb~app-1' });
    const third = sim.frame(version, 4000, second.eventsTotal);
    expect(third.links?.cut[1]).toBe(1);
    expect(third.newEvents.map((e) => e.type)).toEqual(['linkPartitioned']);
  });

  it('count traffic per link, and drops on a cut link', () => {
    const sim = createSimulation(base, 2);
    sim.runUntil(2000);
    sim.apply({ type: 'partitionLink', linkId: 'lb~app-1' });
    sim.runUntil(3000);
    const f = sim.frame(-1, -1, 0);
    expect(f.linkSent?.[0]).toBeGreaterThan(1000);
    expect(f.linkDropped?.[1]).toBeGreaterThan(0);
    expect(f.linkDropped?.[2]).toBe(0);
  });

  it('leave per-link traffic out for very large clusters', () => {
    const large = getBuiltInScenario('large') as Scenario;
    const sim = createSimulation(large, 1);
    expect(sim.topology().links.length).toBeGreaterThan(LINK_TRAFFIC_LIMIT);
    expect(sim.frame(-1, -1, 0).linkSent).toBeNull();
  });

  it('bins the latency histogram, accounting for every success', () => {
    const sim = createSimulation(base, 3);
    sim.runUntil(5000);
    const f = sim.frame(-1, -1, 0);
    const total = f.histogram.reduce((a, [, n]) => a + n, 0);
    expect(total).toBe(f.cumulative.succeeded);
  });
});
