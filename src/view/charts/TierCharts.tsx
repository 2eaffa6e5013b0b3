// The optional tiers' charts, on the stack's time axis and with its marks: the cache hit ratio and
// the operations that reach storage (when the scenario has a cache), and the app servers serving
// (when it can scale), and the data pipeline's (PipelineCharts.tsx). Nothing is drawn for a
// scenario without these tiers.
import { scaleLinear } from 'd3';
import { useApp } from '../../store/context';
import { selectTopology } from '../../store/selectors';
import { formatCount } from '../metrics/format';
import { formatHitShare } from '../metrics/tierFigures';
import { PipelineCharts } from './PipelineCharts';
import { SmallChart, latestText } from './SmallChart';
import type { ChartProps } from './TimeSeriesCharts';
import { appServersPoints, hitRatioOf, hitRatioPoints, linearMax, storageOpsPoints } from './tierChartData';
import './tierCharts.css';

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
      <PipelineCharts {...props} />
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
