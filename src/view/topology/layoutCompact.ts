// The layout of a big cluster: a 16-unit glyph per node in a grid per rack and tier, and one
// bundle per (app rack, storage rack) pair plus one per app rack from the balancer, fanned out a
// little so the bundles of one rack can be told apart. A cache tier is a grid of its own above
// the racks, in the gap between the app servers and storage, with one bundle per app rack to it.
import type { Topology } from '../../sim/index';
import {
  BALANCER,
  BAND_GAP,
  BAND_LEFT,
  COMPACT,
  RIGHT,
  TOP,
  box,
  frontNodes,
  groupByRack,
  headings,
  indexBoxes,
  type Bundle,
  type LinkLine,
  type NodeBox,
  type RackBand,
  type TopologyLayout,
} from './layoutShared';
import { PIPELINE_GLYPHS, pipelineHeadings, pipelineLayout } from './layoutPipeline';
import { pipelineFlows } from './pipelineFlows';

const CACHE_COLS = 6;

/** The cache grid above the racks, centred in the gap between app servers and storage (every slot placed). */
function cacheGrid(topology: Topology, cache: readonly number[], gapLeft: number, nodes: NodeBox[]): RackBand | null {
  if (cache.length === 0) return null;
  const { pitch, glyph } = COMPACT;
  const cols = Math.min(CACHE_COLS, cache.length);
  const x0 = gapLeft + (COMPACT.meshGap - cols * pitch) / 2;
  const gridTop = TOP + COMPACT.label;
  cache.forEach((index, k) => {
    const cx = x0 + (k % cols) * pitch + glyph / 2;
    const cy = gridTop + Math.floor(k / cols) * pitch + glyph / 2;
    nodes.push(box(topology, index, cx, cy, { width: glyph, height: glyph }, true));
  });
  const height = COMPACT.label + Math.ceil(cache.length / cols) * pitch + COMPACT.padding;
  return { id: 'cache tier', x: x0 - 8, y: TOP, width: cols * pitch + 12, height };
}

export function layoutCompact(topology: Topology, placed?: string): TopologyLayout {
  const { apps, storage, cache, balancerRack } = groupByRack(topology, placed);
  const { pitch, glyph } = COMPACT;
  const maxApps = Math.max(1, ...apps.map((a) => a.length));
  const maxStorage = Math.max(1, ...storage.map((s) => s.length));
  const appCols = Math.min(COMPACT.appCols, maxApps);
  const storageCols = Math.min(COMPACT.storageCols, maxStorage);
  const storageX = COMPACT.appX + appCols * pitch + COMPACT.meshGap;
  const racksRight = storageX + storageCols * pitch + RIGHT;
  // The data pipeline: a grid per part right of the racks (no arrow from the app servers' grid).
  const pipeline = pipelineLayout(topology, placed, racksRight + 16, TOP, PIPELINE_GLYPHS);
  const width = pipeline ? pipeline.right + RIGHT : racksRight;
  const nodes: NodeBox[] = [];
  const racks: RackBand[] = [];
  const centers: number[] = [];
  const appRight = COMPACT.appX + appCols * pitch;
  const cacheBand = cacheGrid(topology, cache, appRight, nodes);
  let y = cacheBand ? cacheBand.y + cacheBand.height + BAND_GAP : TOP;
  let balancerCy = y + COMPACT.label + BALANCER.height / 2;
  topology.racks.forEach((rack, r) => {
    const a = apps[r] ?? [];
    const s = storage[r] ?? [];
    const rows = Math.max(1, Math.ceil(a.length / appCols), Math.ceil(s.length / storageCols));
    const areaTop = y + COMPACT.label;
    const areaHeight = Math.max(rows * pitch, r === balancerRack ? BALANCER.height : 0);
    const gridTop = areaTop + (areaHeight - rows * pitch) / 2;
    const grid = (members: number[], x0: number, cols: number) =>
      members.forEach((index, k) => {
        const cx = x0 + (k % cols) * pitch + glyph / 2;
        const cy = gridTop + Math.floor(k / cols) * pitch + glyph / 2;
        nodes.push(box(topology, index, cx, cy, { width: glyph, height: glyph }, true));
      });
    grid(a, COMPACT.appX, appCols);
    grid(s, storageX, storageCols);
    centers.push(areaTop + areaHeight / 2);
    if (r === balancerRack) balancerCy = areaTop + areaHeight / 2;
    const height = COMPACT.label + areaHeight + COMPACT.padding;
    racks.push({ id: rack, x: BAND_LEFT, y, width: racksRight - BAND_LEFT - 4, height });
    y += height + BAND_GAP;
  });
  nodes.unshift(...frontNodes(topology, balancerCy));
  if (pipeline) nodes.push(...pipeline.nodes);
  const byIndex = indexBoxes(nodes, topology.nodes.length);
  const edges = {
    appLeft: COMPACT.appX - 6,
    appRight: appRight + 2,
    storageLeft: storageX - 6,
    cacheLeft: cacheBand ? cacheBand.x + 2 : 0,
    cacheCy: cacheBand ? cacheBand.y + (COMPACT.label + cacheBand.height) / 2 : 0,
  };
  const { links, bundles } = compactLinks(topology, byIndex, centers, edges);
  return {
    mode: 'compact',
    width,
    height: Math.max(y - BAND_GAP, pipeline?.bottom ?? 0) + 8,
    nodes,
    racks,
    tiers: [
      ...headings(
        COMPACT.appX + (appCols * pitch) / 2,
        storageX + (storageCols * pitch) / 2,
        cacheBand ? cacheBand.x + cacheBand.width / 2 : undefined,
      ),
      ...pipelineHeadings(pipeline),
    ],
    links,
    bundles,
    cacheBand,
    pipelineBands: pipeline?.bands ?? [],
    flows: pipelineFlows(pipeline, null, TOP),
  };
}

function compactLinks(
  topology: Topology,
  byIndex: readonly NodeBox[],
  centers: readonly number[],
  edges: { appLeft: number; appRight: number; storageLeft: number; cacheLeft: number; cacheCy: number },
): { links: LinkLine[]; bundles: Bundle[] } {
  const racks = topology.racks;
  const rackOf = (index: number) => Math.max(0, racks.indexOf(topology.nodes[index]?.rack ?? ''));
  const members = new Map<string, number[]>();
  const links: LinkLine[] = [];
  topology.links.forEach((link, index) => {
    const a = byIndex[link.a];
    const b = byIndex[link.b];
    if (!a || !b) return; // a node with no place yet (room to grow): its links are not drawn either
    if (!b.glyph) {
      links.push({ index, id: link.id, x1: a.cx + a.width / 2, y1: a.cy, x2: b.cx - b.width / 2, y2: b.cy });
      return;
    }
    const to = b.kind === 'cache' ? 'cache' : rackOf(link.b);
    const key = a.glyph ? `${rackOf(link.a)}:${to}` : `lb:${to}`;
    const list = members.get(key) ?? [];
    list.push(index);
    members.set(key, list);
  });
  const balancer = topology.nodes.findIndex((node) => node.kind === 'loadBalancer');
  const lb = byIndex[balancer];
  const fan = (k: number) => (k - (racks.length - 1) / 2) * Math.min(3, 30 / racks.length);
  const bundles: Bundle[] = [...members.entries()].map(([key, list]) => {
    const [from, to] = key.split(':');
    const toRack = Number(to);
    const y2 = centers[toRack] ?? 0;
    if (from === 'lb') {
      const label = `load balancer to the app servers in ${racks[toRack]}`;
      const x1 = lb ? lb.cx + lb.width / 2 : 0;
      const y1 = (lb?.cy ?? 0) + fan(toRack);
      return { id: `lb~app:${racks[toRack]}`, label, links: Int32Array.from(list), x1, y1, x2: edges.appLeft, y2 };
    }
    const fromRack = Number(from);
    if (to === 'cache') {
      const label = `app servers in ${racks[fromRack]} to the cache`;
      const y1 = (centers[fromRack] ?? 0) - 4;
      const ids = { id: `app:${racks[fromRack]}~cache`, label, links: Int32Array.from(list) };
      return { ...ids, x1: edges.appRight, y1, x2: edges.cacheLeft, y2: edges.cacheCy + fan(fromRack) };
    }
    const label = `app servers in ${racks[fromRack]} to storage in ${racks[toRack]}`;
    const y1 = (centers[fromRack] ?? 0) + fan(toRack);
    return {
      id: `app:${racks[fromRack]}~storage:${racks[toRack]}`,
      label,
      links: Int32Array.from(list),
      x1: edges.appRight,
      y1,
      x2: edges.storageLeft,
      y2: y2 + fan(fromRack),
    };
  });
  return { links, bundles };
}
