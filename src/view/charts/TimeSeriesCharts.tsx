// Three stacked charts on one simulated-time axis: latency, throughput, availability, with
// injected faults marked on each. Redraws only when a window closes or a fault is marked.
import { useState } from 'react';
import type { WindowMetrics } from '../../sim/index';
import type { FaultMark } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectShownMarks, selectShownWindows } from '../../store/selectors';
import { AvailabilityChart } from './AvailabilityChart';
import { DEFAULT_SPAN_S, timeDomain, visibleWindows, type SpanS, type TimeDomain } from './chartData';
import { selectSlo } from './chartSelectors';
import { ChartsTable } from './ChartsTable';
import { LatencyChart } from './LatencyChart';
import { SpanPicker, spanText } from './SpanPicker';
import { ThroughputChart } from './ThroughputChart';
import { useWidth } from './useWidth';
import './charts.css';

/** What every chart in the stack gets. */
export interface ChartProps {
  readonly windows: readonly WindowMetrics[];
  readonly domain: TimeDomain;
  readonly width: number;
  readonly marks: readonly FaultMark[];
  readonly spanText: string;
}

export function TimeSeriesCharts() {
  const windows = useApp(selectShownWindows);
  const allMarks = useApp(selectShownMarks);
  const slo = useApp(selectSlo);
  const [spanS, setSpanS] = useState<SpanS>(DEFAULT_SPAN_S);
  const [ref, width] = useWidth<HTMLDivElement>();

  const domain = timeDomain(windows, spanS);
  const shown = visibleWindows(windows, domain);
  const marks = allMarks.filter((m) => m.timeMs / 1000 >= domain.startS && m.timeMs / 1000 <= domain.endS);
  const props: ChartProps = { windows: shown, domain, width, marks, spanText: spanText(spanS) };

  return (
    <div className="chart-stack" ref={ref} data-testid="time-series-charts">
      <SpanPicker value={spanS} onChange={setSpanS} />
      {width > 0 && (
        <>
          <LatencyChart {...props} sloP99Ms={slo.latencyMsP99} />
          <ThroughputChart {...props} />
          <AvailabilityChart {...props} slo={slo.availability} />
        </>
      )}
      <ChartsTable windows={shown} marks={marks} />
    </div>
  );
}
