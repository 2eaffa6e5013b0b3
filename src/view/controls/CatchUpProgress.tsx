// The bar shown while the worker rebuilds a run (a link, a file, a lesson step, a timeline jump)
// or simulates far ahead (a step or a host page's seek): how far it got, and a way to stop it.
// Escape stops it too (KeyboardShortcuts).
import type { AppState } from '../../store/appState';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';
import './catchUp.css';

const selectCatchUp = (s: AppState) => s.catchUp;

export function CatchUpProgress() {
  const catchUp = useApp(selectCatchUp);
  const actions = useApp(selectActions);
  if (!catchUp) return null;
  const percent = Math.floor(catchUp.doneShare * 100);
  const doing = catchUp.task === 'replay' ? 'Replaying…' : 'Catching up…';
  return (
    <div className="catch-up">
      <span className="catch-up-text" aria-hidden="true">
        {doing} {percent}%
      </span>
      <div
        className="catch-up-bar"
        role="progressbar"
        aria-label={doing}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% done. Press Escape or Cancel to stop here.`}
      >
        <div className="catch-up-fill" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" onClick={actions.cancelCatchUp}>
        Cancel
      </button>
    </div>
  );
}
