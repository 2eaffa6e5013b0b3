// The optional tiers' charts, on the stack's time axis and with its marks: the cache hit ratio and
// the operations that reach storage (when the scenario has a cache), and the app servers serving
// (when it can scale). Nothing is drawn for a scenario without these tiers.
import { scaleLinear } from 'd3';
import type { WindowMetrics } from '../../sim/index';
import { useApp } from '../../store/context';
import { selectTopology } from '../../store/selectors';
import { formatCount } from '../metrics/format';
import { formatHitShare } from '../metrics/tierFigures';
import { Legend } from './Legend';
import { TimeChart, type ChartSeries } from './TimeChart';
import type { ChartProps } from './TimeSeriesCharts';
import { appServersPoints, hitRatioOf, hitRatioPoints, linearMax, storageOpsPoints } from './tierChartData';
import './tierCharts.css';

interface SmallChartProps extends ChartProps {
  readonly title: string;
  readonly unit: string;
  readonly latest: string;
  readonly series: ChartSeries;
  readonly yDomain: readonly [number, number];
  readonly formatY: (v: number) => string;
}

/** One series over time, short: the tiers' charts sit between throughput and availability. */
function SmallChart({ title, unit, latest, series, yDomain, formatY, ...props }: SmallChartProps) {
  return (
    <div className="chart-block" data-testid={`chart-${series.key}`}>
      <div className="chart-head">
        <h3 className="chart-title">
          {title} <span className="chart-unit">{unit}</span>
        </h3>
        <Legend entries={[{ key: series.key, label: series.label }]} />
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
        series={[series]}
        marks={props.marks}
        markLabelRows={0}
        showTimeAxis={false}
        playheadS={props.playheadS}
      />
    </div>
  );
}

function latestText(windows: readonly WindowMetrics[], text: (w: WindowMetrics) => string): string {
  const latest = windows.at(-1);
  return latest ? `Latest second: ${text(latest)}.` : 'No data yet.';
}

const percentTick = (v: number) => `${Math.round(v * 100)}%`;

export function TierCharts(props: ChartProps) {
  const topology = useApp(selectTopology);
  const { windows } = props;
  const opsPoints = storageOpsPoints(windows);
  const opsMax = scaleLinear([0, linearMax(opsPoints, 10)], [0, 1])
    .nice(2)
    .domain() as [number, number];
  const serverPoints = appServersPoints(windows);
  const serversMax = Math.ceil(linearMax(serverPoints, 4));
  return (
    <>
      {topology?.cache && (
        <>
          <SmallChart
            {...props}
            title="Cache hit ratio"
            unit="% of lookups"
            latest={latestText(windows, (w) => {
              const share = hitRatioOf(w);
              return share === null ? 'no lookups' : `${formatHitShare(share)} of lookups hit`;
            })}
            series={{
              key: 'hit-ratio',
              label: 'hits / lookups',
              points: hitRatioPoints(windows),
              format: formatHitShare,
            }}
            yDomain={[0, 1]}
            formatY={percentTick}
          />
          <SmallChart
            {...props}
            title="Storage operations"
            unit="ops/s"
            latest={latestText(windows, (w) => `${Math.round(w.storageRps)} storage operations per second`)}
            series={{
              key: 'storage-ops',
              label: 'sent to storage replicas',
              points: opsPoints,
              format: (v) => `${Math.round(v)} ops/s`,
            }}
            yDomain={opsMax}
            formatY={String}
          />
        </>
      )}
      {topology?.scaling && (
        <SmallChart
          {...props}
          title="App servers serving"
          unit="machines"
          latest={latestText(windows, (w) => `${formatCount(w.appServersUp ?? 0)} app servers serving`)}
          series={{ key: 'app-servers', label: 'serving', points: serverPoints, format: formatCount }}
          yDomain={[0, serversMax]}
          formatY={String}
        />
      )}
    </>
  );
}
