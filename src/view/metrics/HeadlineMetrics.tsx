// The figures a room reads from the back: availability against the SLO, errors, error budget,
// latency percentiles, throughput and durability, and the simulated time they refer to. Compact
// enough to stay in view beside the picture at 1280×720, large enough to read on a projector.
import { useMemo } from 'react';
import type { WindowMetrics } from '../../sim/index';
import { useApp } from '../../store/context';
import { headlineOf, selectShownFrame, selectShownWindows } from '../../store/selectors';
import { throughputOf } from '../charts/chartData';
import { selectSlo } from '../charts/chartSelectors';
import { DurabilityFigures } from './DurabilityFigures';
import { Figure } from './Figure';
import { NO_VALUE, formatAvailability, formatRps, formatSimTime, formatTarget, formatWholePercent } from './format';
import { LatencyFigures } from './LatencyFigures';
import { SloStatus } from './SloStatus';
import './metrics.css';

/** The last closed second's failed replies: how many a second, and their share of all replies. */
function errorsOf(last: WindowMetrics | undefined): { rps: number; share: number } {
  if (!last) return { rps: 0, share: 0 };
  const finished = last.succeeded + last.failed;
  return { rps: throughputOf(last, 'errors'), share: finished > 0 ? last.failed / finished : 0 };
}

export function HeadlineMetrics() {
  const frame = useApp(selectShownFrame);
  const windows = useApp(selectShownWindows);
  const slo = useApp(selectSlo);
  const h = useMemo(() => headlineOf(frame, windows, slo.availability), [frame, windows, slo.availability]);
  const budgetLeft = h?.errorBudgetRemaining ?? 1;
  const errors = errorsOf(windows.at(-1));

  return (
    <div className="headline">
      <p className="headline-time">
        Figures at <span data-metric="sim-time">{formatSimTime(frame?.timeMs ?? 0)}</span> simulated
      </p>
      <dl className="headline-grid">
        <Figure
          metric="availability"
          label="Availability, last 10 s"
          value={h ? formatAvailability(h.availability) : NO_VALUE}
        >
          <span className="metric-note">
            SLO {formatTarget(slo.availability)}
            {h && (
              <>
                {' · '}
                <SloStatus met={h.availability >= slo.availability} />
              </>
            )}
          </span>
        </Figure>
        <Figure
          metric="errors"
          label="Errors, last 1 s"
          value={formatRps(errors.rps)}
          className={errors.rps > 0 ? 'metric-tile-warn' : ''}
        >
          <span className="metric-note">{formatWholePercent(errors.share)} of replies</span>
        </Figure>
        <LatencyFigures latency={h?.latencyMs ?? null} targetP99Ms={slo.latencyMsP99} />
        <Figure metric="throughput" label="Served, last 1 s" value={formatRps(h?.servedRps ?? 0)}>
          <span className="metric-note">
            of <span data-metric="offered">{formatRps(h?.offeredRps ?? 0)}</span> offered
          </span>
        </Figure>
        <DurabilityFigures
          ackedWritesLost={h?.ackedWritesLost ?? 0}
          underReplicated={h?.underReplicated ?? 0}
          copies={frame?.policy.replicationFactor ?? 0}
        />
        <Figure metric="error-budget" label="Error budget left" value={formatWholePercent(budgetLeft)}>
          <span className="metric-budget-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, budgetLeft * 100)}%` }} />
          </span>
          <span className="metric-note">{budgetLeft <= 0 ? 'exhausted' : 'since start'}</span>
        </Figure>
      </dl>
    </div>
  );
}
