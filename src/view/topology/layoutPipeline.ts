// Where the data pipeline goes on the cluster picture: a region right of storage, in two
// columns. The log (brokers) sits top left, the search index below it; the consumer groups are
// bands on the right, one per group, the group feeding the index last so it sits level with it.
// Layout arrows (not links: the pipeline has none) show the flow app servers -> log -> each
// group, and the indexer -> index. Beside the racks rather than under them, because the picture
// fits a wide, short space (a 1280x720 screen): width is cheap there, height is not.
import type { NodeKind, Topology } from '../../sim/index';
import { box, HEADING_Y, isPlaced, type NodeBox, type RackBand, type TierHeading } from './layoutShared';
import { arrowsOf, type FlowArrow } from './pipelineFlows';

export type PipelineKind = Extract<NodeKind, 'broker' | 'consumer' | 'index'>;

export function isPipelineKind(kind: NodeKind): kind is PipelineKind {
  return kind === 'broker' || kind === 'consumer' || kind === 'index';
}

/** A labelled band of the pipeline: the log, one consumer group, or the search index. */
export interface PipelineBand extends RackBand {
  readonly part: 'log' | 'group' | 'index';
  /** The consumer group's name (its consumers are called name-1, name-2, …); null for the log and index. */
  readonly group: string | null;
}

export interface PipelineLayout {
  readonly nodes: NodeBox[];
  readonly bands: PipelineBand[];
  readonly arrows: FlowArrow[];
  /** The right edge of the region (the picture's width is this plus a margin) and its bottom. */
  readonly right: number;
  readonly bottom: number;
}

/** Sizes of one kind of pipeline layout: cards (small clusters) or glyphs (big ones). */
export interface PipelineSizes {
  readonly card: { readonly width: number; readonly height: number };
  readonly gap: number;
  readonly label: number;
  readonly padding: number;
  readonly margin: number;
  /** Between the two columns' bands: room for the arrows. */
  readonly columnGap: number;
  /** Nodes side by side in a band (glyphs); cards stand one above the other. */
  readonly perRow: number;
  readonly glyph: boolean;
}

/** Cards a little wider than the racks' (a consumer's id is long) and taller (status and two facts). */
export const PIPELINE_CARDS: PipelineSizes = {
  card: { width: 172, height: 100 },
  gap: 12,
  label: 46,
  padding: 10,
  margin: 12,
  columnGap: 40,
  perRow: 1,
  glyph: false,
};

export const PIPELINE_GLYPHS: PipelineSizes = {
  card: { width: 16, height: 16 },
  gap: 5,
  label: 18,
  padding: 6,
  margin: 8,
  columnGap: 40,
  perRow: 6,
  glyph: true,
};

interface Part {
  readonly part: PipelineBand['part'];
  readonly group: string | null;
  readonly members: number[];
}

/** The consumer group of a consumer slot, from its name (the sim names them <group>-<n>). */
export function groupOfId(id: string): string {
  return id.replace(/-\d+$/, '');
}

/** The pipeline's parts with their placed nodes; groups in topology order, the indexer's last. */
function partsOf(topology: Topology, placed: string | undefined, indexerGroup: string | null): Part[] {
  const log: number[] = [];
  const index: number[] = [];
  const groups = new Map<string, number[]>();
  topology.nodes.forEach((node, i) => {
    if (!isPlaced(placed, i)) return;
    if (node.kind === 'broker') log.push(i);
    else if (node.kind === 'index') index.push(i);
    else if (node.kind === 'consumer') {
      const name = groupOfId(node.id);
      groups.set(name, [...(groups.get(name) ?? []), i]);
    }
  });
  const names = [...groups.keys()].sort((a, b) => Number(a === indexerGroup) - Number(b === indexerGroup));
  return [
    ...(log.length > 0 ? [{ part: 'log' as const, group: null, members: log }] : []),
    ...names.map((name) => ({ part: 'group' as const, group: name, members: groups.get(name) ?? [] })),
    ...(index.length > 0 ? [{ part: 'index' as const, group: null, members: index }] : []),
  ];
}

function bandHeight(sizes: PipelineSizes, count: number): number {
  const rows = Math.max(1, Math.ceil(count / sizes.perRow));
  return sizes.label + rows * (sizes.card.height + sizes.gap) - sizes.gap + sizes.padding;
}

/** Lays out the pipeline from (left, top); `indexerGroup` names the group that feeds the index (placed level with it). */
export function pipelineLayout(
  topology: Topology,
  placed: string | undefined,
  left: number,
  top: number,
  sizes: PipelineSizes,
  indexerGroup: string | null = 'indexer',
): PipelineLayout | null {
  const parts = partsOf(topology, placed, indexerGroup);
  if (parts.length === 0) return null;
  const bandWidth = Math.min(sizes.perRow, 6) * (sizes.card.width + sizes.gap) - sizes.gap + 2 * sizes.margin;
  const columnA = left;
  const columnB = left + bandWidth + sizes.columnGap;
  const bands: PipelineBand[] = [];
  const nodes: NodeBox[] = [];
  const place = (p: Part, x: number, y: number): PipelineBand => {
    const height = bandHeight(sizes, p.members.length);
    p.members.forEach((index, k) => {
      const col = k % sizes.perRow;
      const row = Math.floor(k / sizes.perRow);
      const cx = x + sizes.margin + col * (sizes.card.width + sizes.gap) + sizes.card.width / 2;
      const cy = y + sizes.label + row * (sizes.card.height + sizes.gap) + sizes.card.height / 2;
      nodes.push(box(topology, index, cx, cy, sizes.card, sizes.glyph));
    });
    const band = { id: p.group ?? p.part, part: p.part, group: p.group, x, y, width: bandWidth, height };
    bands.push(band);
    return band;
  };
  const log = parts.find((p) => p.part === 'log');
  const index = parts.find((p) => p.part === 'index');
  const groups = parts.filter((p) => p.part === 'group');
  // With no groups everything stands in one column.
  const logBand = log ? place(log, columnA, top) : null;
  let y = top;
  const groupBands = groups.map((g) => {
    const band = place(g, groups.length > 0 ? columnB : columnA, y);
    y += band.height + sizes.gap;
    return band;
  });
  const feeder = groupBands.find((b) => b.group === indexerGroup) ?? null;
  let indexBand: PipelineBand | null = null;
  if (index) {
    const below = logBand ? logBand.y + logBand.height + sizes.gap : top;
    const level = feeder ? feeder.y + feeder.height / 2 - bandHeight(sizes, index.members.length) / 2 : below;
    indexBand = place(index, columnA, Math.max(below, level));
  }
  const right = (groupBands.length > 0 ? columnB : columnA) + bandWidth;
  const bottom = Math.max(...bands.map((b) => b.y + b.height));
  return { nodes, bands, arrows: arrowsOf(logBand, groupBands, feeder, indexBand, sizes), right, bottom };
}

/** Headings over the pipeline's columns, in the row of the tiers' headings. */
export function pipelineHeadings(pipeline: PipelineLayout | null): TierHeading[] {
  if (!pipeline) return [];
  const centre = (part: PipelineBand['part']) => {
    const band = pipeline.bands.find((b) => b.part === part);
    return band ? band.x + band.width / 2 : null;
  };
  const log = centre('log') ?? centre('index');
  const groups = centre('group');
  return [
    ...(log === null ? [] : [{ label: centre('log') === null ? 'Search index' : 'Log', x: log, y: HEADING_Y }]),
    ...(groups === null ? [] : [{ label: 'Consumer groups', x: groups, y: HEADING_Y }]),
  ];
}
