// The sim slice as a new run starts it, and how each frame from the worker adds to the bounded
// lists the run keeps of its history.
import type { Frame, Scenario } from '../sim/index';
import { describeForScreenReader, FAULT_TYPES } from './announce';
import { EVENT_HISTORY, NOTHING_SHOWN, WINDOW_HISTORY, type AppState } from './appState';

/** The list with `add` appended (or, newest first, prepended), keeping at most `limit` items. */
export function bounded<T>(list: readonly T[], add: readonly T[], limit: number, newestFirst = false): readonly T[] {
  if (add.length === 0) return list; // unchanged: subscribers keep the same array and skip a render
  const merged = newestFirst ? [...[...add].reverse(), ...list] : [...list, ...add];
  return newestFirst ? merged.slice(0, limit) : merged.slice(Math.max(0, merged.length - limit));
}

/** The state a new run starts from (a reset, a new seed, a new scenario, or the first load). */
export function freshRun(scenario: Scenario, seed: number, runId: number) {
  return {
    scenario,
    seed,
    runId,
    topology: null,
    frame: null,
    links: null,
    windows: [],
    events: [],
    marks: [],
    commandLog: [],
    past: null,
    shown: NOTHING_SHOWN,
    clockMs: 0,
    commandError: null,
    simError: null,
    selected: [],
    menu: null,
    inspected: null,
    catchUp: null,
    trace: null,
  } satisfies Partial<AppState>;
}

/** The sim slice after a frame: the frame, its links, the histories with its windows and events added. */
export function absorbFrame(s: AppState, frame: Frame): Partial<AppState> {
  const newFaults = frame.newEvents.filter((e) => FAULT_TYPES.has(e.type));
  return {
    frame,
    links: frame.links ?? s.links,
    windows: bounded(s.windows, frame.newWindows, WINDOW_HISTORY),
    events: bounded(s.events, frame.newEvents, EVENT_HISTORY, true),
    ...(newFaults.length > 0 && { announcement: newFaults.map(describeForScreenReader).join('. ') }),
  };
}
