// After playing or acting from an earlier moment: says which part of the run the new branch
// replaced, with a button that brings it back (the same as Undo, while nothing else was done).
import type { AppState } from '../../store/appState';
import { useApp } from '../../store/context';
import { describeFork, undoRestoresFork } from '../../store/fork';
import { selectActions } from '../../store/selectors';
import './forkNotice.css';

const selectForkWords = (s: AppState) => (s.fork && undoRestoresFork(s) ? describeFork(s.fork) : null);

export function ForkNotice() {
  const words = useApp(selectForkWords);
  const actions = useApp(selectActions);
  // The live region is always there (empty until a fork) so screen readers hear the notice appear.
  return (
    <div role="status" className="timeline-fork-region">
      {words && (
        <p className="timeline-fork" data-testid="fork-notice">
          {words}{' '}
          <button type="button" onClick={actions.undoLastAction}>
            Undo: bring it back
          </button>
        </p>
      )}
    </div>
  );
}
