// What every fuzz case must end in: a run that stopped within its event bound with no NaN in its
// figures, or a message a learner can read. Anything else (a RangeError, a TypeError, an engine
// error that is not one of its typed input errors) fails the property, and fast-check prints it.
import { expect } from 'vitest';
import type { Experiment, ExperimentResult } from '../share/experiment';
import { INTERACTIVE_HORIZON_MS } from '../share/horizon';
import { createSimulation, InputError, type Simulation } from '../sim/index';

/**
 * Events one runUntil may do past its maxEvents: it never stops inside a timestamp, so the events
 * at the last instant all run. A rack's worth of repairs at one instant is the largest real burst.
 */
export const SAME_INSTANT_EVENTS = 50_000;

/** Drops quoted text (the user's own value, echoed back), which may say anything. */
const unquoted = (message: string) => message.replace(/"(?:[^"\\]|\\.)*"/g, '""');

/**
 * A message a learner can read: words, naming something, not a leaked NaN, undefined or object
 * (a missing field reads "is missing", a wrong type "must be a number, not text": zodWords.ts).
 */
export function expectClearMessage(message: unknown): void {
  expect(typeof message).toBe('string');
  const text = unquoted(message as string);
  expect(text.trim().length).toBeGreaterThan(10);
  expect(text).not.toMatch(/\b(NaN|undefined)\b|\[object Object\]/);
}

/** The first path inside a snapshot or frame that holds NaN, or null. Iterative: figures nest shallowly but widely. */
export function findNaN(root: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path } = item;
    if (typeof value === 'number' && Number.isNaN(value)) return path || '(root)';
    if (typeof value !== 'object' || value === null) continue;
    const entries = ArrayBuffer.isView(value)
      ? Array.from(value as unknown as ArrayLike<number>, (v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: `${path}.${key}` });
  }
  return null;
}

export type RunOutcome = { kind: 'ran'; events: number } | { kind: 'refused'; message: string };

/**
 * Runs a simulation towards untilMs, at most maxEvents (plus one instant), and checks how it
 * ended: within the bound with finite figures (looked at unless `figures` is false), or stopped by
 * the engine with a typed input error.
 */
export function runBounded(sim: Simulation, untilMs: number, maxEvents: number, figures = true): RunOutcome {
  const before = sim.events;
  try {
    const result = sim.runUntil(untilMs, maxEvents);
    expect(result.events).toBeLessThanOrEqual(maxEvents + SAME_INSTANT_EVENTS);
    expect(sim.events - before).toBe(result.events);
  } catch (error) {
    return refusal(error);
  }
  if (figures) expect(findNaN(sim.snapshot())).toBeNull();
  return { kind: 'ran', events: sim.events - before };
}

/** An error the engine may throw for bad input, checked to read well; anything else is rethrown. */
export function refusal(error: unknown): RunOutcome {
  if (!(error instanceof InputError)) throw error;
  expectClearMessage(error.message);
  return { kind: 'refused', message: error.message };
}

/**
 * Rebuilds an experiment the way the lab's worker does (each command at its time, then on to its
 * moment), within `maxEvents` in all: a replay cut short by the bound is a run still catching up.
 */
export function runExperiment(e: Experiment, maxEvents: number): RunOutcome {
  expect(e.atMs).toBeLessThanOrEqual(INTERACTIVE_HORIZON_MS);
  let sim: Simulation;
  try {
    sim = createSimulation(e.scenario, e.seed);
  } catch (error) {
    return refusal(error);
  }
  let events = 0;
  for (const { atMs, command } of [...e.commands, { atMs: e.atMs, command: null }]) {
    const outcome = runBounded(sim, atMs, maxEvents - events);
    if (outcome.kind === 'refused') return outcome;
    events += outcome.events;
    if (sim.nowMs < atMs) break;
    if (command === null) break;
    const applied = sim.apply(command);
    // The worker shows a rejected command as a message and keeps the run where it got.
    if (!applied.ok) {
      expectClearMessage(applied.error);
      return { kind: 'refused', message: applied.error };
    }
  }
  return { kind: 'ran', events };
}

/** Events a fuzz case may replay in all before it counts as a run still catching up. */
const REPLAY_EVENTS = 3000;

/** How one door's answer must look; returns whether it opened a run. */
export function expectWorkingOrClear(result: ExperimentResult | null): boolean {
  expect(result).not.toBeNull();
  if (result === null) return false;
  if (result.ok) {
    runExperiment(result.experiment, REPLAY_EVENTS);
    return true;
  }
  expectClearMessage(result.error);
  // A link whose commands name missing parts opens its cluster beside the message.
  if ('fallback' in result && result.fallback) runExperiment(result.fallback, REPLAY_EVENTS);
  return false;
}
