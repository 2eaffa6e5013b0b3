import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Topology } from '../../sim/index';
import { moveOf } from './clusterKeys';
import { linksOfNode, moveFromLink, moveFromNode } from './clusterNavigation';
import { layoutTopology } from './layout';

function topologyOf(id: string): Topology {
  const scenario = getBuiltInScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return createSimulation(scenario, 1).topology();
}

const press = (key: string, extra: Partial<{ ctrlKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('keys of the cluster picture', () => {
  it('maps arrows, Home, End and L; Escape only on a link; nothing with Ctrl or Alt', () => {
    expect(moveOf(press('ArrowUp'), false)).toBe('up');
    expect(moveOf(press('Home'), false)).toBe('first');
    expect(moveOf(press('L'), false)).toBe('previousLink');
    expect(moveOf(press('Escape'), false)).toBeNull();
    expect(moveOf(press('Escape'), true)).toBe('back');
    expect(moveOf(press('ArrowUp', { altKey: true }), false)).toBeNull();
    expect(moveOf(press('x'), false)).toBeNull();
  });
});

describe('moving focus in the default cluster', () => {
  const topology = topologyOf('default');
  const layout = layoutTopology(topology);
  const indexOf = (id: string) => topology.nodes.findIndex((n) => n.id === id);

  it('goes to the first and last node', () => {
    expect(moveFromNode(layout, topology, indexOf('app-2'), 'first')).toEqual({
      kind: 'node',
      id: layout.nodes[0]?.id,
    });
    expect(moveFromNode(layout, topology, indexOf('app-2'), 'last')?.id).toBe(layout.nodes.at(-1)?.id);
  });

  it("goes round a node's links with L and back with Shift+L, and Escape returns to the node", () => {
    const lb = indexOf('lb');
    const lines = linksOfNode(layout, topology, lb);
    expect(lines.map((l) => l.id)).toContain('lb~app-2');
    expect(lines.length).toBe(topology.links.filter((l) => l.a === lb || l.b === lb).length);
    const first = moveFromNode(layout, topology, lb, 'nextLink');
    expect(first).toEqual({ kind: 'link', id: lines[0]?.id, origin: lb });
    expect(moveFromNode(layout, topology, lb, 'previousLink')?.id).toBe(lines.at(-1)?.id);
    const at = (id: string) => topology.links.findIndex((l) => l.id === id);
    const second = moveFromLink(layout, topology, at(lines[0]?.id ?? ''), lb, 'nextLink');
    expect(second?.id).toBe(lines[1]?.id);
    // Round the end: the last link's next is the first.
    expect(moveFromLink(layout, topology, at(lines.at(-1)?.id ?? ''), lb, 'down')?.id).toBe(lines[0]?.id);
    expect(moveFromLink(layout, topology, at('lb~app-2'), lb, 'back')).toEqual({ kind: 'node', id: 'lb' });
  });

  it('goes from a link to the end drawn on each side', () => {
    const link = topology.links.findIndex((l) => l.id === 'lb~app-2');
    expect(moveFromLink(layout, topology, link, null, 'left')).toEqual({ kind: 'node', id: 'lb' });
    expect(moveFromLink(layout, topology, link, null, 'right')).toEqual({ kind: 'node', id: 'app-2' });
  });
});
