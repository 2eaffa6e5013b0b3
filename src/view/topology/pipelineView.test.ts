// Issue 15 in the picture: where the data pipeline goes (right of the racks, a band per part,
// the flow's arrows), what its cards and names say, its nodes' menus and each group's "+" and "−".
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Command, type Frame, type Topology } from '../../sim/index';
import { groupControlsOf } from './groupControls';
import { layoutTopology } from './layout';
import { menuFor, restrictMenu, type MenuEntry } from './menuItems';
import { diskOffsets, nodeViewsOf } from './nodeState';
import { bandWordsOf } from './pipelineKinds';
import { dataSystemPinned } from './pipelineTestScenario';
import { placedKey, presenceKey, presentLayout } from './presentLayout';

function dataSystem(commands: readonly Command[] = [], untilMs = 3000): { topology: Topology; frame: Frame } {
  const sim = createSimulation(dataSystemPinned(), 1);
  sim.runUntil(1000);
  for (const command of commands) expect(sim.apply(command).ok, command.type).toBe(true);
  sim.runUntil(untilMs);
  return { topology: sim.topology(), frame: sim.frame(-1, -1, 0) };
}

const labels = (entries: readonly MenuEntry[] | undefined) => (entries ?? []).map((e) => e.label);
const menuOf = (t: { topology: Topology; frame: Frame }, id: string) =>
  menuFor({ kind: 'node', id }, t.topology, t.frame, null, []);

describe('the pipeline on the picture', () => {
  const run = dataSystem();
  const placed = placedKey(run.topology, run.frame);
  const layout = presentLayout(layoutTopology(run.topology, placed), presenceKey(run.frame));
  const boxOf = (id: string) => layout.nodes.find((n) => n.id === id);

  it('gives absent consumers no room, and the data system stays a picture of cards', () => {
    const ids = run.topology.nodes.flatMap((n, i) => (placed[i] === '1' && n.kind === 'consumer' ? [n.id] : []));
    expect(ids).toEqual(['indexer-1', 'indexer-2', 'notifier-1', 'notifier-2']);
    expect(layout.mode).toBe('detailed');
    expect(boxOf('indexer-3')).toBeUndefined();
  });

  it('draws the log, each group and the index as bands right of the racks, each holding its nodes', () => {
    const racksRight = Math.max(...layout.racks.map((r) => r.x + r.width));
    expect(layout.pipelineBands.map((b) => b.id)).toEqual(['log', 'notifier', 'indexer', 'index']);
    for (const band of layout.pipelineBands) expect(band.x).toBeGreaterThan(racksRight);
    for (const node of layout.nodes.filter((n) => ['broker', 'consumer', 'index'].includes(n.kind))) {
      const id = node.kind === 'broker' ? 'log' : node.kind === 'index' ? 'index' : node.id.replace(/-\d+$/, '');
      const band = layout.pipelineBands.find((b) => b.id === id);
      expect(band, node.id).toBeDefined();
      if (!band) continue;
      expect(node.cx - node.width / 2).toBeGreaterThanOrEqual(band.x);
      expect(node.cx + node.width / 2).toBeLessThanOrEqual(band.x + band.width);
      expect(node.cy - node.height / 2).toBeGreaterThanOrEqual(band.y);
      expect(node.cy + node.height / 2).toBeLessThanOrEqual(band.y + band.height);
      expect(node.cy + node.height / 2).toBeLessThanOrEqual(layout.height);
    }
  });

  it('keeps every node apart', () => {
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart =
          Math.abs(a.cx - b.cx) * 2 >= a.width + b.width || Math.abs(a.cy - b.cy) * 2 >= a.height + b.height;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
  });

  it('draws the flow: app servers to the log, the log to each group, the indexer to the index', () => {
    expect(layout.flows.map((f) => f.id)).toEqual(['app~log', 'log~notifier', 'log~indexer', 'indexer~index']);
    for (const f of layout.flows) expect(f.d).not.toMatch(/NaN|Infinity/);
  });

  it('stays no taller than the racks need, so it fits a wide screen', () => {
    const racksBottom = Math.max(...layout.racks.map((r) => r.y + r.height));
    expect(layout.height).toBeLessThanOrEqual(racksBottom + 8);
    expect(layout.width / layout.height).toBeGreaterThan(1.8);
  });

  it('names each band with its figures in words', () => {
    const words = bandWordsOf(run.frame);
    expect(words.get('indexer')?.note).toMatch(/^lag [\d,]+ events? \(\d+\.\d s\)$/);
    expect(words.get('log')?.title).toBe('log “changes”');
    expect(words.get('index')?.note).toMatch(/s behind the database$/);
  });
});

describe('pipeline cards and names', () => {
  it('say what a broker holds, what a consumer owns and what an index node does', () => {
    const { topology, frame } = dataSystem();
    const views = nodeViewsOf(topology, frame, diskOffsets(topology));
    const view = (id: string) => views[topology.nodes.findIndex((n) => n.id === id)];
    expect(view('broker-1')?.label).toMatch(/^broker-1, broker, up, leads \d partitions?, holds \d replicas?$/);
    expect(view('indexer-1')?.label).toMatch(
      /^indexer-1, consumer, up, group indexer, owns 3 partitions, \d events? in progress$/,
    );
    expect(view('index-1')?.label).toBe('index-1, index node, up, serving searches');
  });

  it('say a failed broker disk and an index node rebuilding, with its source, in words', () => {
    const { topology, frame } = dataSystem(
      [
        { type: 'failDisk', nodeId: 'broker-2', disk: 0 },
        { type: 'failDisk', nodeId: 'index-1', disk: 0 },
      ],
      // Replaying a second's worth of the log takes a few milliseconds.
      1010,
    );
    const views = nodeViewsOf(topology, frame, diskOffsets(topology));
    const view = (id: string) => views[topology.nodes.findIndex((n) => n.id === id)];
    expect(view('broker-2')?.pipeline?.diskFailed).toBe(true);
    expect(view('broker-2')?.label).toContain('disk 0 failed');
    expect(view('index-1')?.label).toMatch(
      /index-1, index node, up, (rebuilding from the log|loading a snapshot|copying from a replica), \d+% done/,
    );
  });
});

describe('pipeline menus', () => {
  it('offer crash, restart and slow on every kind, and each kind its own faults', () => {
    const run = dataSystem();
    const common = ['Crash node', 'Restart node', 'Slow down'];
    expect(labels(menuOf(run, 'broker-1')?.entries)).toEqual(
      expect.arrayContaining([...common, 'Fail disk 0', 'Cut off from the network']),
    );
    expect(labels(menuOf(run, 'broker-1')?.entries)).not.toContain('Replace disk 0');
    expect(labels(menuOf(run, 'index-1')?.entries)).toEqual(expect.arrayContaining([...common, 'Fail disk 0']));
    expect(labels(menuOf(run, 'index-1')?.entries)).not.toContain('Cut off from the network');
    const consumer = menuOf(run, 'notifier-2')?.entries ?? [];
    expect(labels(consumer)).toEqual(
      expect.arrayContaining([...common, 'Remove this consumer', 'Cut off from the network']),
    );
    expect(consumer.find((e) => e.label === 'Remove this consumer')?.command).toEqual({
      type: 'removeConsumer',
      nodeId: 'notifier-2',
    });
    expect(consumer.find((e) => e.label === 'Cut off from the network')?.command).toEqual({
      type: 'partitionGroup',
      nodeIds: ['notifier-2'],
    });
  });

  it('offer to replace a failed broker disk, to heal a node cut off, and not to remove the last consumer', () => {
    const run = dataSystem([
      { type: 'failDisk', nodeId: 'broker-1', disk: 0 },
      { type: 'partitionGroup', nodeIds: ['broker-1'] },
      { type: 'removeConsumer', nodeId: 'indexer-2' },
    ]);
    const broker = menuOf(run, 'broker-1')?.entries ?? [];
    expect(broker.find((e) => e.label === 'Replace disk 0')?.command).toEqual({
      type: 'replaceDisk',
      nodeId: 'broker-1',
      disk: 0,
    });
    expect(labels(broker)).not.toContain('Fail disk 0');
    expect(broker.find((e) => e.label === 'Cut off from the network')?.disabled).toBe(true);
    expect(broker.find((e) => e.label === 'Heal all partitions')?.command).toEqual({ type: 'healAll' });
    expect(menuOf(run, 'indexer-1')?.entries.find((e) => e.label === 'Remove this consumer')?.disabled).toBe(true);
  });

  it('keep to what a lesson step offers', () => {
    const menu = menuOf(dataSystem(), 'broker-1');
    if (!menu) throw new Error('no menu');
    expect(labels(restrictMenu(menu, ['failDisk']).entries)).toEqual(['Fail disk 0']);
  });
});

describe('consumer group controls', () => {
  it('count present consumers against the most, and add or remove the last one', () => {
    const [indexer, notifier] = groupControlsOf(dataSystem().topology, dataSystem().frame);
    expect(indexer).toMatchObject({ group: 'indexer', label: 'Indexer group', count: 2, limit: 6 });
    expect(indexer?.add.command).toEqual({ type: 'addConsumer', group: 'indexer' });
    expect(notifier?.remove.command).toEqual({ type: 'removeConsumer', nodeId: 'notifier-2' });
  });

  it('say why at a limit: one consumer left, or the most the group allows', () => {
    const one = groupControlsOf(...args(dataSystem([{ type: 'removeConsumer', nodeId: 'indexer-2' }])))[0];
    expect(one?.remove.command).toBeNull();
    expect(one?.remove.disabledReason).toBe('At least one indexer consumer must stay.');
    const adds: Command[] = Array.from({ length: 4 }, () => ({ type: 'addConsumer', group: 'notifier' }));
    const full = groupControlsOf(...args(dataSystem(adds)))[1];
    expect(full?.count).toBe(6);
    expect(full?.add.command).toBeNull();
    expect(full?.add.disabledReason).toBe('The notifier group allows at most 6 consumers.');
  });
});

function args(run: { topology: Topology; frame: Frame }): [Topology, Frame] {
  return [run.topology, run.frame];
}

describe('the pipeline in a big cluster', () => {
  it('is a grid of glyphs per part right of the racks, inside the picture', () => {
    const large = getBuiltInScenario('large');
    const data = dataSystemPinned();
    if (!large) throw new Error('no scenario');
    const scenario = {
      ...large,
      id: 'large-with-log',
      clients: { ...large.clients, searchShare: 0.05 },
      log: data.log,
      consumerGroups: data.consumerGroups,
      index: data.index,
    };
    const topology = createSimulation(scenario, 1).topology();
    const layout = layoutTopology(topology);
    expect(layout.mode).toBe('compact');
    const racksRight = Math.max(...layout.racks.map((r) => r.x + r.width));
    const pipeline = layout.nodes.filter((n) => ['broker', 'consumer', 'index'].includes(n.kind));
    expect(pipeline.length).toBe(3 + 12 + 2);
    for (const node of pipeline) {
      expect(node.glyph).toBe(true);
      expect(node.cx - node.width / 2).toBeGreaterThan(racksRight);
      expect(node.cx + node.width / 2).toBeLessThanOrEqual(layout.width);
      expect(node.cy + node.height / 2).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.flows.map((f) => f.id)).toEqual(['log~notifier', 'log~indexer', 'indexer~index']);
  });
});
