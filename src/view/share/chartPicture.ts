// A chart as a picture that stands alone: title and time range, a legend of line styles, the plot
// with labelled axes and numbered fault and recovery marks, the marks listed, and a caption naming
// the run and its link. Built from the run's metric windows with D3 scales (not copied from the
// page), so it does not depend on the page's theme, size or which tab is open.
import { line, scaleLinear } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import { visibleWindows, type Point, type TimeDomain } from '../charts/chartData';
import {
  captionBlock,
  captionSentence,
  escapeXml,
  FONT_PX,
  PAD,
  PALETTE,
  svgDocument,
  textSvg,
  textWidth,
  titleBlock,
  type Block,
  type CaptionInput,
} from './chartPictureParts';
import { chartSpec, MARK_STYLE, type ChartKind, type ChartSpec, type LineStyle, type Slo } from './chartPictureSpecs';
import { groupMarks, marksListBlock, marksSvg, type MarkGroup, type MarkInput } from './chartPictureMarks';

export interface ChartPictureInput extends CaptionInput {
  readonly kind: ChartKind;
  /** Every metric window the lab keeps, oldest first. */
  readonly windows: readonly WindowMetrics[];
  /** How many seconds back the picture goes (the span the page's charts show). */
  readonly spanS: number;
  /** Faults, recoveries and changes, each with the words the list under the plot gives it. */
  readonly marks: readonly MarkInput[];
  readonly slo: Slo;
}

export interface PictureDocument {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

export const PICTURE_WIDTH = 960;
const PLOT_HEIGHT = 300;
const MARK_BAND = 30;

/** The span shown, cut to the seconds that have data: a picture of 5 s is not 2 minutes wide. */
export function pictureDomain(windows: readonly WindowMetrics[], spanS: number): TimeDomain {
  const last = windows[windows.length - 1];
  if (!last) return { startS: 0, endS: 1 };
  const endS = last.endMs / 1000;
  const first = visibleWindows(windows, { startS: endS - spanS, endS })[0] ?? last;
  return { startS: Math.max(endS - spanS, first.startMs / 1000), endS };
}

export function timeRangeText({ startS, endS }: TimeDomain): string {
  return `t = ${startS.toFixed(1)}–${endS.toFixed(1)} s`;
}

function lineSample(x: number, y: number, style: LineStyle): string {
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return `<line x1="${x}" x2="${x + 40}" y1="${y}" y2="${y}" stroke="${style.colour}" stroke-width="${style.widthPx + 0.5}"${dash}/>`;
}

/** The legend: each line's own dash pattern and width beside its name, wrapped into rows. */
function legendBlock(top: number, entries: readonly (LineStyle & { readonly label: string })[]): Block {
  const rowHeight = 28;
  let x = PAD;
  let y = top + 14;
  const items = entries.map((entry) => {
    const itemWidth = 48 + textWidth(entry.label, FONT_PX.body) + 28;
    if (x > PAD && x + itemWidth > PICTURE_WIDTH - PAD) {
      x = PAD;
      y += rowHeight;
    }
    const markup = `<g data-part="legend-entry">${lineSample(x, y, entry)}${textSvg(x + 48, y + 5.5, entry.label, FONT_PX.body)}</g>`;
    x += itemWidth;
    return markup;
  });
  return { markup: `<g data-part="legend" fill="${PALETTE.ink}">${items.join('')}</g>`, height: y - top + 24 };
}

function seriesPath(points: readonly Point[], x: (v: number) => number, y: (v: number) => number, style: LineStyle) {
  const d = line<Point>()
    .defined((p) => p.y !== null)
    .x((p) => x(p.x))
    .y((p) => y(p.y as number))
    .digits(1)(points as Point[]);
  if (!d) return '';
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return `<path d="${d}" fill="none" stroke="${style.colour}" stroke-width="${style.widthPx}" stroke-linejoin="round"${dash}/>`;
}

interface Frame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
}

function axesSvg(spec: ChartSpec, x: ReturnType<typeof scaleLinear<number, number>>, frame: Frame): string {
  const { left, top, width } = frame;
  const y = spec.y;
  const yTicks = spec.yTicks.map(
    (t) =>
      `<line x1="${left}" x2="${left + width}" y1="${y(t)}" y2="${y(t)}" stroke="${PALETTE.grid}"/>` +
      textSvg(left - 8, y(t) + 5, spec.formatTick(t), FONT_PX.tick, 'text-anchor="end"'),
  );
  const xTicks = x
    .ticks(Math.max(2, Math.floor(width / 80)))
    .map(
      (t) =>
        `<line x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${top + PLOT_HEIGHT + 5}" stroke="${PALETTE.grid}"/>` +
        textSvg(x(t), top + PLOT_HEIGHT + 22, String(t), FONT_PX.tick, 'text-anchor="middle"'),
    );
  const yLabelX = PAD + FONT_PX.body * 0.8;
  const yLabel = `<text data-part="y-label" transform="translate(${yLabelX},${top + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle" font-size="${FONT_PX.body}" fill="${PALETTE.ink}">${escapeXml(spec.yLabel)}</text>`;
  const xLabel = textSvg(
    left + width / 2,
    top + PLOT_HEIGHT + 48,
    'Simulated time (s)',
    FONT_PX.body,
    `data-part="x-label" text-anchor="middle" fill="${PALETTE.ink}"`,
  );
  return (
    `<g data-part="y-axis" fill="${PALETTE.muted}">${yTicks.join('')}${yLabel}</g>` +
    `<g data-part="x-axis" fill="${PALETTE.muted}">${xTicks.join('')}${xLabel}</g>` +
    `<rect x="${left}" y="${top}" width="${width}" height="${PLOT_HEIGHT}" fill="none" stroke="${PALETTE.muted}"/>`
  );
}

function referenceSvg(spec: ChartSpec, frame: Frame): string {
  const ref = spec.reference;
  if (!ref) return '';
  const y = spec.y(ref.value);
  return (
    `<g data-part="reference"><line x1="${frame.left}" x2="${frame.left + frame.width}" y1="${y}" y2="${y}" stroke="${ref.colour}" stroke-width="${ref.widthPx}" stroke-dasharray="${ref.dash}"/>` +
    textSvg(
      frame.left + frame.width - 6,
      y - 6,
      ref.label,
      FONT_PX.tick,
      `text-anchor="end" font-weight="600" fill="${PALETTE.ink}" stroke="${PALETTE.plot}" stroke-width="4" paint-order="stroke"`,
    ) +
    '</g>'
  );
}

/** The plot: axes, lines, the reference line and the numbered marks. */
function plotBlock(spec: ChartSpec, domain: TimeDomain, groups: readonly MarkGroup[], frame: Frame): Block {
  const { left, top, width } = frame;
  const x = scaleLinear([domain.startS, domain.endS], [left, left + width]);
  spec.y.range([top + PLOT_HEIGHT, top]);
  const hasData = spec.series.some((s) => s.points.some((p) => p.y !== null));
  const lines = spec.series.map((s) => seriesPath(s.points, x, spec.y, s)).join('');
  const empty = hasData
    ? ''
    : textSvg(left + width / 2, top + PLOT_HEIGHT / 2, 'No complete second yet', FONT_PX.body, 'text-anchor="middle"');
  const markup =
    `<rect x="${left}" y="${top}" width="${width}" height="${PLOT_HEIGHT}" fill="${PALETTE.plot}"/>` +
    axesSvg(spec, x, frame) +
    `<clipPath id="plot-clip"><rect x="${left}" y="${top - 2}" width="${width}" height="${PLOT_HEIGHT + 4}"/></clipPath>` +
    `<g data-part="series" clip-path="url(#plot-clip)">${lines}</g>${empty}` +
    referenceSvg(spec, frame) +
    marksSvg(groups, top, PLOT_HEIGHT);
  return { markup, height: PLOT_HEIGHT + 60 };
}

/** The whole picture of one chart, as an SVG document. */
export function chartPictureSvg(input: ChartPictureInput): PictureDocument {
  const domain = pictureDomain(input.windows, input.spanS);
  const shown = visibleWindows(input.windows, domain);
  const spec = chartSpec(input.kind, shown, input.slo);
  const range = timeRangeText(domain);
  const head = titleBlock(spec.title, `${range} · ${spec.note}`);
  const tickWidth = Math.max(...spec.yTicks.map((t) => textWidth(spec.formatTick(t), FONT_PX.tick)), 20);
  const left = Math.round(PAD + FONT_PX.body * 1.6 + tickWidth + 12);
  const plotWidth = PICTURE_WIDTH - PAD - 8 - left;
  const inDomain = input.marks.filter((m) => m.timeMs / 1000 >= domain.startS && m.timeMs / 1000 <= domain.endS);
  const groups = groupMarks(inDomain, scaleLinear([domain.startS, domain.endS], [left, left + plotWidth]));
  const byLabel = new Map(spec.series.map((s) => [s.label, s]));
  const entries = [
    ...spec.legendOrder.map((label) => byLabel.get(label)).filter((s) => s !== undefined),
    ...(spec.reference ? [spec.reference] : []),
    ...(groups.length > 0 ? [{ ...MARK_STYLE, label: 'fault, recovery or change (numbered, listed below)' }] : []),
  ];
  const legend = legendBlock(head.height, entries);
  const plotTop = head.height + legend.height + MARK_BAND;
  const plot = plotBlock(spec, domain, groups, { left, top: plotTop, width: plotWidth });
  const list = marksListBlock(plotTop + plot.height, PICTURE_WIDTH, groups);
  const caption = captionBlock(plotTop + plot.height + list.height + 8, PICTURE_WIDTH, input);
  const height = Math.ceil(plotTop + plot.height + list.height + 8 + caption.height);
  const description = `${spec.title}, ${range}, ${spec.note}. ${captionSentence(input)}`;
  return {
    text: svgDocument({
      width: PICTURE_WIDTH,
      height,
      title: `${spec.title}, ${range}`,
      description,
      link: input.link,
      body: head.markup + legend.markup + plot.markup + list.markup + caption.markup,
    }),
    width: PICTURE_WIDTH,
    height,
  };
}
