// The view's reading of frames: accessible names, menu entries and link rates, checked against a
// real simulation of the default scenario.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Command, type Scenario, type Simulation } from '../../sim/index';
import { advanceRates, linkLabel, NO_RATES, RATE_WINDOW_MS } from './linkState';
import { menuFor, type MenuEntry } from './menuItems';
import { diskOffsets, nodeViewsOf } from './nodeState';

function simulation(): Simulation {
  return createSimulation(getBuiltInScenario('default') as Scenario, 1);
}

function run(sim: Simulation, command: Command) {
  const result = sim.apply(command);
  if (!result.ok) throw new Error(result.error);
}

function labels(sim: Simulation): Map<string, string> {
  const topology = sim.topology();
  const views = nodeViewsOf(topology, sim.frame(-1, -1, 0), diskOffsets(topology));
  return new Map(topology.nodes.map((node, i) => [node.id, views[i]?.label ?? '']));
}

const names = (entries: readonly MenuEntry[]) => entries.map((e) => `${e.label}${e.disabled ? ' (disabled)' : ''}`);

describe('accessible names', () => {
  it('start with the id, then the kind and the status', () => {
    const named = labels(simulation());
    expect(named.get('app-2')).toBe('app-2, app server, up');
    expect(named.get('lb')).toBe('lb, load balancer, up');
    expect(named.get('db-3')).toBe('db-3, storage node, up');
    expect(named.get('clients')).toBe('clients, users, sending requests');
  });

  it('state crashes, failed disks, slowness and partitions in words', () => {
    const sim = simulation();
    run(sim, { type: 'crashNode', nodeId: 'db-3' });
    run(sim, { type: 'failDisk', nodeId: 'db-3', disk: 1 });
    run(sim, { type: 'slowNode', nodeId: 'app-1', factor: 5 });
    run(sim, { type: 'partitionGroup', nodeIds: ['app-4'] });
    run(sim, { type: 'powerFailRack', rackId: 'rack-b', durationMs: 0, diskFailShare: 0 });
    const named = labels(sim);
    expect(named.get('db-3')).toBe('db-3, storage node, crashed, disk 1 failed');
    expect(named.get('app-1')).toBe('app-1, app server, up, slowed down 5 times');
    expect(named.get('app-4')).toBe('app-4, app server, up, cut off on partition side 1');
    expect(named.get('app-2')).toMatch(/^app-2, app server, powered off, still in load balancer rotation/);
  });

  it('name links by id and state', () => {
    expect(linkLabel('lb~app-2', { cut: true, loss: 0, latencyMs: 0 }, 1)).toBe('lb~app-2, link, cut');
    expect(linkLabel('app-1~db-2', { cut: false, loss: 0.2, latencyMs: 100 }, 0.2)).toBe(
      'app-1~db-2, link, connected, 20% packet loss, 100 ms added latency, 20% of messages dropped',
    );
  });
});

describe('menus', () => {
  it('offer node actions, disabling the ones that make no sense', () => {
    const sim = simulation();
    const menu = menuFor({ kind: 'node', id: 'db-2' }, sim.topology(), sim.frame(-1, -1, 0), null, []);
    expect(names(menu?.entries ?? [])).toEqual([
      'Crash node',
      'Restart node (disabled)',
      'Slow down',
      'Fail disk 0',
      'Fail disk 1',
      'Fail disk 2',
      'Power-fail rack',
      'Restore rack power (disabled)',
    ]);
    expect(names(menu?.entries[2]?.submenu ?? [])).toEqual([
      'Slow down 2x',
      'Slow down 5x',
      'Slow down 10x',
      'Restore speed (disabled)',
    ]);
    expect(menu?.entries[6]?.command).toEqual({
      type: 'powerFailRack',
      rackId: 'rack-b',
      durationMs: 0,
      diskFailShare: 0,
    });
    expect(menu?.group).toBeUndefined();
  });

  it('offer replacing a failed disk and the group actions while nodes are selected', () => {
    const sim = simulation();
    run(sim, { type: 'failDisk', nodeId: 'db-2', disk: 1 });
    const menu = menuFor({ kind: 'node', id: 'db-2' }, sim.topology(), sim.frame(-1, -1, 0), null, ['app-1', 'db-1']);
    expect(names(menu?.entries ?? [])).toContain('Replace disk 1');
    expect(menu?.group?.label).toBe('2 selected: app-1, db-1');
    expect(menu?.group?.entries[0]?.command).toEqual({ type: 'partitionGroup', nodeIds: ['app-1', 'db-1'] });
  });

  it('offer link actions by state; nothing for the users', () => {
    const sim = simulation();
    run(sim, { type: 'partitionLink', linkId: 'lb~app-2' });
    run(sim, { type: 'setLinkLoss', linkId: 'lb~app-2', loss: 0.2 });
    const frame = sim.frame(-1, -1, 0);
    const menu = menuFor({ kind: 'link', id: 'lb~app-2' }, sim.topology(), frame, frame.links, []);
    expect(names(menu?.entries ?? [])).toEqual([
      'Partition link (disabled)',
      'Heal link',
      'Add packet loss (disabled)',
      'Remove packet loss',
      'Add latency',
    ]);
    expect(menuFor({ kind: 'node', id: 'clients' }, sim.topology(), frame, frame.links, [])).toBeNull();
  });
});

describe('link rates', () => {
  it('come from counter differences over at least one window', () => {
    const sim = simulation();
    sim.runUntil(1000);
    let state = advanceRates(NO_RATES, sim.frame(-1, -1, 0));
    expect(state.rates).toBeNull();
    sim.runUntil(1000 + RATE_WINDOW_MS / 2);
    state = advanceRates(state, sim.frame(-1, -1, 0));
    expect(state.rates).toBeNull();
    sim.runUntil(2000);
    state = advanceRates(state, sim.frame(-1, -1, 0));
    const sent = state.rates?.sentPerSecond[0] ?? 0;
    // 600 requests per second cross clients~lb (plus replies and retries, if counted there).
    expect(sent).toBeGreaterThan(400);
    expect(state.rates?.maxSentPerSecond).toBeGreaterThanOrEqual(sent);
    expect(state.rates?.droppedShare.every((share) => share === 0)).toBe(true);
  });
});

describe('a storage node with a capacity', () => {
  it('reads as overloaded, with its queue, once every disk slot is busy and work waits', () => {
    const base = getBuiltInScenario('default') as Scenario;
    const scenario: Scenario = { ...base, storage: { ...base.storage, capacity: { slots: 1, queueLimit: 500 } } };
    const sim = createSimulation(scenario, 1);
    sim.runUntil(3000);
    const topology = sim.topology();
    expect(topology.storageCapacity).toEqual({ slots: 1, queueLimit: 500 });
    const views = nodeViewsOf(topology, sim.frame(-1, -1, 0), diskOffsets(topology));
    const storage = topology.nodes.flatMap((node, i) => (node.kind === 'storage' ? [views[i]] : []));
    expect(storage.some((view) => view?.overloaded && /overloaded, queue \d+/.test(view.label))).toBe(true);
  });
});
