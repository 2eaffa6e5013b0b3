// The figures a room reads from the back: availability against the SLO, errors, error budget,
// latency percentiles, throughput and durability (and the cache and scaling when the scenario has
// them), and the simulated time they refer to. Every
// judged figure reads over one window the user picks (the last 10 or 60 s, or the whole run),
// named in each tile's label, so a verdict never sits beside a figure from another window.
// Compact enough to stay in view beside the picture at 1280×720, large enough for a projector.
import { useApp } from '../../store/context';
import { selectShownFrame } from '../../store/selectors';
import { selectSlo } from '../charts/chartSelectors';
import { DurabilityFigures } from './DurabilityFigures';
import { Figure } from './Figure';
import { NO_VALUE, formatAvailability, formatRps, formatSimTime, formatTarget, formatWholePercent } from './format';
import { ErrorBudgetFigure } from './ErrorBudgetFigure';
import { LatencyFigures } from './LatencyFigures';
import { SloStatus } from './SloStatus';
import { TierFigures } from './TierFigures';
import { useFigureWindow, useWindowFigures } from './useWindowFigures';
import { WindowPicker } from './WindowPicker';
import './metrics.css';

export function HeadlineMetrics() {
  const frame = useApp(selectShownFrame);
  const slo = useApp(selectSlo);
  const [window] = useFigureWindow();
  const h = useWindowFigures();
  const over = window.label;

  return (
    <div className="headline">
      <div className="headline-bar">
        <p className="headline-time">
          Figures at <span data-metric="sim-time">{formatSimTime(frame?.timeMs ?? 0)}</span> simulated
        </p>
        <WindowPicker />
      </div>
      <dl className="headline-grid">
        <Figure
          metric="availability"
          label={`Availability, ${over}`}
          value={h ? formatAvailability(h.availability) : NO_VALUE}
        >
          <span className="metric-note">
            SLO {formatTarget(slo.availability)}
            {h && (
              <>
                {' · '}
                <SloStatus met={h.availabilityMet} />
              </>
            )}
          </span>
        </Figure>
        <Figure
          metric="errors"
          label={`Errors, ${over}`}
          value={formatRps(h?.errorsRps ?? 0)}
          className={(h?.failed ?? 0) > 0 ? 'metric-tile-warn' : ''}
        >
          <span className="metric-note">{formatWholePercent(h?.errorShare ?? 0)} of replies</span>
        </Figure>
        <ErrorBudgetFigure windowLabel={over} used={h?.budgetUsed ?? 0} exhausted={h?.budgetExhausted ?? false} />
        <LatencyFigures
          windowLabel={over}
          latency={h?.latencyMs ?? null}
          p99AllMs={h?.p99AllMs ?? null}
          p99Met={h?.p99Met ?? null}
          targetP99Ms={slo.latencyMsP99}
        />
        <Figure metric="throughput" label={`Served, ${over}`} value={formatRps(h?.servedRps ?? 0)}>
          <span className="metric-note">
            of <span data-metric="offered">{formatRps(h?.offeredRps ?? 0)}</span> offered
          </span>
        </Figure>
        <DurabilityFigures
          ackedWritesLost={h?.ackedWritesLost ?? 0}
          underReplicated={h?.underReplicated ?? 0}
          copies={frame?.policy.replicationFactor ?? 0}
        />
        <TierFigures />
      </dl>
    </div>
  );
}
