// The layout of a small cluster: a labelled box per node, stacked in its rack's band, and one
// curve per link, with the ends of the app-to-storage mesh spread along the box edges. A cache
// tier gets a column between the app servers and storage, each cache node in its own rack's
// band, so the picture grows no taller for it; the app-to-storage curves pass behind the cache
// cards (ClusterDrawing draws the links under the nodes then) and keep their handles clear of them.
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
import { PIPELINE_CARDS, pipelineHeadings, pipelineLayout } from './layoutPipeline';
import { FLOW_LANE, pipelineFlows } from './pipelineFlows';

const PITCH = DETAILED.height + DETAILED.gap;
/** Cache cards: an id and status, keys held and the node's hit share, a keys bar and room for badges. */
export const CACHE_CARD = { width: DETAILED.width, height: DETAILED.height };
/** The cache column's band reaches this far either side of its cards. */
const CACHE_BAND_MARGIN = 12;

export function layoutDetailed(topology: Topology, placed?: string): TopologyLayout {
  const { apps, storage, cacheByRack, cache, balancerRack } = groupByRack(topology, placed);
  const columns = cache.length > 0 ? DETAILED_WITH_CACHE : { ...DETAILED, cacheCx: undefined };
  const racksRight = columns.storageCx + DETAILED.width / 2 + RIGHT;
  // The data pipeline stands right of the racks; the arrow into its log runs above them.
  const hasLog = topology.nodes.some((n) => n.kind === 'broker');
  const top = TOP + (hasLog ? FLOW_LANE : 0);
  const pipeline = pipelineLayout(topology, placed, racksRight + PIPELINE_GAP, top, PIPELINE_CARDS);
  const width = pipeline ? pipeline.right + RIGHT : racksRight;
  const nodes: NodeBox[] = [];
  const racks: RackBand[] = [];
  let y = top;
  let balancerCy = y + DETAILED.label + BALANCER.height / 2;
  topology.racks.forEach((rack, r) => {
    const a = apps[r] ?? [];
    const s = storage[r] ?? [];
    const c = columns.cacheCx === undefined ? [] : (cacheByRack[r] ?? []);
    const rows = Math.max(1, a.length, s.length, c.length);
    const areaTop = y + DETAILED.label;
    const areaHeight = Math.max(rows * PITCH - DETAILED.gap, r === balancerRack ? BALANCER.height : 0);
    const offset = (areaHeight - (rows * PITCH - DETAILED.gap)) / 2;
    // Every slot is placed, present or not (absent ones are not drawn), so nothing moves when a tier grows.
    const column = (members: number[], cx: number, size: { width: number; height: number }) =>
      members.forEach((index, k) => {
        const top = areaTop + offset + ((rows - members.length) * PITCH) / 2 + k * PITCH;
        nodes.push(box(topology, index, cx, top + DETAILED.height / 2, size));
      });
    column(a, columns.appCx, DETAILED);
    column(s, columns.storageCx, DETAILED);
    if (columns.cacheCx !== undefined) column(c, columns.cacheCx, CACHE_CARD);
    if (r === balancerRack) balancerCy = areaTop + areaHeight / 2;
    const height = DETAILED.label + areaHeight + DETAILED.padding;
    racks.push({ id: rack, x: BAND_LEFT, y, width: racksRight - BAND_LEFT - 4, height });
    y += height + BAND_GAP;
  });
  nodes.unshift(...frontNodes(topology, balancerCy));
  if (pipeline) nodes.push(...pipeline.nodes);
  const byIndex = indexBoxes(nodes, topology.nodes.length);
  const cacheBand = columns.cacheCx === undefined ? null : cacheColumn(columns.cacheCx, racks);
  return {
    mode: 'detailed',
    width,
    height: Math.max(y - BAND_GAP, pipeline?.bottom ?? 0) + 8,
    nodes,
    racks,
    tiers: [...headings(columns.appCx, columns.storageCx, columns.cacheCx), ...pipelineHeadings(pipeline)],
    links: detailedLinks(topology, byIndex, cacheBand),
    bundles: [],
    cacheBand,
    pipelineBands: pipeline?.bands ?? [],
    flows: pipelineFlows(pipeline, columns.appCx + DETAILED.width / 2 - 24, top),
  };
}

/** Between the racks and the pipeline's first column. */
const PIPELINE_GAP = 18;

/** The cache column's band: from the top of the first rack to the bottom of the last, its label in the first rack's label row. */
function cacheColumn(cx: number, racks: readonly RackBand[]): RackBand | null {
  const first = racks[0];
  const last = racks[racks.length - 1];
  if (!first || !last) return null;
  const x = cx - CACHE_CARD.width / 2 - CACHE_BAND_MARGIN;
  return {
    id: 'cache tier',
    x,
    y: first.y,
    width: CACHE_CARD.width + 2 * CACHE_BAND_MARGIN,
    height: last.y + last.height - first.y,
  };
}

/** Spreads the ends of k lines along a box edge, so they can be told apart and clicked. */
function spread(ordinal: number, count: number, height: number): number {
  if (count <= 1) return 0;
  const step = Math.min(8, (height - 16) / count);
  return (ordinal - (count - 1) / 2) * step;
}

/** The point at `t` along d3's linkHorizontal curve (a cubic whose control points share the middle x). */
function pointOnCurve(x1: number, y1: number, x2: number, y2: number, t: number): { x: number; y: number } {
  const u = 1 - t;
  const mx = (x1 + x2) / 2;
  const near = u * u * u + 3 * u * u * t; // the weight of the start's y (the rest is the end's)
  return {
    x: u * u * u * x1 + 3 * u * t * mx + t * t * t * x2,
    y: near * y1 + (1 - near) * y2,
  };
}

/** Ranks of the nodes of some kinds by height on the picture, for spreading line ends without crossings. */
function ranksByHeight(
  byIndex: readonly NodeBox[],
  kinds: readonly string[],
): Map<number, { rank: number; of: number }> {
  const members = byIndex.filter((b) => b && kinds.includes(b.kind)).sort((a, b) => a.cy - b.cy || a.cx - b.cx);
  return new Map(members.map((b, rank) => [b.index, { rank, of: members.length }]));
}

function detailedLinks(topology: Topology, byIndex: readonly NodeBox[], cacheBand: RackBand | null): LinkLine[] {
  const apps = ranksByHeight(byIndex, ['app']);
  // An app server's right edge carries its cache and storage links, ordered by where they go.
  const targets = ranksByHeight(byIndex, ['cache', 'storage']);
  const behindCache = cacheBand ? cacheBand.x + cacheBand.width : 0;
  return topology.links.flatMap((link, index) => {
    const a = byIndex[link.a];
    const b = byIndex[link.b];
    if (!a || !b) return []; // a node with no place yet (room to grow): its links have none either
    const fromB = targets.get(link.b);
    const fromA = a.kind === 'app' ? apps.get(link.a) : undefined;
    const line = {
      index,
      id: link.id,
      x1: a.cx + a.width / 2,
      y1: a.cy + (fromB ? spread(fromB.rank, fromB.of, a.height) : 0),
      x2: b.cx - b.width / 2,
      y2: b.cy + (fromA ? spread(fromA.rank, fromA.of, b.height) : 0),
    };
    if (!cacheBand || a.kind !== 'app' || b.kind !== 'storage') return line;
    // Its middle is behind a cache card: the handle goes where the curve has left the column.
    const handle = pointOnCurve(line.x1, line.y1, line.x2, line.y2, 0.82);
    return { ...line, handle: handle.x > behindCache ? handle : undefined };
  });
}
