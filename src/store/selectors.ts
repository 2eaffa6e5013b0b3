// Module-level selectors, so components subscribe to exactly what they show.
import type { Frame, WindowMetrics } from '../sim/index';
import type { AppState } from './appStore';
import type { FigureWindow } from './figureWindow';
import { lastWindowsFigures, wholeRunFigures, type Slo, type WindowFigures } from './windowFigures';

export const selectTopology = (s: AppState) => s.topology;
export const selectLinks = (s: AppState) => s.links;
export const selectActions = (s: AppState) => s.actions;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectSeed = (s: AppState) => s.seed;
export const selectMenu = (s: AppState) => s.menu;
export const selectSelected = (s: AppState) => s.selected;
export const selectInspected = (s: AppState) => s.inspected;
export const selectHelpOpen = (s: AppState) => s.helpOpen;
export const selectCommandError = (s: AppState) => s.commandError;
export const selectSimError = (s: AppState) => s.simError;
export const selectAnnouncement = (s: AppState) => s.announcement;
// What the costly views draw (redrawn together, at most every SHOW_MS while playing).
export const selectShownFrame = (s: AppState) => s.shown.frame;
export const selectShownWindows = (s: AppState) => s.shown.windows;
export const selectShownEvents = (s: AppState) => s.shown.events;
export const selectShownMarks = (s: AppState) => s.shown.marks;

/**
 * Headline figures, all over one window the user chose (figureWindow.ts), with the durability
 * figures that are always "now". A plain function (not a selector: it builds a new object), to
 * call with what useApp(selectShownFrame) and useApp(selectShownWindows) return.
 */
export function headlineOf(frame: Frame | null, windows: readonly WindowMetrics[], slo: Slo, window: FigureWindow) {
  if (!frame) return null;
  return {
    ...windowFiguresOf(frame, windows, slo, window),
    ackedWritesLost: frame.durability.ackedWritesLost,
    underReplicated: frame.durability.underReplicatedPartitions,
  };
}

// The last-N figures change only when a window closes, not on every frame: kept per windows list
// (the store keeps the same list until then), so the headline and the live strip share one merge.
const lastWindowsCache = new WeakMap<readonly WindowMetrics[], Map<string, WindowFigures>>();

/** The judged figures over a window: the headline's and the live strip's. */
export function windowFiguresOf(
  frame: Frame,
  windows: readonly WindowMetrics[],
  slo: Slo,
  window: FigureWindow,
): WindowFigures {
  if (window.seconds === null) return wholeRunFigures(frame, window, slo);
  let byWindow = lastWindowsCache.get(windows);
  if (!byWindow) {
    byWindow = new Map();
    lastWindowsCache.set(windows, byWindow);
  }
  const key = `${window.id} ${slo.availability} ${slo.latencyMsP99}`;
  let figures = byWindow.get(key);
  if (!figures) {
    figures = lastWindowsFigures(windows, window, slo);
    byWindow.set(key, figures);
  }
  return figures;
}
