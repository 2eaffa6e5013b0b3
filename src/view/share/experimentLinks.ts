// Opens an experiment link (`#x=…`) when the page loads or the fragment changes: the run is
// rebuilt by replay in the worker. A bad link never runs as something else: the lab says what
// was wrong and keeps the default scenario, or, when only its commands name parts the cluster
// lacks, opens the link's own cluster from the start so the learner still has what was shared.
import { decodeFragment } from '../../share/link';
import type { AppStore } from '../../store/appState';

export function startExperimentLinks(store: AppStore, win: Window = window): () => void {
  const openFromHash = () => {
    const result = decodeFragment(win.location.hash);
    if (result === null) return;
    const { actions } = store.getState();
    if (!result.ok && result.fallback) {
      actions.openExperiment(result.fallback);
      // After opening, which clears the banner of the run before.
      actions.showProblem(
        `This link's actions could not be replayed: ${result.error} Showing its cluster from the start, without them.`,
      );
      return;
    }
    if (!result.ok) {
      actions.showProblem(`This link could not be opened: ${result.error} Showing the default scenario instead.`);
      return;
    }
    actions.openExperiment(result.experiment);
  };
  // After the lab's own first run has started (queued as a microtask), so this one replaces it.
  queueMicrotask(openFromHash);
  win.addEventListener('hashchange', openFromHash);
  return () => win.removeEventListener('hashchange', openFromHash);
}
