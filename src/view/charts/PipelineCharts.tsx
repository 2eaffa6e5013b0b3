// The data pipeline's charts (issue 15), on the stack's time axis and with its marks: each consumer
// group's lag in events, the search index's staleness in seconds, and the log's appends per second.
// Each is drawn only when the run has the part (the shown frame says so from the first frame on).
import { scaleLinear } from 'd3';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import type { Point } from './chartData';
import { SmallChart, latestText } from './SmallChart';
import type { ChartProps } from './TimeSeriesCharts';
import { lagPoints, linearMax, logAppendPoints, stalenessPoints } from './tierChartData';
import { formatEventRate, formatEvents, formatLagSeconds } from '../metrics/pipelineFigures';
import './tierCharts.css';

const selectHasLog = (s: AppState) => (s.shown.frame?.pipeline?.log ?? null) !== null;
const selectHasIndex = (s: AppState) => (s.shown.frame?.pipeline?.index ?? null) !== null;
/** "indexer=indexer,notifier=notifier": each group's role and name, as one stable string. */
const selectGroups = (s: AppState) => s.shown.frame?.pipeline?.groups.map((g) => `${g.role}=${g.name}`).join(',') ?? '';

/** A linear axis from 0 to a round number just above the points' largest value. */
function niceDomain(points: readonly Point[], floor: number): [number, number] {
  return scaleLinear([0, linearMax(points, floor)], [0, 1])
    .nice(2)
    .domain() as [number, number];
}

export function PipelineCharts(props: ChartProps) {
  const hasLog = useApp(selectHasLog);
  const hasIndex = useApp(selectHasIndex);
  const groups = useApp(selectGroups);
  const { windows } = props;
  const roles = groups
    .split(',')
    .filter((g) => g !== '')
    .map((g) => g.split('=') as ['indexer' | 'notifier', string])
    // The windows keep one lag per role.
    .filter(([role], i, all) => all.findIndex(([r]) => r === role) === i);
  const lag = roles.map(([role, name]) => ({
    key: `lag-${role}`,
    label: name,
    points: lagPoints(windows, role),
    format: formatEvents,
  }));
  const appends = logAppendPoints(windows);
  const staleness = stalenessPoints(windows);
  return (
    <>
      {lag.length > 0 && (
        <SmallChart
          {...props}
          testId="consumer-lag"
          title="Consumer lag"
          unit="events not processed"
          latest={latestText(windows, (w) =>
            roles
              .map(([role, name]) => {
                const events = role === 'indexer' ? w.indexerLagEvents : w.notifierLagEvents;
                return `${name} ${formatEvents(events ?? 0)} behind`;
              })
              .join(', '),
          )}
          series={lag}
          yDomain={niceDomain(
            lag.flatMap((s) => s.points),
            10,
          )}
          formatY={String}
        />
      )}
      {hasIndex && (
        <SmallChart
          {...props}
          title="Index staleness"
          unit="s behind the database"
          latest={latestText(windows, (w) => `the index is ${formatLagSeconds(w.stalenessSeconds ?? 0)} behind`)}
          series={{ key: 'index-staleness', label: 'staleness', points: staleness, format: formatLagSeconds }}
          yDomain={niceDomain(staleness, 1)}
          formatY={String}
        />
      )}
      {hasLog && (
        <SmallChart
          {...props}
          title="Log appends"
          unit="events/s"
          latest={latestText(windows, (w) => `${formatEvents(w.logAppends ?? 0)} appended`)}
          series={{ key: 'log-appends', label: 'appended', points: appends, format: formatEventRate }}
          yDomain={niceDomain(appends, 10)}
          formatY={String}
        />
      )}
    </>
  );
}
