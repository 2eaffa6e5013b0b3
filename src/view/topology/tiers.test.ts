// Issue 14 in the picture: the "+" and "−" of each tier, a cache node's menu, "Remove this
// node", starting and draining in a node's view, and absent nodes left out of the drawing.
import { describe, expect, it } from 'vitest';
import { createSimulation, type Frame, type Topology } from '../../sim/index';
import { defaultWithCache } from './cacheTestScenario';
import { layoutTopology } from './layout';
import { menuFor, type MenuEntry } from './menuItems';
import { conditionsOf, diskOffsets, nodeLabel, nodeViewsOf } from './nodeState';
import { presenceKey, presentLayout } from './presentLayout';
import { announceOf, tierControlsOf } from './tierControls';

function run(scaling: boolean): { topology: Topology; frame: Frame } {
  const { cache, ...base } = defaultWithCache('with-cache');
  const scenario = {
    ...base,
    id: 'with-cache',
    cache,
    ...(scaling && { scaling: { maxCacheNodes: 3, provisioningMs: 5000 } }),
  };
  const sim = createSimulation(scenario, 1);
  sim.runUntil(1000);
  // Every slot present, whatever the sim starts absent: each test says which slots are empty.
  return {
    topology: sim.topology(),
    frame: { ...sim.frame(-1, -1, 0), nodeStatus: new Uint8Array(sim.topology().nodes.length) },
  };
}

/** The frame with some arrays changed, as the sim will send them once scaling is wired. */
function withArrays(
  frame: Frame,
  change: (f: {
    nodeStatus: Uint8Array;
    nodeDraining: Uint8Array;
    nodeSpeed: Float32Array;
    nodeCacheHitShare: Float32Array;
  }) => void,
): Frame {
  const copy = {
    ...frame,
    nodeStatus: Uint8Array.from(frame.nodeStatus),
    nodeDraining: Uint8Array.from(frame.nodeDraining),
    nodeSpeed: Float32Array.from(frame.nodeSpeed),
    nodeCacheHitShare: Float32Array.from(frame.nodeCacheHitShare),
  };
  change(copy);
  return copy;
}

const labels = (entries: readonly MenuEntry[] | undefined) => (entries ?? []).map((e) => e.label);

describe('tier controls', () => {
  it('are offered only when the scenario has room to scale', () => {
    const fixed = run(false);
    expect(tierControlsOf(fixed.topology, fixed.frame)).toEqual([]);
  });

  it('count present nodes against every slot, and add or drain the last one serving', () => {
    const { topology, frame } = run(true);
    const cacheIndex = topology.nodes.findIndex((n) => n.id === 'cache-3');
    const f = withArrays(frame, (a) => {
      a.nodeStatus[cacheIndex] = 3;
    });
    const cache = tierControlsOf(topology, f).find((c) => c.tier === 'cache');
    expect(cache).toMatchObject({ label: 'Cache nodes', count: 2, limit: 3 });
    expect(cache?.add).toEqual({
      name: 'Add a cache node',
      command: { type: 'addNode', tier: 'cache' },
      disabledReason: null,
    });
    expect(cache?.remove.command).toEqual({ type: 'removeNode', nodeId: 'cache-2', mode: 'drain' });
    expect(cache?.remove.name).toBe('Remove a cache node');
    expect(announceOf({ type: 'removeNode', nodeId: 'cache-2', mode: 'drain' })).toBe('Remove cache-2 (drain)');
  });

  it('say why "+" is off at the limit and "−" is off at one node', () => {
    const { topology, frame } = run(true);
    const cache = tierControlsOf(topology, frame).find((c) => c.tier === 'cache');
    expect(cache?.add.command).toBeNull();
    expect(cache?.add.disabledReason).toBe('This scenario allows at most 3 cache nodes.');
    const one = withArrays(frame, (a) => {
      topology.nodes.forEach((n, i) => {
        if (n.kind === 'cache' && n.id !== 'cache-1') a.nodeStatus[i] = 3;
      });
    });
    const single = tierControlsOf(topology, one).find((c) => c.tier === 'cache');
    expect(single?.remove.command).toBeNull();
    expect(single?.remove.disabledReason).toBe('At least one cache node must stay.');
  });
});

describe('a cache node menu', () => {
  it('offers crash, restart, slow down, flush, cutting its app~cache links, and removal', () => {
    const { topology, frame } = run(true);
    const menu = menuFor({ kind: 'node', id: 'cache-1' }, topology, frame, null, []);
    expect(labels(menu?.entries)).toEqual([
      'Crash node',
      'Restart node',
      'Slow down',
      'Flush cache',
      'Partition from app servers',
      'Power-fail rack',
      'Restore rack power',
      'Remove this node',
    ]);
    const partition = menu?.entries.find((e) => e.label === 'Partition from app servers');
    expect(labels(partition?.submenu)[0]).toBe('Cut off from every app server');
    expect(labels(partition?.submenu)).toContain('Partition link app-1~cache-1');
    expect(menu?.entries.find((e) => e.label === 'Flush cache')?.command).toEqual({
      type: 'flushCache',
      nodeId: 'cache-1',
    });
  });

  it('gives an app server drain and stop, and no removal without room to scale', () => {
    const { topology, frame } = run(true);
    const app = menuFor({ kind: 'node', id: 'app-1' }, topology, frame, null, []);
    expect(labels(app?.entries)).toContain('Remove this node (drain)');
    expect(labels(app?.entries)).toContain('Remove this node now (stop: its requests fail)');
    const fixed = run(false);
    const db = menuFor({ kind: 'node', id: 'db-1' }, fixed.topology, fixed.frame, null, []);
    expect(labels(db?.entries).some((l) => l.startsWith('Remove'))).toBe(false);
  });
});

describe('starting, draining and absent nodes', () => {
  it('say so in words, with the machine size when it changed', () => {
    const { topology, frame } = run(true);
    const app = topology.nodes.findIndex((n) => n.id === 'app-2');
    const cache = topology.nodes.findIndex((n) => n.id === 'cache-3');
    const f = withArrays(frame, (a) => {
      a.nodeStatus[cache] = 4;
      a.nodeDraining[app] = 1;
      a.nodeSpeed[app] = 2;
    });
    const views = nodeViewsOf(topology, f, diskOffsets(topology));
    expect(views[cache]?.status).toBe('starting');
    expect(views[cache]?.label).toMatch(/^cache-3, cache node, starting, holds 0 keys, no lookups$/);
    expect(conditionsOf('app', views[app]!)).toEqual(['draining', 'machine ×2']);
    expect(nodeLabel('app-2', 'app', views[app]!)).toContain('draining: takes no new requests');
  });

  it("name a cache node's own hit share over the last second, to the percent", () => {
    const { topology, frame } = run(true);
    const one = topology.nodes.findIndex((n) => n.id === 'cache-1');
    const two = topology.nodes.findIndex((n) => n.id === 'cache-2');
    const f = withArrays(frame, (a) => {
      a.nodeCacheHitShare[one] = 0.8372;
      a.nodeCacheHitShare[two] = -1;
    });
    const views = nodeViewsOf(topology, f, diskOffsets(topology));
    expect(views[one]?.cacheHitShare).toBe(0.84);
    expect(views[one]?.label).toMatch(/, 84% hits$/);
    expect(views[two]?.cacheHitShare).toBeNull();
    expect(views[two]?.label).toMatch(/, no lookups$/);
  });

  it('are left out of the picture with their links; the rest keep their places', () => {
    const { topology, frame } = run(true);
    const layout = layoutTopology(topology);
    const cache = topology.nodes.findIndex((n) => n.id === 'cache-3');
    const f = withArrays(frame, (a) => {
      a.nodeStatus[cache] = 3;
    });
    const shown = presentLayout(layout, presenceKey(f));
    expect(shown.nodes.map((n) => n.id)).not.toContain('cache-3');
    expect(shown.links.some((l) => l.id.endsWith('~cache-3'))).toBe(false);
    expect(shown.links.some((l) => l.id.endsWith('~cache-2'))).toBe(true);
    const before = layout.nodes.find((n) => n.id === 'cache-2');
    expect(shown.nodes.find((n) => n.id === 'cache-2')).toBe(before);
    expect(presentLayout(layout, presenceKey(frame))).toBe(layout);
  });
});
