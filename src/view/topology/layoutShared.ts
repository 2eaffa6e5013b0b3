// What the cluster picture is made of (types) and the pieces both layouts share: sizes in
// viewBox units, grouping nodes by rack, and placing the users and the load balancer.
import type { NodeKind, Topology } from '../../sim/index';
import type { PipelineBand } from './layoutPipeline';
import type { FlowArrow } from './pipelineFlows';

export type LayoutMode = 'detailed' | 'compact';

/** Clusters with more nodes than this are drawn as glyphs and bundles. */
export const DETAILED_NODE_LIMIT = 40;

export interface NodeBox {
  readonly index: number;
  readonly id: string;
  readonly kind: NodeKind;
  readonly rack: string;
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly height: number;
  /** A small glyph without text (big clusters) instead of a labelled box. */
  readonly glyph: boolean;
}

export interface RackBand {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TierHeading {
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface LinkLine {
  readonly index: number;
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /**
   * Where the link's handle and notes go, when not its middle: an app-to-storage curve passes
   * behind the cache column, so its handle sits in the clear gap before storage.
   */
  readonly handle?: { readonly x: number; readonly y: number };
}

/** Many links drawn as one path: the load balancer to a rack's app servers, or a rack's app servers to a rack's storage. */
export interface Bundle {
  readonly id: string;
  readonly label: string;
  readonly links: Int32Array;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface TopologyLayout {
  readonly mode: LayoutMode;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly NodeBox[];
  readonly racks: readonly RackBand[];
  readonly tiers: readonly TierHeading[];
  /** Links drawn one by one (all of them in a small cluster; only users~lb in a big one). */
  readonly links: readonly LinkLine[];
  readonly bundles: readonly Bundle[];
  /**
   * The cache tier's band: in a small cluster a column across the racks between the app servers
   * and storage (each cache node in its own rack); in a big one a grid above the racks.
   */
  readonly cacheBand: RackBand | null;
  /** The data pipeline's bands (the log, each consumer group, the search index), right of the racks. */
  readonly pipelineBands: readonly PipelineBand[];
  /** Arrows of the pipeline's flow (drawn, not links: app servers to log, log to each group, indexer to index). */
  readonly flows: readonly FlowArrow[];
}

// Sizes in viewBox units, chosen so node text stays readable when the picture is ~700 px wide.
export const TOP = 44;
export const HEADING_Y = 26;
export const BAND_GAP = 10;
export const RIGHT = 14;
export const CLIENTS = { cx: 58, width: 108, height: 72 };
export const BALANCER = { cx: 200, width: 136, height: 88 };
export const BAND_LEFT = 124;
export const DETAILED = { appCx: 424, storageCx: 744, width: 168, height: 72, gap: 12, label: 28, padding: 10 };
/**
 * With a cache tier the picture gets a third column between the app servers and storage, with
 * room on its left for the app-to-cache curves and on its right for the handles of the
 * app-to-storage curves that pass behind it.
 */
export const DETAILED_WITH_CACHE = { appCx: 424, cacheCx: 660, storageCx: 940 };
export const COMPACT = {
  appX: 300,
  glyph: 16,
  pitch: 21,
  meshGap: 170,
  appCols: 10,
  storageCols: 15,
  label: 18,
  padding: 6,
};

export interface Grouped {
  readonly apps: number[][];
  readonly storage: number[][];
  /** Cache nodes in topology order (a big cluster's grid above the racks). */
  readonly cache: number[];
  /** Cache nodes by rack (a small cluster's cache column). */
  readonly cacheByRack: number[][];
  readonly balancerRack: number;
}

/** Whether a node gets a place: every node, unless a key ('1' placed, '0' not) says otherwise (see placedKey). */
export function isPlaced(placed: string | undefined, index: number): boolean {
  return placed === undefined || placed[index] !== '0';
}

export function groupByRack(topology: Topology, placed?: string): Grouped {
  const racks = topology.racks.length;
  const apps = Array.from({ length: racks }, () => [] as number[]);
  const storage = Array.from({ length: racks }, () => [] as number[]);
  const cache: number[] = [];
  const cacheByRack = Array.from({ length: racks }, () => [] as number[]);
  let balancerRack = 0;
  topology.nodes.forEach((node, index) => {
    if (!isPlaced(placed, index)) return;
    const rack = Math.max(0, topology.racks.indexOf(node.rack));
    if (node.kind === 'app') apps[rack]?.push(index);
    else if (node.kind === 'storage') storage[rack]?.push(index);
    else if (node.kind === 'cache') {
      cache.push(index);
      cacheByRack[rack]?.push(index);
    } else if (node.kind === 'loadBalancer') balancerRack = rack;
  });
  return { apps, storage, cache, cacheByRack, balancerRack };
}

export function box(
  topology: Topology,
  index: number,
  cx: number,
  cy: number,
  size: { width: number; height: number },
  glyph = false,
): NodeBox {
  const node = topology.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  return {
    index,
    id: node.id,
    kind: node.kind,
    rack: node.rack,
    cx,
    cy,
    width: size.width,
    height: size.height,
    glyph,
  };
}

/** Places the users and the balancer; the users sit level with the balancer so their link is straight. */
export function frontNodes(topology: Topology, balancerCy: number): NodeBox[] {
  const out: NodeBox[] = [];
  topology.nodes.forEach((node, index) => {
    if (node.kind === 'clients') out.push(box(topology, index, CLIENTS.cx, balancerCy, CLIENTS));
    if (node.kind === 'loadBalancer') out.push(box(topology, index, BALANCER.cx, balancerCy, BALANCER));
  });
  return out;
}

export function headings(appCx: number, storageCx: number, cacheCx?: number): TierHeading[] {
  return [
    { label: 'Users', x: CLIENTS.cx, y: HEADING_Y },
    { label: 'Load balancer', x: BALANCER.cx, y: HEADING_Y },
    { label: 'App servers', x: appCx, y: HEADING_Y },
    ...(cacheCx === undefined ? [] : [{ label: 'Cache', x: cacheCx, y: HEADING_Y }]),
    { label: 'Storage', x: storageCx, y: HEADING_Y },
  ];
}

export function indexBoxes(nodes: readonly NodeBox[], count: number): NodeBox[] {
  const byIndex = new Array<NodeBox>(count);
  for (const node of nodes) byIndex[node.index] = node;
  return byIndex;
}
