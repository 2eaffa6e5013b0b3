// How closely the views follow the simulation while it plays. The worker may answer every frame;
// redrawing the costly views (cluster, figures, charts, log) that often would spend the page's
// whole budget on a big cluster, and a clock changing 60 times a second only costs renders. So
// while playing, the costly views follow every SHOW_MS (twice that flat out) and the clock every
// CLOCK_MS; paused, stepping or after a command, both follow at once. When both are due they
// change in one store update: every update runs every subscribed selector and may cost a commit.
// While playing, a shown update comes in two halves on successive replies, the picture and its
// figures first, then the charts and the log: redrawn in one go, a 500-node cluster and its
// charts overran a frame once a second.
import { CLOCK_MS, SHOW_MS, type AppState, type AppStore } from './appState';

export function createViewCadence(store: AppStore): { refresh(force: boolean): void } {
  let lastShownAt = Number.NEGATIVE_INFINITY;
  let lastClockAt = Number.NEGATIVE_INFINITY;
  /** The charts' and log's half of a shown update, left for the next refresh. */
  let restDue = false;

  function shownUpdate(s: AppState, force: boolean, now: number): Pick<AppState, 'shown'> | null {
    const shown = s.shown;
    const frameChanged = shown.frame !== s.frame;
    const restChanged = shown.windows !== s.windows || shown.events !== s.events || shown.marks !== s.marks;
    const due = force || !s.playing || now - lastShownAt >= SHOW_MS * (s.speed >= 50 ? 2 : 1);
    if (!due) {
      if (!restDue || !restChanged) return null;
      restDue = false;
      return { shown: { ...shown, windows: s.windows, events: s.events, marks: s.marks } };
    }
    if (!frameChanged && !restChanged) return null;
    lastShownAt = now;
    restDue = !force && s.playing && frameChanged && restChanged;
    if (restDue) return { shown: { ...shown, frame: s.frame } };
    return { shown: { frame: s.frame, windows: s.windows, events: s.events, marks: s.marks } };
  }

  function clockUpdate(s: AppState, force: boolean, now: number): Pick<AppState, 'clockMs'> | null {
    const timeMs = s.frame?.timeMs ?? 0;
    if (timeMs === s.clockMs) return null;
    if (!force && s.playing && now - lastClockAt < CLOCK_MS) return null;
    lastClockAt = now;
    return { clockMs: timeMs };
  }

  return {
    refresh(force) {
      const now = performance.now();
      const s = store.getState();
      const shown = shownUpdate(s, force, now);
      const clock = clockUpdate(s, force, now);
      if (shown || clock) store.setState({ ...shown, ...clock });
    },
  };
}
