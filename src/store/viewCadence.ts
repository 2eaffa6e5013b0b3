// How closely the views follow the simulation while it plays. The worker may answer every frame;
// redrawing the costly views (cluster, figures, charts, log) that often would spend the page's
// whole budget on a big cluster, and a clock changing 60 times a second only costs renders. So
// while playing, the costly views follow every SHOW_MS (twice that flat out) and the clock every
// CLOCK_MS; paused, stepping or after a command, both follow at once.
import { CLOCK_MS, SHOW_MS, type AppStore } from './appState';

export function createViewCadence(store: AppStore): { refresh(force: boolean): void } {
  let lastShownAt = Number.NEGATIVE_INFINITY;
  let lastClockAt = Number.NEGATIVE_INFINITY;

  function refreshShown(force: boolean, now: number): void {
    const s = store.getState();
    if (!force && s.playing && now - lastShownAt < SHOW_MS * (s.speed >= 50 ? 2 : 1)) return;
    const shown = s.shown;
    if (shown.frame === s.frame && shown.windows === s.windows && shown.events === s.events && shown.marks === s.marks)
      return;
    lastShownAt = now;
    store.setState({ shown: { frame: s.frame, windows: s.windows, events: s.events, marks: s.marks } });
  }

  function refreshClock(force: boolean, now: number): void {
    const s = store.getState();
    const timeMs = s.frame?.timeMs ?? 0;
    if (timeMs === s.clockMs) return;
    if (!force && s.playing && now - lastClockAt < CLOCK_MS) return;
    lastClockAt = now;
    store.setState({ clockMs: timeMs });
  }

  return {
    refresh(force) {
      const now = performance.now();
      refreshShown(force, now);
      refreshClock(force, now);
    },
  };
}
