// The latency histogram's SVG: bars on a log time axis and labelled lines for the median, the
// mean and the p99, each on its own label row so close values never hide one another.
import { scaleLinear, scaleLog } from 'd3';
import type { LatencySummary } from '../../sim/index';
import { formatMs } from '../metrics/format';
import { logTicks } from './chartData';
import { barsOf, coarsen, histogramDomain, mergeFactor } from './histogramData';

const MARGIN = { left: 56, right: 14, top: 52, bottom: 28 };
const PLOT_HEIGHT = 110;
const ROW = 16;

interface HistogramPlotProps {
  readonly width: number;
  readonly bins: readonly (readonly [number, number])[];
  readonly latencyMs: LatencySummary;
  readonly label: string;
}

const tickLabel = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

export function HistogramPlot({ width, bins, latencyMs, label }: HistogramPlotProps) {
  const innerWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const markers = [
    { key: 'p50', name: 'median', value: latencyMs.p50 },
    { key: 'mean', name: 'mean', value: latencyMs.mean },
    { key: 'p99', name: 'p99', value: latencyMs.p99 },
  ];
  const raw = barsOf(bins);
  const domain = histogramDomain(
    raw,
    markers.map((m) => m.value),
  );
  const x = scaleLog(domain, [0, innerWidth]).clamp(true);
  const span =
    raw.length > 0 ? x((raw[raw.length - 1] as (typeof raw)[0]).upperMs) - x((raw[0] as (typeof raw)[0]).lowerMs) : 0;
  const bars = coarsen(raw, mergeFactor(raw.length, span, 4));
  const total = bars.reduce((a, b) => a + b.count, 0);
  const maxShare = bars.reduce((a, b) => Math.max(a, b.count / Math.max(1, total)), 0);
  const y = scaleLinear([0, maxShare || 0.1], [PLOT_HEIGHT, 0]).nice(3);
  const yTicks = y.ticks(3);

  return (
    <svg
      className="chart histogram"
      width={width}
      height={MARGIN.top + PLOT_HEIGHT + MARGIN.bottom}
      role="img"
      aria-label={label}
    >
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <rect className="chart-plot" width={innerWidth} height={PLOT_HEIGHT} />
        {yTicks.map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line className="chart-grid" x2={innerWidth} />
            <text className="chart-tick" x={-6} dy="0.32em" textAnchor="end">{`${Math.round(t * 100)}%`}</text>
          </g>
        ))}
        {logTicks(domain, Math.max(3, Math.floor(innerWidth / 55))).map((t) => (
          <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
            <line className="chart-grid" y2={PLOT_HEIGHT} />
            <text className="chart-tick" y={PLOT_HEIGHT + 18} textAnchor="middle">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        {bars.map((b) => (
          <rect
            key={b.lowerMs}
            className="histogram-bar"
            x={x(b.lowerMs)}
            width={Math.max(1, x(b.upperMs) - x(b.lowerMs) - 1)}
            y={y(b.count / Math.max(1, total))}
            height={PLOT_HEIGHT - y(b.count / Math.max(1, total))}
          />
        ))}
        {markers.map((m, row) => {
          const px = x(m.value);
          const labelY = -MARGIN.top + ROW * (row + 1) - 2;
          const anchor = px > innerWidth * 0.72 ? 'end' : 'start';
          return (
            <g key={m.key} className={`histogram-marker histogram-marker-${m.key}`}>
              <line x1={px} x2={px} y1={labelY - 11} y2={PLOT_HEIGHT} />
              <text x={anchor === 'start' ? px + 5 : px - 5} y={labelY} textAnchor={anchor}>
                {`${m.name} ${formatMs(m.value)}`}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
