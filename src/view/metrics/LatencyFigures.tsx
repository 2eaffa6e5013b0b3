// Latency over the chosen window: the percentiles of the successful requests side by side, then
// the p99 of all requests (a failed request counts as slower than any success) and whether that
// meets the target. The verdict reads the second figure, so a target is never met while many
// requests fail. A dash, not "0 ms", when no request finished in the window.
import type { Percentiles } from '../../store/windowFigures';
import { ValueText } from './Figure';
import { NO_VALUE, formatMs, formatP99All } from './format';
import { SloStatus } from './SloStatus';

const PERCENTILES = [
  { key: 'p50', label: 'p50' },
  { key: 'p95', label: 'p95' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
] as const;

interface LatencyFiguresProps {
  /** "last 10 s", "whole run". */
  readonly windowLabel: string;
  readonly latency: Percentiles | null;
  readonly p99AllMs: number | null;
  readonly p99Met: boolean | null;
  readonly targetP99Ms: number;
}

export function LatencyFigures({ windowLabel, latency, p99AllMs, p99Met, targetP99Ms }: LatencyFiguresProps) {
  const failed = p99AllMs === Number.POSITIVE_INFINITY;
  return (
    <div className="metric-tile metric-tile-latency">
      <dt className="metric-label">Latency of successful requests, {windowLabel}</dt>
      <dd className="metric-body">
        <span className="metric-latency-row">
          {PERCENTILES.map(({ key, label }) => (
            <span key={key} className="metric-latency-item">
              <span className="metric-latency-label">{label}</span>
              <ValueText metric={key} text={latency ? formatMs(latency[key]) : NO_VALUE} />
            </span>
          ))}
        </span>
        <span className="metric-latency-all">
          <span className="metric-latency-all-label" title="Failed requests count as slower than any success">
            p99 of all requests<span className="visually-hidden"> (failed requests count as the slowest)</span>:
          </span>{' '}
          <span className="metric-latency-all-value" data-metric="p99-all">
            {formatP99All(p99AllMs)}
          </span>
          {failed && <span className="visually-hidden"> (more than 1% of requests failed)</span>}
          {p99Met !== null && (
            <>
              {' '}
              <SloStatus met={p99Met} what={`target ${formatMs(targetP99Ms)}`} />
            </>
          )}
        </span>
      </dd>
    </div>
  );
}
