// The layout of a small cluster: a labelled box per node, stacked in its rack's band, and one
// curve per link, with the ends of the app-to-storage mesh spread along the box edges.
import type { Topology } from '../../sim/index';
import {
  BALANCER,
  BAND_GAP,
  BAND_LEFT,
  DETAILED,
  RIGHT,
  TOP,
  box,
  frontNodes,
  groupByRack,
  headings,
  indexBoxes,
  type LinkLine,
  type NodeBox,
  type RackBand,
  type TopologyLayout,
} from './layoutShared';

export function layoutDetailed(topology: Topology): TopologyLayout {
  const { apps, storage, balancerRack } = groupByRack(topology);
  const pitch = DETAILED.height + DETAILED.gap;
  const width = DETAILED.storageCx + DETAILED.width / 2 + RIGHT;
  const nodes: NodeBox[] = [];
  const racks: RackBand[] = [];
  let y = TOP;
  let balancerCy = TOP + DETAILED.label + BALANCER.height / 2;
  topology.racks.forEach((rack, r) => {
    const a = apps[r] ?? [];
    const s = storage[r] ?? [];
    const rows = Math.max(1, a.length, s.length);
    const areaTop = y + DETAILED.label;
    const areaHeight = Math.max(rows * pitch - DETAILED.gap, r === balancerRack ? BALANCER.height : 0);
    const offset = (areaHeight - (rows * pitch - DETAILED.gap)) / 2;
    const column = (members: number[], cx: number) =>
      members.forEach((index, k) => {
        const top = areaTop + offset + ((rows - members.length) * pitch) / 2 + k * pitch;
        nodes.push(box(topology, index, cx, top + DETAILED.height / 2, DETAILED));
      });
    column(a, DETAILED.appCx);
    column(s, DETAILED.storageCx);
    if (r === balancerRack) balancerCy = areaTop + areaHeight / 2;
    const height = DETAILED.label + areaHeight + DETAILED.padding;
    racks.push({ id: rack, x: BAND_LEFT, y, width: width - BAND_LEFT - 4, height });
    y += height + BAND_GAP;
  });
  nodes.unshift(...frontNodes(topology, balancerCy));
  const byIndex = indexBoxes(nodes, topology.nodes.length);
  return {
    mode: 'detailed',
    width,
    height: y - BAND_GAP + 8,
    nodes,
    racks,
    tiers: headings(DETAILED.appCx, DETAILED.storageCx),
    links: detailedLinks(topology, byIndex),
    bundles: [],
  };
}

/** Spreads the ends of k lines along a box edge, so they can be told apart and clicked. */
function spread(ordinal: number, count: number, height: number): number {
  if (count <= 1) return 0;
  const step = Math.min(8, (height - 16) / count);
  return (ordinal - (count - 1) / 2) * step;
}

function detailedLinks(topology: Topology, byIndex: readonly NodeBox[]): LinkLine[] {
  const ordinal = new Map<number, { rank: number; of: number }>();
  for (const kind of ['app', 'storage'] as const) {
    const members = topology.nodes.flatMap((node, index) => (node.kind === kind ? [index] : []));
    members.forEach((index, rank) => ordinal.set(index, { rank, of: members.length }));
  }
  return topology.links.map((link, index) => {
    const a = byIndex[link.a];
    const b = byIndex[link.b];
    if (!a || !b) throw new Error(`link ${link.id} joins a node that was not placed`);
    const fromB = ordinal.get(link.b);
    const fromA = a.kind === 'app' ? ordinal.get(link.a) : undefined;
    return {
      index,
      id: link.id,
      x1: a.cx + a.width / 2,
      y1: a.cy + (fromB ? spread(fromB.rank, fromB.of, a.height) : 0),
      x2: b.cx - b.width / 2,
      y2: b.cy + (fromA ? spread(fromA.rank, fromA.of, b.height) : 0),
    };
  });
}
