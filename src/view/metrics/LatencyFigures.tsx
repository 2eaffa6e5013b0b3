// The latency percentiles of the last closed one-second window, side by side, and whether the
// p99 meets its target. A dash, not "0 ms", when no request finished in that second.
import type { LatencySummary } from '../../sim/index';
import { ValueText } from './Figure';
import { NO_VALUE, formatMs } from './format';
import { SloStatus } from './SloStatus';

const PERCENTILES = [
  { key: 'p50', label: 'p50' },
  { key: 'p95', label: 'p95' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
] as const;

interface LatencyFiguresProps {
  readonly latency: LatencySummary | null;
  readonly targetP99Ms: number;
}

export function LatencyFigures({ latency, targetP99Ms }: LatencyFiguresProps) {
  const live = latency && latency.count > 0 ? latency : null;
  return (
    <div className="metric-tile metric-tile-latency">
      <dt className="metric-label">
        Latency, last 1 s{' '}
        {live && <SloStatus met={live.p99 <= targetP99Ms} what={`p99 target ${formatMs(targetP99Ms)}`} />}
      </dt>
      <dd className="metric-body metric-latency-row">
        {PERCENTILES.map(({ key, label }) => (
          <span key={key} className="metric-latency-item">
            <span className="metric-latency-label">{label}</span>
            <ValueText metric={key} text={live ? formatMs(live[key]) : NO_VALUE} />
          </span>
        ))}
      </dd>
    </div>
  );
}
