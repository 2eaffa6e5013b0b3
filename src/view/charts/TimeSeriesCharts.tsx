// Stacked charts on one simulated-time axis: latency, throughput, the cache, storage and app
// servers when the scenario has those tiers, and availability, with every fault and recovery the
// run noted marked on each, and the timeline's moment as a playhead while looking back. Redraws only when a window closes, an event is noted or the timeline moves.
import type { WindowMetrics } from '../../sim/index';
import { useApp } from '../../store/context';
import { selectShownEvents, selectShownWindows } from '../../store/selectors';
import { AvailabilityChart } from './AvailabilityChart';
import { timeDomain, visibleWindows, type TimeDomain } from './chartData';
import { marksBetween, marksFromEvents, type ChartMark } from './chartMarks';
import { selectLookBackMs, selectSlo } from './chartSelectors';
import { ChartsTable } from './ChartsTable';
import { pickScrub, pickSpan, useChartView } from './chartView';
import { LatencyChart } from './LatencyChart';
import { SpanPicker, spanText } from './SpanPicker';
import { ThroughputChart } from './ThroughputChart';
import { TierCharts } from './TierCharts';
import { useWidth } from './useWidth';
import './charts.css';

/** What every chart in the stack gets. */
export interface ChartProps {
  readonly windows: readonly WindowMetrics[];
  readonly domain: TimeDomain;
  readonly width: number;
  readonly marks: readonly ChartMark[];
  readonly spanText: string;
  readonly playheadS: number | null;
}

export function TimeSeriesCharts() {
  const windows = useApp(selectShownWindows);
  const events = useApp(selectShownEvents);
  const lookBackMs = useApp(selectLookBackMs);
  const slo = useApp(selectSlo);
  const [spanS, view] = useChartView(pickSpan);
  const [scrubMs] = useChartView(pickScrub);
  const [ref, width] = useWidth<HTMLDivElement>();
  const allMarks = marksFromEvents(events);

  const domain = timeDomain(windows, spanS, (lookBackMs ?? 0) / 1000);
  const shown = visibleWindows(windows, domain);
  const marks = marksBetween(allMarks, domain.startS, domain.endS);
  const playheadMs = scrubMs ?? lookBackMs;
  const props: ChartProps = {
    windows: shown,
    domain,
    width,
    marks,
    spanText: spanText(spanS),
    playheadS: playheadMs === null ? null : playheadMs / 1000,
  };

  return (
    <div className="chart-stack" ref={ref} data-testid="time-series-charts">
      <SpanPicker value={spanS} onChange={(spanS) => view.setState({ spanS })} />
      {width > 0 && (
        <>
          <LatencyChart {...props} sloP99Ms={slo.latencyMsP99} />
          <ThroughputChart {...props} />
          <TierCharts {...props} />
          <AvailabilityChart {...props} slo={slo.availability} />
        </>
      )}
      <ChartsTable windows={shown} marks={marks} />
    </div>
  );
}
