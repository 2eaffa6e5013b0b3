// Module-level selectors, so components subscribe to exactly what they show.
import type { Frame, WindowMetrics } from '../sim/index';
import type { AppState } from './appStore';

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
 * Headline figures: latency from the last closed one-second window, availability over the last
 * ten. A plain function (not a selector: it builds a new object), to call with what
 * useApp(selectShownFrame) and useApp(selectShownWindows) return.
 */
export function headlineOf(frame: Frame | null, windows: readonly WindowMetrics[], sloAvailability: number) {
  if (!frame) return null;
  const recent = windows.slice(-10);
  const ok = recent.reduce((a, w) => a + w.succeeded, 0);
  const finished = recent.reduce((a, w) => a + w.succeeded + w.failed, 0);
  const last = windows[windows.length - 1] ?? null;
  return {
    availability: finished > 0 ? ok / finished : 1,
    sloAvailability,
    errorBudgetRemaining: Math.max(0, 1 - frame.cumulative.errorBudgetUsed),
    latencyMs: last?.latencyMs ?? frame.cumulative.latencyMs,
    offeredRps: last?.offeredRps ?? 0,
    servedRps: last?.servedRps ?? 0,
    ackedWritesLost: frame.durability.ackedWritesLost,
    underReplicated: frame.durability.underReplicatedPartitions,
  };
}
