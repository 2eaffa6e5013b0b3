// The one window the headline and the live strip judge over: the last 10 or 60 seconds, or the
// whole run. View-only state, one per lab (a page may hold several labs, each with its own store),
// kept beside the lab's store rather than in it: the simulation and the experiment never hear of it.
import type { AppStore } from './appStore';

export const FIGURE_WINDOWS = [
  { id: 'last-10', seconds: 10, label: 'last 10 s', option: 'Last 10 s' },
  { id: 'last-60', seconds: 60, label: 'last 60 s', option: 'Last 60 s' },
  { id: 'whole', seconds: null, label: 'whole run', option: 'Whole run' },
] as const;

export type FigureWindowId = (typeof FIGURE_WINDOWS)[number]['id'];
export type FigureWindow = (typeof FIGURE_WINDOWS)[number];

export const DEFAULT_FIGURE_WINDOW: FigureWindowId = 'last-10';

export function figureWindowOf(id: FigureWindowId): FigureWindow {
  return FIGURE_WINDOWS.find((w) => w.id === id) ?? FIGURE_WINDOWS[0];
}

export function isFigureWindowId(value: string): value is FigureWindowId {
  return FIGURE_WINDOWS.some((w) => w.id === value);
}

/** A tiny observable value: what useSyncExternalStore needs. */
export interface FigureWindowChoice {
  readonly get: () => FigureWindowId;
  readonly set: (id: FigureWindowId) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createFigureWindowChoice(initial: FigureWindowId = DEFAULT_FIGURE_WINDOW): FigureWindowChoice {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (id) => {
      if (id === current) return;
      current = id;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const choices = new WeakMap<AppStore, FigureWindowChoice>();

/** The lab's choice, made on first use and collected with its store. */
export function figureWindowChoiceFor(store: AppStore): FigureWindowChoice {
  let choice = choices.get(store);
  if (!choice) {
    choice = createFigureWindowChoice();
    choices.set(store, choice);
  }
  return choice;
}
