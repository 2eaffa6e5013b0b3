// Where a key press moves focus in the cluster picture: arrows to the nearest node that way (see
// neighbourOf), Home and End to the first and last node, L through the focused node's links, and
// from a link to its ends or the next link of the node it was reached from. Pure: layout in, id out.
import type { Topology } from '../../sim/index';
import type { Move } from './clusterKeys';
import { neighbourOf, type LinkLine, type TopologyLayout } from './layout';

/** Something focusable in the picture; `origin` is the node a link was reached from. */
export type FocusTarget =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'link'; readonly id: string; readonly origin: number };

/** The drawn links of a node, top to bottom by where their far end is (the order they are seen in). */
export function linksOfNode(layout: TopologyLayout, topology: Topology, nodeIndex: number): LinkLine[] {
  const farY = (line: LinkLine) => {
    const link = topology.links[line.index];
    return link?.a === nodeIndex ? line.y2 : line.y1;
  };
  return layout.links
    .filter((line) => {
      const link = topology.links[line.index];
      return link !== undefined && (link.a === nodeIndex || link.b === nodeIndex);
    })
    .sort((p, q) => farY(p) - farY(q) || p.index - q.index);
}

function endNode(layout: TopologyLayout, nodeIndex: number | undefined): FocusTarget | null {
  const box = layout.nodes.find((node) => node.index === nodeIndex);
  return box ? { kind: 'node', id: box.id } : null;
}

export function moveFromNode(
  layout: TopologyLayout,
  topology: Topology,
  nodeIndex: number,
  move: Move,
): FocusTarget | null {
  switch (move) {
    case 'up':
    case 'down':
    case 'left':
    case 'right': {
      const next = neighbourOf(layout, nodeIndex, move);
      return next ? { kind: 'node', id: next.id } : null;
    }
    case 'first':
    case 'last': {
      const box = move === 'first' ? layout.nodes[0] : layout.nodes[layout.nodes.length - 1];
      return box ? { kind: 'node', id: box.id } : null;
    }
    case 'nextLink':
    case 'previousLink': {
      const lines = linksOfNode(layout, topology, nodeIndex);
      const line = move === 'nextLink' ? lines[0] : lines[lines.length - 1];
      return line ? { kind: 'link', id: line.id, origin: nodeIndex } : null;
    }
    case 'back':
      return null;
    default: {
      const never: never = move;
      return never;
    }
  }
}

/** `origin` is the node the link was reached from (null after a click or Tab: its left end is). */
export function moveFromLink(
  layout: TopologyLayout,
  topology: Topology,
  linkIndex: number,
  origin: number | null,
  move: Move,
): FocusTarget | null {
  const link = topology.links[linkIndex];
  const line = layout.links.find((l) => l.index === linkIndex);
  if (!link || !line) return null;
  const from = origin === link.a || origin === link.b ? origin : link.a;
  switch (move) {
    case 'left':
    case 'right': {
      // The end drawn on that side (links run left to right between tiers).
      const leftEnd = line.x1 <= line.x2 ? link.a : link.b;
      return endNode(layout, move === 'left' ? leftEnd : leftEnd === link.a ? link.b : link.a);
    }
    case 'up':
    case 'down':
    case 'nextLink':
    case 'previousLink': {
      const lines = linksOfNode(layout, topology, from);
      const at = lines.findIndex((l) => l.index === linkIndex);
      const step = move === 'down' || move === 'nextLink' ? 1 : -1;
      const next = lines[(at + step + lines.length) % lines.length];
      return next ? { kind: 'link', id: next.id, origin: from } : null;
    }
    case 'back':
      return endNode(layout, from);
    case 'first':
    case 'last':
      return moveFromNode(layout, topology, from, move);
    default: {
      const never: never = move;
      return never;
    }
  }
}
