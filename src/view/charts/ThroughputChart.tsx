// Requests per second: offered by clients, served successfully, and failed.
import { scaleLinear } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import { formatRps } from '../metrics/format';
import { THROUGHPUT_KEYS, throughputMax, throughputOf, throughputPoints, type ThroughputKey } from './chartData';
import { Legend } from './Legend';
import { TimeChart } from './TimeChart';
import type { ChartProps } from './TimeSeriesCharts';

const DRAW_ORDER: readonly ThroughputKey[] = ['served', 'offered', 'errors'];
const LABELS: Record<ThroughputKey, string> = { offered: 'offered', served: 'served', errors: 'failed' };

function describe(latest: WindowMetrics | undefined): string {
  if (!latest) return 'No data yet.';
  return `Latest second: ${THROUGHPUT_KEYS.map((k) => `${LABELS[k]} ${formatRps(throughputOf(latest, k))}`).join(', ')}.`;
}

export function ThroughputChart({ windows, domain, width, marks, spanText, playheadS }: ChartProps) {
  const yDomain = scaleLinear([0, throughputMax(windows)], [0, 1])
    .nice(3)
    .domain() as [number, number];
  // Offered (dashed) is drawn over served (solid), so both show where they are equal.
  const series = DRAW_ORDER.map((key) => ({
    key,
    label: LABELS[key],
    points: throughputPoints(windows, key),
    format: formatRps,
  }));
  return (
    <div className="chart-block">
      <div className="chart-head">
        <h3 className="chart-title">
          Throughput <span className="chart-unit">req/s</span>
        </h3>
        <Legend entries={THROUGHPUT_KEYS.map((key) => ({ key, label: LABELS[key] }))} />
      </div>
      <TimeChart
        name="Throughput"
        label={`Requests per second over the last ${spanText}. ${describe(windows[windows.length - 1])}`}
        width={width}
        plotHeight={90}
        domain={domain}
        yScale="linear"
        yDomain={yDomain}
        yTicks={scaleLinear(yDomain, [0, 1]).ticks(3)}
        formatY={String}
        series={series}
        marks={marks}
        markLabelRows={0}
        showTimeAxis={false}
        playheadS={playheadS}
      />
    </div>
  );
}
