// Where every node, rack and link of a topology goes on the cluster picture. Tiers run left to
// right (users -> load balancer -> app servers -> storage) and racks are horizontal bands across
// them, so a rack power failure reads as one band going dark. Small clusters get labelled boxes
// and one line per link; big ones get small glyphs in a grid per rack and one bundle per pair of
// racks, because 60,000 lines are neither drawable nor readable. Pure: units are viewBox units.
import type { Topology } from '../../sim/index';
import { layoutCompact } from './layoutCompact';
import { layoutDetailed } from './layoutDetailed';
import { DETAILED_NODE_LIMIT, type LayoutMode, type NodeBox, type TopologyLayout } from './layoutShared';

export {
  DETAILED_NODE_LIMIT,
  type Bundle,
  type LayoutMode,
  type LinkLine,
  type NodeBox,
  type RackBand,
  type TierHeading,
  type TopologyLayout,
} from './layoutShared';

/**
 * `placed` ('1' per node given a place, '0' not; all when absent) lets a tier with room to grow
 * take room only for the nodes it has and the next one, not for every node it may ever have.
 */
export function layoutTopology(topology: Topology, placed?: string): TopologyLayout {
  // Counted over the nodes given a place: a tier's room to grow (consumers up to six a group)
  // does not turn a small cluster into glyphs.
  const count = placed === undefined ? topology.nodes.length : [...placed].filter((c) => c !== '0').length;
  const mode: LayoutMode = count > DETAILED_NODE_LIMIT ? 'compact' : 'detailed';
  return mode === 'detailed' ? layoutDetailed(topology, placed) : layoutCompact(topology, placed);
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The nearest node from `from` in a direction (for arrow-key moves), or null at the edge. */
export function neighbourOf(layout: TopologyLayout, from: number, direction: Direction): NodeBox | null {
  const origin = layout.nodes.find((node) => node.index === from);
  if (!origin) return null;
  let best: NodeBox | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const node of layout.nodes) {
    const dx = node.cx - origin.cx;
    const dy = node.cy - origin.cy;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (node === origin || along <= 0.5) continue;
    // Prefer nodes straight ahead: sideways distance counts three times as much.
    const score = along + 3 * across;
    if (score < bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}
