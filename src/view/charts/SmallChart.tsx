// One or two series over time, short: the tiers' charts sit between throughput and availability.
// Each series has a dash pattern and a legend entry as well as a colour.
import { scaleLinear } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import { Legend } from './Legend';
import { TimeChart, type ChartSeries } from './TimeChart';
import type { ChartProps } from './TimeSeriesCharts';

interface SmallChartProps extends ChartProps {
  readonly title: string;
  readonly unit: string;
  readonly latest: string;
  readonly series: ChartSeries | readonly ChartSeries[];
  readonly yDomain: readonly [number, number];
  readonly formatY: (v: number) => string;
  /** data-testid is `chart-<this>`; the first series' key when not given. */
  readonly testId?: string;
}

export function SmallChart(allProps: SmallChartProps) {
  const { title, unit, latest, series: one, yDomain, formatY, testId, ...props } = allProps;
  const series: readonly ChartSeries[] = 'key' in one ? [one] : one;
  const first = series[0] as ChartSeries;
  return (
    <div className="chart-block" data-testid={`chart-${testId ?? first.key}`}>
      <div className="chart-head">
        <h3 className="chart-title">
          {title} <span className="chart-unit">{unit}</span>
        </h3>
        <Legend entries={series.map((s) => ({ key: s.key, label: s.label }))} />
      </div>
      <TimeChart
        name={title}
        label={`${title} per second over the last ${props.spanText}. ${latest}`}
        width={props.width}
        plotHeight={60}
        domain={props.domain}
        yScale="linear"
        yDomain={yDomain}
        yTicks={scaleLinear(yDomain, [0, 1]).ticks(2)}
        formatY={formatY}
        series={series}
        marks={props.marks}
        markLabelRows={0}
        showTimeAxis={false}
        playheadS={props.playheadS}
      />
    </div>
  );
}

/** The chart's latest second in words, for its label. */
export function latestText(windows: readonly WindowMetrics[], text: (w: WindowMetrics) => string): string {
  const latest = windows.at(-1);
  return latest ? `Latest second: ${text(latest)}.` : 'No data yet.';
}
