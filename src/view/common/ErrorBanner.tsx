// Shows why a command was rejected (or the simulation stopped), in words, until dismissed.
import { selectActions, selectCommandError, selectSimError } from '../../store/selectors';
import { useApp } from '../../store/context';

export function ErrorBanner() {
  const commandError = useApp(selectCommandError);
  const simError = useApp(selectSimError);
  const actions = useApp(selectActions);
  const message = simError ?? commandError;
  if (!message) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{simError ? `The simulation stopped: ${simError}` : message}</span>
      <button type="button" onClick={actions.dismissError}>
        Dismiss
      </button>
    </div>
  );
}
