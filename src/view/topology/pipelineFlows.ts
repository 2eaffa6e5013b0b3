// The arrows of the data pipeline's flow on the picture (layout arrows, not links: the pipeline
// has none): the app servers' into the log, above the racks, the log's into each consumer group
// and the indexer's into the search index, curves through the gap between the two columns.
import type { PipelineBand, PipelineLayout, PipelineSizes } from './layoutPipeline';

/** A drawn arrow of the flow: an SVG path from its tail to its head, and a few words beside it. */
export interface FlowArrow {
  readonly id: string;
  readonly d: string;
  readonly label: string;
  readonly labelX: number;
  readonly labelY: number;
}

/** How far above the racks the app-servers-to-log arrow runs (the racks move down this much). */
export const FLOW_LANE = 18;

export function arrowsOf(
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
