// One small time-series chart: D3 computes scales and path strings, React draws the SVG.
// Series differ by dash pattern as well as colour. Over the SVG: the readout (ChartReadout) and,
// on the top chart, the marks as buttons (MarkerStrip); marks are drawn by FaultMarks.
import { useId } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import type { Point, TimeDomain } from './chartData';
import { ChartReadout } from './ChartReadout';
import type { ChartMark } from './chartMarks';
import { FaultMarks } from './FaultMarks';
import { groupMarks, placeGroupLabels } from './markLayout';
import { MarkerStrip } from './MarkerStrip';
import { Playhead } from './Playhead';
import type { ReadoutSeries } from './readout';
import './chartOverlays.css';

export type ChartSeries = ReadoutSeries;

export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
}

export interface TimeChartProps {
  /** What a screen reader hears for the whole chart: what it shows and the latest values. */
  readonly label: string;
  /** The chart's short name, for its readout ("Latency"). */
  readonly name: string;
  readonly width: number;
  readonly plotHeight: number;
  readonly domain: TimeDomain;
  readonly yScale: 'log' | 'linear';
  readonly yDomain: readonly [number, number];
  readonly yTicks: readonly number[];
  readonly formatY: (value: number) => string;
  readonly series: readonly ChartSeries[];
  readonly reference?: ReferenceLine;
  readonly marks: readonly ChartMark[];
  /** Rows of mark labels above the plot, and buttons for the marks; 0 draws markers only. */
  readonly markLabelRows: number;
  readonly showTimeAxis: boolean;
  /** The moment the timeline shows, while looking back or scrubbing; null when live. */
  readonly playheadS: number | null;
}

const MARGIN = { left: 56, right: 12 };
const MARKER_BAND = 14;
const LABEL_ROW = 17;
/** A generous average glyph width for bold chart labels (charts.css: 0.8em of an 18px lab at most). */
const CHAR_WIDTH_PX = 8;

export function TimeChart(props: TimeChartProps) {
  const { width, plotHeight, domain, yTicks, formatY, series, reference, marks, markLabelRows, showTimeAxis } = props;
  const clipId = `chart-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const top = MARKER_BAND + markLabelRows * LABEL_ROW;
  const bottom = showTimeAxis ? 26 : 6;
  const innerWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const x = scaleLinear([domain.startS, domain.endS], [0, innerWidth]);
  const y = (props.yScale === 'log' ? scaleLog() : scaleLinear())
    .domain(props.yDomain)
    .range([plotHeight, 0])
    .clamp(true);
  const path = line<Point>()
    .defined((p) => p.y !== null)
    .x((p) => x(p.x))
    .y((p) => y(p.y as number));
  const xTicks = x.ticks(Math.max(2, Math.floor(innerWidth / 90)));
  const groups = groupMarks(marks, x);
  const labels = placeGroupLabels(groups, innerWidth, markLabelRows, CHAR_WIDTH_PX);

  return (
    <div className="chart-frame" style={{ width }}>
      <svg className="chart" width={width} height={top + plotHeight + bottom} role="img" aria-label={props.label}>
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={-2} width={innerWidth} height={plotHeight + 4} />
          </clipPath>
        </defs>
        <g transform={`translate(${MARGIN.left},${top})`}>
          <rect className="chart-plot" width={innerWidth} height={plotHeight} />
          {yTicks.map((t) => (
            <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
              <line className="chart-grid" x2={innerWidth} />
              <text className="chart-tick" x={-6} dy="0.32em" textAnchor="end">
                {formatY(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
              <line className="chart-grid" y2={plotHeight} />
              {showTimeAxis && (
                <text className="chart-tick" y={plotHeight + 18} textAnchor="middle">
                  {`${t} s`}
                </text>
              )}
            </g>
          ))}
          {reference && (
            <g className="chart-reference" transform={`translate(0,${y(reference.value)})`}>
              <line x2={innerWidth} />
              <text x={innerWidth - 4} dy="-0.4em" textAnchor="end">
                {reference.label}
              </text>
            </g>
          )}
          <g clipPath={`url(#${clipId})`}>
            {series.map((s) => (
              <path
                key={s.key}
                className={`chart-series chart-series-${s.key}`}
                d={path(s.points as Point[]) ?? undefined}
              />
            ))}
          </g>
          <FaultMarks groups={groups} labels={labels} plotHeight={plotHeight} rowHeight={LABEL_ROW} />
          {props.playheadS !== null && (
            <Playhead timeS={props.playheadS} domain={domain} x={x} plotHeight={plotHeight} />
          )}
        </g>
      </svg>
      <ChartReadout
        name={props.name}
        series={series}
        domain={domain}
        x={x}
        invertX={(px) => x.invert(px)}
        y={y}
        left={MARGIN.left}
        top={top}
        innerWidth={innerWidth}
        plotHeight={plotHeight}
      />
      {markLabelRows > 0 && <MarkerStrip groups={groups} left={MARGIN.left} top={top} frameWidth={width} />}
    </div>
  );
}
