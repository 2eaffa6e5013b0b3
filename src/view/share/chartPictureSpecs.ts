// What each exported chart shows: its title, y axis (label with unit, scale, ticks), lines and
// reference line, from the same metric windows and helpers as the charts on the page. Line
// styles follow charts.css, so a line's dash pattern in a picture is the one a reader knows.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import {
  availabilityDomain,
  availabilityPoints,
  latencyDomain,
  latencyPoints,
  logTicks,
  percentDecimals,
  serverWorkPoints,
  throughputMax,
  throughputPoints,
  type Point,
} from '../charts/chartData';
import { formatMs, formatTarget } from '../metrics/format';
import { PALETTE } from './chartPictureParts';

export type ChartKind = 'latency' | 'throughput' | 'availability';

/** The charts a picture can be made of, in the order the page shows them. */
export const CHART_PICTURES: readonly { readonly kind: ChartKind; readonly title: string }[] = [
  { kind: 'latency', title: 'Latency percentiles' },
  { kind: 'throughput', title: 'Throughput' },
  { kind: 'availability', title: 'Availability' },
];

export interface LineStyle {
  readonly colour: string;
  readonly widthPx: number;
  /** An SVG stroke-dasharray; empty for a solid line. */
  readonly dash: string;
}

export interface PictureSeries extends LineStyle {
  readonly label: string;
  readonly points: readonly Point[];
}

export interface ChartSpec {
  readonly title: string;
  /** The y axis's label, with its unit. */
  readonly yLabel: string;
  /** How the values are plotted, said under the title. */
  readonly note: string;
  readonly y: ScaleContinuousNumeric<number, number>;
  readonly yTicks: readonly number[];
  readonly formatTick: (value: number) => string;
  /** Drawn in this order; the legend lists them in `legendOrder`. */
  readonly series: readonly PictureSeries[];
  readonly legendOrder: readonly string[];
  readonly reference: (LineStyle & { readonly label: string; readonly value: number }) | null;
}

export interface Slo {
  readonly availability: number;
  readonly latencyMsP99: number;
}

export const REFERENCE_STYLE: LineStyle = { colour: PALETTE.ink, widthPx: 1.5, dash: '6 4' };
export const MARK_STYLE: LineStyle = { colour: PALETTE.ink, widthPx: 1.25, dash: '3 3' };

const plain = (value: number) => Number(value.toPrecision(4)).toLocaleString('en-US');

function latencySpec(windows: readonly WindowMetrics[], slo: Slo): ChartSpec {
  const domain = latencyDomain(windows, slo.latencyMsP99);
  const series: PictureSeries[] = [
    { label: 'p50 (median)', colour: PALETTE.p50, widthPx: 2.5, dash: '', points: latencyPoints(windows, 'p50') },
    { label: 'p95', colour: PALETTE.p95, widthPx: 2, dash: '8 3', points: latencyPoints(windows, 'p95') },
    { label: 'p99', colour: PALETTE.p99, widthPx: 2.5, dash: '2 3', points: latencyPoints(windows, 'p99') },
    { label: 'p99.9', colour: PALETTE.p999, widthPx: 2, dash: '9 3 2 3', points: latencyPoints(windows, 'p999') },
    {
      label: 'server work (mean)',
      colour: PALETTE.offered,
      widthPx: 1.5,
      dash: '',
      points: serverWorkPoints(windows, domain[0]),
    },
  ];
  return {
    title: 'Latency percentiles',
    yLabel: 'Latency (ms)',
    note: 'per one-second window, log scale',
    y: scaleLog().domain(domain).clamp(true),
    yTicks: logTicks(domain, 6),
    formatTick: plain,
    series,
    legendOrder: series.map((s) => s.label),
    reference: { ...REFERENCE_STYLE, label: `p99 target ${formatMs(slo.latencyMsP99)}`, value: slo.latencyMsP99 },
  };
}

function throughputSpec(windows: readonly WindowMetrics[]): ChartSpec {
  const y = scaleLinear()
    .domain([0, throughputMax(windows)])
    .nice(5);
  const offered = { label: 'offered', colour: PALETTE.offered, widthPx: 2, dash: '7 4' };
  const served = { label: 'served', colour: PALETTE.ok, widthPx: 2.5, dash: '' };
  const failed = { label: 'failed', colour: PALETTE.error, widthPx: 2.5, dash: '2 3' };
  return {
    title: 'Throughput',
    yLabel: 'Requests per second',
    note: 'per one-second window',
    y,
    yTicks: y.ticks(5),
    formatTick: plain,
    // Offered (dashed) over served (solid), so both show where they are equal.
    series: [
      { ...served, points: throughputPoints(windows, 'served') },
      { ...offered, points: throughputPoints(windows, 'offered') },
      { ...failed, points: throughputPoints(windows, 'errors') },
    ],
    legendOrder: ['offered', 'served', 'failed'],
    reference: null,
  };
}

function availabilitySpec(windows: readonly WindowMetrics[], slo: Slo): ChartSpec {
  const y = scaleLinear().domain(availabilityDomain(windows, slo.availability)).nice(4);
  const yTicks = y.ticks(4);
  const decimals = percentDecimals((yTicks[1] ?? 1) - (yTicks[0] ?? 0));
  return {
    title: 'Availability',
    yLabel: 'Availability (%)',
    note: 'succeeded / finished requests, per one-second window',
    y,
    yTicks,
    formatTick: (v) => (v * 100).toFixed(decimals),
    series: [
      {
        label: 'succeeded / finished',
        colour: PALETTE.p50,
        widthPx: 2.5,
        dash: '',
        points: availabilityPoints(windows),
      },
    ],
    legendOrder: ['succeeded / finished'],
    reference: { ...REFERENCE_STYLE, label: `SLO ${formatTarget(slo.availability)}`, value: slo.availability },
  };
}

export function chartSpec(kind: ChartKind, windows: readonly WindowMetrics[], slo: Slo): ChartSpec {
  switch (kind) {
    case 'latency':
      return latencySpec(windows, slo);
    case 'throughput':
      return throughputSpec(windows);
    case 'availability':
      return availabilitySpec(windows, slo);
    default: {
      const never: never = kind;
      throw new Error(`unknown chart ${String(never)}`);
    }
  }
}
