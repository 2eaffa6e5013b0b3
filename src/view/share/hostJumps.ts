// A host page may send seeks and loads faster than the lab can rebuild runs (a slider dragged in
// the host, a script in a loop). Only the latest waits: it is taken at the next task, after the
// rest of a burst, or, for a seek ahead of a run that is still busy, once the run answers. So a
// thousand seeks cost one rebuild, and memory stays flat however many arrive.
import type { HostMessage, LabMessage } from '../../share/hostMessages';
import { decodeFragment } from '../../share/link';
import type { AppState, AppStore } from '../../store/appState';

export type Jump = Extract<HostMessage, { type: 'faultline:seek' | 'faultline:load' }>;

/** Whether a time lies beyond the run (or the branch looked back on): reached by simulating on. */
function goesAhead(s: AppState, timeMs: number): boolean {
  return timeMs > (s.past?.endMs ?? s.frame?.timeMs ?? 0);
}

/** Back (or forward within a branch looked back on) by replay; beyond it, by simulating on. */
function seek(store: AppStore, timeMs: number): void {
  const s = store.getState();
  const { actions } = s;
  if (!goesAhead(s, timeMs)) return actions.seek(timeMs);
  if (s.past) actions.seek(s.past.endMs);
  actions.pause();
  actions.advanceTo(timeMs, Number.POSITIVE_INFINITY);
}

export function createJumpWaiter(store: AppStore, tell: (message: LabMessage) => void, win: Window) {
  let waiting: Jump | null = null;
  let scheduled = false;

  const take = () => {
    scheduled = false;
    const jump = waiting;
    if (!jump) return;
    const s = store.getState();
    // A seek ahead goes on from where the run is, so it waits for the run's answer.
    if (jump.type === 'faultline:seek' && goesAhead(s, jump.timeMs) && s.pending) return;
    waiting = null;
    if (jump.type === 'faultline:seek') return seek(store, jump.timeMs);
    const result = decodeFragment(`#x=${jump.experiment}`);
    if (!result?.ok) return tell({ type: 'faultline:error', message: result?.error ?? 'No experiment.' });
    s.actions.openExperiment(result.experiment);
  };

  const wait = (jump: Jump) => {
    waiting = jump;
    if (scheduled) return;
    scheduled = true;
    win.setTimeout(take, 0);
  };

  return {
    wait,
    /** Called on every change of the store: a seek that waited for the run goes once it answers. */
    onStoreChange(s: AppState) {
      if (waiting && !s.pending) wait(waiting);
    },
  };
}
