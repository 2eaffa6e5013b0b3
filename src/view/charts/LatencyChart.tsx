// Latency percentiles per one-second window on a log scale, with the p99 target as a line, and
// the servers' own mean work time beside them: the part of the users' wait a server-side
// dashboard would show.
import type { WindowMetrics } from '../../sim/index';
import { formatMs } from '../metrics/format';
import { LATENCY_KEYS, latencyDomain, latencyPoints, logTicks, serverWorkPoints, type LatencyKey } from './chartData';
import { Legend } from './Legend';
import { TimeChart } from './TimeChart';
import type { ChartProps } from './TimeSeriesCharts';
import { marksText } from './chartMarks';

export const LATENCY_LABELS: Record<LatencyKey, string> = { p50: 'p50', p95: 'p95', p99: 'p99', p999: 'p99.9' };

function tickLabel(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

function describe(latest: WindowMetrics | undefined): string {
  if (!latest || latest.latencyMs.count === 0) return 'No request finished in the latest second.';
  const values = LATENCY_KEYS.map((k) => `${LATENCY_LABELS[k]} ${formatMs(latest.latencyMs[k])}`);
  const server =
    latest.worked > 0 ? ` The servers timed their own work at ${formatMs(latest.serverWorkMs)} on average.` : '';
  return `Latest second: ${values.join(', ')}.${server}`;
}

/** The servers' line's legend entry; it says so when their work is too short to show on this axis. */
function serverLabel(latest: WindowMetrics | undefined, floorMs: number): string {
  const below = latest !== undefined && latest.worked > 0 && latest.serverWorkMs < floorMs;
  return below ? `server work (mean): under ${tickLabel(floorMs)}, below the chart` : 'server work (mean)';
}

export function LatencyChart({
  windows,
  domain,
  width,
  marks,
  spanText,
  playheadS,
  sloP99Ms,
}: ChartProps & { readonly sloP99Ms: number }) {
  const yDomain = latencyDomain(windows, sloP99Ms);
  const series = [
    ...LATENCY_KEYS.map((key) => ({
      key,
      label: LATENCY_LABELS[key],
      points: latencyPoints(windows, key),
      format: formatMs,
    })),
    { key: 'server', label: 'server work', points: serverWorkPoints(windows, yDomain[0]), format: formatMs },
  ];
  const label = `Latency percentiles per second over the last ${spanText}, log scale. ${describe(windows[windows.length - 1])} ${marksText(marks)}`;
  return (
    <div className="chart-block">
      <div className="chart-head">
        <h3 className="chart-title">
          Latency <span className="chart-unit">per second, log scale</span>
        </h3>
        <Legend
          entries={[
            ...LATENCY_KEYS.map((key) => ({ key, label: LATENCY_LABELS[key] })),
            { key: 'server', label: serverLabel(windows[windows.length - 1], yDomain[0]) },
          ]}
        />
      </div>
      <TimeChart
        label={label}
        name="Latency"
        width={width}
        plotHeight={110}
        domain={domain}
        yScale="log"
        yDomain={yDomain}
        yTicks={logTicks(yDomain, 5)}
        formatY={tickLabel}
        series={series}
        reference={{ value: sloP99Ms, label: `p99 target ${formatMs(sloP99Ms)}` }}
        marks={marks}
        markLabelRows={2}
        showTimeAxis={false}
        playheadS={playheadS}
      />
    </div>
  );
}
