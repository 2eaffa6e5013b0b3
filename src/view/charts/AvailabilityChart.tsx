// Availability per one-second window against the SLO line; the time axis is labelled here,
// at the bottom of the stack.
import { scaleLinear } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import { formatAvailability, formatTarget } from '../metrics/format';
import { availabilityDomain, availabilityPoints, percentDecimals } from './chartData';
import { Legend } from './Legend';
import { TimeChart } from './TimeChart';
import type { ChartProps } from './TimeSeriesCharts';

function describe(windows: readonly WindowMetrics[], slo: number): string {
  const latest = windows[windows.length - 1];
  if (!latest) return 'No data yet.';
  const below = windows.filter((w) => w.availability < slo).length;
  return `Latest second: ${formatAvailability(latest.availability)}. ${below} of ${windows.length} seconds shown were below the SLO.`;
}

export function AvailabilityChart({
  windows,
  domain,
  width,
  marks,
  spanText,
  playheadS,
  slo,
}: ChartProps & { readonly slo: number }) {
  const scale = scaleLinear(availabilityDomain(windows, slo), [0, 1]).nice(3);
  const yDomain = scale.domain() as [number, number];
  const yTicks = scale.ticks(3);
  const decimals = percentDecimals((yTicks[1] ?? 1) - (yTicks[0] ?? 0));
  return (
    <div className="chart-block">
      <div className="chart-head">
        <h3 className="chart-title">
          Availability <span className="chart-unit">per second</span>
        </h3>
        <Legend
          entries={[
            { key: 'availability', label: 'succeeded / finished' },
            { key: 'slo', label: `SLO ${formatTarget(slo)}` },
          ]}
        />
      </div>
      <TimeChart
        name="Availability"
        label={`Availability per second over the last ${spanText}, SLO ${formatTarget(slo)}. ${describe(windows, slo)}`}
        width={width}
        plotHeight={90}
        domain={domain}
        yScale="linear"
        yDomain={yDomain}
        yTicks={yTicks}
        formatY={(v) => `${(v * 100).toFixed(decimals)}%`}
        series={[
          {
            key: 'availability',
            label: 'availability',
            points: availabilityPoints(windows),
            format: formatAvailability,
          },
        ]}
        reference={{ value: slo, label: `SLO ${formatTarget(slo)}` }}
        marks={marks}
        markLabelRows={0}
        showTimeAxis
        playheadS={playheadS}
      />
    </div>
  );
}
