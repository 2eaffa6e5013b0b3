// The latency of every request since the run began, as a histogram on a log axis, with the
// median, mean and p99 marked and compared in words: a long tail pulls the mean and p99 away.
import { useApp } from '../../store/context';
import { formatCount, formatMs } from '../metrics/format';
import { selectHistogramSample } from './chartSelectors';
import { compareInWords } from './histogramData';
import { HistogramPlot } from './HistogramPlot';
import { useWidth } from './useWidth';
import './charts.css';

export function LatencyHistogram() {
  const sample = useApp(selectHistogramSample);
  const [ref, width] = useWidth<HTMLDivElement>();
  const latency = sample?.latencyMs;
  const hasData = sample !== null && latency !== undefined && latency.count > 0;

  return (
    <div className="latency-histogram" ref={ref} data-testid="latency-histogram">
      {!hasData && <p className="chart-empty">No request has finished yet. Step or play the simulation.</p>}
      {hasData && (
        <>
          <p className="histogram-caption">
            {compareInWords(latency)}{' '}
            <span className="histogram-caption-aside">
              All {formatCount(latency.count)} successful requests so far.
            </span>
          </p>
          {width > 0 && (
            <HistogramPlot
              width={width}
              bins={sample.bins}
              latencyMs={latency}
              label={`Histogram of the latency of all ${formatCount(latency.count)} successful requests so far, log time axis. Median ${formatMs(latency.p50)}, mean ${formatMs(latency.mean)}, p99 ${formatMs(latency.p99)}.`}
            />
          )}
        </>
      )}
    </div>
  );
}
