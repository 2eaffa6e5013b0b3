// The figures a room reads from the back: availability against the SLO, error budget, latency
// percentiles, throughput and durability, plus the simulated time they refer to.
import { useMemo } from 'react';
import { useApp } from '../../store/context';
import { headlineOf, selectShownFrame, selectShownWindows } from '../../store/selectors';
import { selectSlo } from '../charts/chartSelectors';
import { DurabilityFigures } from './DurabilityFigures';
import { Figure } from './Figure';
import { NO_VALUE, formatAvailability, formatRps, formatSimTime, formatTarget, formatWholePercent } from './format';
import { LatencyFigures } from './LatencyFigures';
import { SloStatus } from './SloStatus';
import './metrics.css';

export function HeadlineMetrics() {
  const frame = useApp(selectShownFrame);
  const windows = useApp(selectShownWindows);
  const slo = useApp(selectSlo);
  const h = useMemo(() => headlineOf(frame, windows, slo.availability), [frame, windows, slo.availability]);
  const budgetLeft = h?.errorBudgetRemaining ?? 1;

  return (
    <div className="headline">
      <dl className="headline-grid">
        <Figure
          metric="availability"
          label="Availability, last 10 s"
          value={h ? formatAvailability(h.availability) : NO_VALUE}
          className="metric-tile-wide"
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
        <Figure metric="error-budget" label="Error budget left" value={formatWholePercent(budgetLeft)}>
          <span className="metric-budget-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, budgetLeft * 100)}%` }} />
          </span>
          <span className="metric-note">{budgetLeft <= 0 ? 'exhausted' : 'since start'}</span>
        </Figure>
        <Figure metric="sim-time" label="Simulated time" value={formatSimTime(frame?.timeMs ?? 0)} />
        <LatencyFigures latency={h?.latencyMs ?? null} targetP99Ms={slo.latencyMsP99} />
        <Figure
          metric="throughput"
          label="Served, last 1 s"
          value={formatRps(h?.servedRps ?? 0)}
          className="metric-tile-wide"
        >
          <span className="metric-note">
            of <span data-metric="offered">{formatRps(h?.offeredRps ?? 0)}</span> offered
          </span>
        </Figure>
        <DurabilityFigures
          ackedWritesLost={h?.ackedWritesLost ?? 0}
          underReplicated={h?.underReplicated ?? 0}
          copies={frame?.policy.replicationFactor ?? 0}
        />
      </dl>
    </div>
  );
}
