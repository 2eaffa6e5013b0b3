// A sweep under way: seeds done of the total, seeds a second, time left, and Cancel.
import { count, seedsPerSecond, timeLeft } from './sweepModel';

export interface SweepProgressProps {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  readonly onCancel: () => void;
}

export function SweepProgress({ done, total, elapsedMs, onCancel }: SweepProgressProps) {
  const rate = seedsPerSecond(done, elapsedMs);
  return (
    <div className="sweep-progress">
      <label htmlFor="sweep-progress-bar">
        Running seeds: <span data-testid="sweep-done">{count(done)}</span> of {count(total)}
      </label>
      <div className="sweep-progress-row">
        <progress id="sweep-progress-bar" max={total} value={done} />
        <button type="button" className="sweep-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="sweep-hint">
        {rate > 0 ? `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} seeds a second · ` : ''}
        {timeLeft(done, total, elapsedMs)}. The seeds run in background workers, so the page stays responsive.
      </p>
    </div>
  );
}
