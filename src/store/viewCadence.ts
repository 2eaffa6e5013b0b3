// How closely the views follow the simulation while it plays. The worker may answer every frame;
// redrawing the costly views (cluster, figures, charts, log) that often would spend the page's
// whole budget on a big cluster, and a clock changing 60 times a second only costs renders. So
// while playing, the costly views follow every SHOW_MS (twice that flat out) and the clock every
// CLOCK_MS; paused, stepping or after a command, both follow at once. When both are due they
// change in one store update: every update runs every subscribed selector and may cost a commit.
import { CLOCK_MS, SHOW_MS, type AppState, type AppStore } from './appState';

export function createViewCadence(store: AppStore): { refresh(force: boolean): void } {
  let lastShownAt = Number.NEGATIVE_INFINITY;
  let lastClockAt = Number.NEGATIVE_INFINITY;

  function shownUpdate(s: AppState, force: boolean, now: number): Pick<AppState, 'shown'> | null {
    if (!force && s.playing && now - lastShownAt < SHOW_MS * (s.speed >= 50 ? 2 : 1)) return null;
    const shown = s.shown;
    if (shown.frame === s.frame && shown.windows === s.windows && shown.events === s.events && shown.marks === s.marks)
      return null;
    lastShownAt = now;
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
