// The error budget over the chosen window: of the failures the SLO allows for the requests that
// finished in it, (1 − SLO) × finished, the share used. Said "exhausted" (an icon and a word)
// once it is all used, which is exactly when availability misses over the same window.
import { Figure } from './Figure';
import { formatBudgetUsed } from './format';

interface ErrorBudgetFigureProps {
  readonly windowLabel: string;
  readonly used: number;
  readonly exhausted: boolean;
}

export function ErrorBudgetFigure({ windowLabel, used, exhausted }: ErrorBudgetFigureProps) {
  return (
    <Figure
      metric="error-budget"
      label={`Error budget, ${windowLabel}`}
      value={`${formatBudgetUsed(used)} used`}
      className={exhausted ? 'metric-tile-warn metric-budget-exhausted' : ''}
    >
      <span className="metric-budget-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, used) * 100)}%` }} />
      </span>
      <span className="metric-note metric-budget-state" data-testid="error-budget-state">
        {exhausted ? (
          <>
            <span aria-hidden="true">✗ </span>exhausted
          </>
        ) : (
          'left to spend'
        )}
      </span>
    </Figure>
  );
}
