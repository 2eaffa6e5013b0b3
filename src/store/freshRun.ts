// The sim slice as a new run starts it, and the bounded lists the run keeps of its history.
import type { Scenario } from '../sim/index';
import { NOTHING_SHOWN, type AppState } from './appState';

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
  } satisfies Partial<AppState>;
}
