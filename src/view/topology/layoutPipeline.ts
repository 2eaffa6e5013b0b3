// Where the data pipeline goes on the cluster picture: a region right of storage, in two
// columns. The log (brokers) sits top left, the search index below it; the consumer groups are
// bands on the right, one per group, the group feeding the index last so it sits level with it.
// Layout arrows (not links: the pipeline has none) show the flow app servers -> log -> each
// group, and the indexer -> index. Beside the racks rather than under them, because the picture
// fits a wide, short space (a 1280x720 screen): width is cheap there, height is not.
import type { NodeKind, Topology } from '../../sim/index';
import { box, HEADING_Y, isPlaced, type NodeBox, type RackBand, type TierHeading } from './layoutShared';

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

/** A drawn arrow of the flow: an SVG path from its tail to its head, and a few words beside it. */
export interface FlowArrow {
  readonly id: string;
  readonly d: string;
  readonly label: string;
  readonly labelX: number;
  readonly labelY: number;
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

/** How far above the racks the app-servers-to-log arrow runs (the racks move down this much). */
export const FLOW_LANE = 18;

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

/** The group that feeds the index: the one named like the role, else none (then groups keep their order). */
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

function arrowsOf(
  logBand: PipelineBand | null,
  groups: readonly PipelineBand[],
  feeder: PipelineBand | null,
  indexBand: PipelineBand | null,
  sizes: PipelineSizes,
): FlowArrow[] {
  const arrows: FlowArrow[] = [];
  const curve = (x1: number, y1: number, x2: number, y2: number) => {
    const mx = (x1 + x2) / 2;
    return `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
  };
  if (logBand) {
    const x1 = logBand.x + logBand.width;
    const y1 = logBand.y + sizes.label + Math.min(40, logBand.height / 3);
    groups.forEach((g, k) => {
      const y2 = g.y + sizes.label / 2 + (g === feeder && indexBand ? 0 : 6);
      arrows.push({
        id: `log~${g.id}`,
        d: curve(x1, y1 + k * 8, g.x, y2),
        label: '',
        labelX: g.x - 4,
        labelY: y2 - 6,
      });
    });
  }
  if (feeder && indexBand) {
    const y = Math.max(feeder.y, indexBand.y) + sizes.label + 12;
    const yTo = Math.min(y, indexBand.y + indexBand.height - 8);
    arrows.push({
      id: `${feeder.id}~index`,
      d: curve(feeder.x, Math.min(y, feeder.y + feeder.height - 8), indexBand.x + indexBand.width, yTo),
      label: '',
      labelX: indexBand.x + indexBand.width + 4,
      labelY: yTo - 8,
    });
  }
  return arrows;
}

/** The arrow from the app servers to the log, above the racks: up from the app column, across, down into the log. */
export function appToLogArrow(appX: number, racksTop: number, logBand: PipelineBand | undefined): FlowArrow | null {
  if (!logBand) return null;
  const lane = racksTop - FLOW_LANE / 2;
  const x2 = logBand.x + logBand.width / 2;
  const r = 6;
  return {
    id: 'app~log',
    d: `M${appX},${racksTop} V${lane + r} Q${appX},${lane} ${appX + r},${lane} H${x2 - r} Q${x2},${lane} ${x2},${lane + r} V${logBand.y}`,
    label: 'each write appends a change event',
    labelX: appX + 12,
    labelY: lane - 4,
  };
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

/** Every arrow of the flow: the app servers' into the log (when drawn above the racks), then the pipeline's own. */
export function pipelineFlows(pipeline: PipelineLayout | null, appX: number | null, racksTop: number): FlowArrow[] {
  if (!pipeline) return [];
  const intoLog =
    appX === null
      ? null
      : appToLogArrow(
          appX,
          racksTop,
          pipeline.bands.find((b) => b.part === 'log'),
        );
  return [...(intoLog ? [intoLog] : []), ...pipeline.arrows];
}
