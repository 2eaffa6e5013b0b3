// The layout of a small cluster: a labelled box per node, stacked in its rack's band, and one
// curve per link, with the ends of the app-to-storage mesh spread along the box edges. A cache
// tier gets a column between the app servers and storage, in a band of its own above the racks,
// so the app-to-storage curves (which run inside the racks) never pass under a cache card.
import type { Topology } from '../../sim/index';
import {
  BALANCER,
  BAND_GAP,
  BAND_LEFT,
  DETAILED,
  DETAILED_WITH_CACHE,
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

const PITCH = DETAILED.height + DETAILED.gap;
/** Cache cards are shorter (an id, a status and one bar), so the band above the racks stays low. */
export const CACHE_CARD = { width: DETAILED.width, height: 54 };
const CACHE_PITCH = CACHE_CARD.height + 8;

/** The cache column's band: every slot placed (absent ones are simply not drawn), so adding a node never moves another. */
function cacheColumn(topology: Topology, cache: readonly number[], cx: number, nodes: NodeBox[]): RackBand | null {
  if (cache.length === 0) return null;
  const top = TOP;
  cache.forEach((index, k) => {
    const cy = top + DETAILED.label + k * CACHE_PITCH + CACHE_CARD.height / 2;
    nodes.push(box(topology, index, cx, cy, CACHE_CARD));
  });
  const height = DETAILED.label + cache.length * CACHE_PITCH - 8 + DETAILED.padding;
  const x = cx - DETAILED.width / 2 - 12;
  return { id: 'cache tier', x, y: top, width: DETAILED.width + 24, height };
}

export function layoutDetailed(topology: Topology, placed?: string): TopologyLayout {
  const { apps, storage, cache, balancerRack } = groupByRack(topology, placed);
  const columns = cache.length > 0 ? DETAILED_WITH_CACHE : { ...DETAILED, cacheCx: undefined };
  const width = columns.storageCx + DETAILED.width / 2 + RIGHT;
  const nodes: NodeBox[] = [];
  const racks: RackBand[] = [];
  const cacheBand = columns.cacheCx === undefined ? null : cacheColumn(topology, cache, columns.cacheCx, nodes);
  let y = cacheBand ? cacheBand.y + cacheBand.height + BAND_GAP : TOP;
  let balancerCy = y + DETAILED.label + BALANCER.height / 2;
  topology.racks.forEach((rack, r) => {
    const a = apps[r] ?? [];
    const s = storage[r] ?? [];
    const rows = Math.max(1, a.length, s.length);
    const areaTop = y + DETAILED.label;
    const areaHeight = Math.max(rows * PITCH - DETAILED.gap, r === balancerRack ? BALANCER.height : 0);
    const offset = (areaHeight - (rows * PITCH - DETAILED.gap)) / 2;
    // Every slot is placed, present or not (absent ones are not drawn), so nothing moves when a tier grows.
    const column = (members: number[], cx: number) =>
      members.forEach((index, k) => {
        const top = areaTop + offset + ((rows - members.length) * PITCH) / 2 + k * PITCH;
        nodes.push(box(topology, index, cx, top + DETAILED.height / 2, DETAILED));
      });
    column(a, columns.appCx);
    column(s, columns.storageCx);
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
    tiers: headings(columns.appCx, columns.storageCx, columns.cacheCx),
    links: detailedLinks(topology, byIndex),
    bundles: [],
    cacheBand,
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
  const indicesOf = (kind: string) =>
    topology.nodes.flatMap((node, index) => (node.kind === kind && byIndex[index] ? [index] : []));
  // An app server's right edge carries its cache links (upper part: the cache is above) then its storage links.
  for (const members of [indicesOf('app'), [...indicesOf('cache'), ...indicesOf('storage')]])
    members.forEach((index, rank) => ordinal.set(index, { rank, of: members.length }));
  return topology.links.flatMap((link, index) => {
    const a = byIndex[link.a];
    const b = byIndex[link.b];
    if (!a || !b) return []; // a node with no place yet (room to grow): its links have none either
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
