// An experiment is everything needed to reproduce a run exactly: the scenario (a built-in one
// plus edits), the seed, the commands the user issued with their simulated times, and the
// moment the run had reached. Versioned and validated with zod, because it arrives from links
// and files written by anyone.
import { dataSystemWithoutLog } from '../sim/scenarios/dataSystemWithoutLog';
import { z } from 'zod';
import { mergePatch, unsafeKey } from '../lessons/scenarioEdits';
import {
  commandSchema,
  describeIssues,
  getBuiltInScenario,
  parseScenario,
  scenarioSchema,
  type Scenario,
  type TimedCommand,
} from '../sim/index';
import { describeMissingTargets } from './experimentTargets';
import { beyondHorizon, INTERACTIVE_HORIZON_MS } from './horizon';
import { describeNesting } from './nesting';
import { diffPatch } from './scenarioDiff';

/**
 * 3: "data-system" has a log and a search index. Version 2 named the same id for the scenario
 * without them, so a version 2 experiment on it replays on that older scenario (same hash).
 */
export const EXPERIMENT_VERSION = 3;
/** A run replayed from a link or file may hold at most this many commands. */
export const MAX_COMMANDS = 5000;

// Times past the interactive horizon are refused in check(), with a sentence that says why.
const timedCommand = z.strictObject({ atMs: z.number().finite().nonnegative(), command: commandSchema });

const v2 = z.strictObject({
  v: z.union([z.literal(2), z.literal(3)]),
  base: z.string().max(64).describe('a built-in scenario id'),
  edits: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().min(0).max(0xffffffff),
  commands: z.array(timedCommand).max(MAX_COMMANDS),
  atMs: z.number().finite().nonnegative(),
});

// Version 1 carried a whole scenario instead of a built-in id and edits.
const v1 = z.strictObject({
  v: z.literal(1),
  scenario: scenarioSchema,
  seed: z.number().int().min(0).max(0xffffffff),
  commands: z.array(timedCommand).max(MAX_COMMANDS),
  atMs: z.number().finite().nonnegative(),
});

export type ExperimentData = z.infer<typeof v2>;

/** A decoded experiment, ready to run. */
export interface Experiment {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly commands: readonly TimedCommand[];
  readonly atMs: number;
}

/**
 * A refused experiment; `fallback` is a working run to open beside the message when only the
 * commands were wrong (the same cluster and seed, from the start, without the commands).
 */
export type ExperimentResult =
  { ok: true; experiment: Experiment } | { ok: false; error: string; fallback?: Experiment };

export function toData(e: Experiment): ExperimentData {
  const base = getBuiltInScenario(e.scenario.id) ?? getBuiltInScenario('default');
  const edits = diffPatch(base, e.scenario) as Record<string, unknown> | undefined;
  return {
    v: EXPERIMENT_VERSION,
    base: base?.id ?? 'default',
    ...(edits && { edits }),
    seed: e.seed,
    commands: [...e.commands],
    atMs: e.atMs,
  };
}

function firstIssue(error: z.ZodError): string {
  return describeIssues(error).slice(0, 3).join('; ');
}

/**
 * Checks, migrates and rebuilds an experiment from parsed JSON; every problem is named. The lab
 * refuses times past its interactive horizon; the headless runner, which has no such limit, passes
 * `horizonMs` = Infinity.
 */
export function fromData(input: unknown, horizonMs = INTERACTIVE_HORIZON_MS): ExperimentResult {
  const tooDeep = nestingProblem(input);
  if (tooDeep) return { ok: false, error: tooDeep };
  const version = typeof input === 'object' && input !== null ? (input as { v?: unknown }).v : undefined;
  if (version === 1) {
    const old = v1.safeParse(input);
    if (!old.success) return { ok: false, error: `The experiment (version 1) is invalid: ${firstIssue(old.error)}.` };
    const { scenario, seed, commands, atMs } = old.data;
    return check({ scenario, seed, commands, atMs }, horizonMs);
  }
  if (version !== EXPERIMENT_VERSION && version !== 2)
    return {
      ok: false,
      error: `The experiment has version ${JSON.stringify(version ?? null)}; this app reads versions 1 to 3.`,
    };
  const parsed = v2.safeParse(input);
  if (!parsed.success) return { ok: false, error: `The experiment is invalid: ${firstIssue(parsed.error)}.` };
  const { base, edits, seed, commands, atMs } = parsed.data;
  const unsafe = unsafeKey(edits);
  if (unsafe) return { ok: false, error: `The experiment's edits use the forbidden key "${unsafe}".` };
  const builtIn = (parsed.data.v === 2 ? scenarioBeforeVersion3(base) : undefined) ?? getBuiltInScenario(base);
  if (!builtIn) return { ok: false, error: `The experiment names an unknown scenario "${base}".` };
  const scenario = parseScenario(edits ? mergePatch(builtIn, edits) : builtIn);
  if (!scenario.ok)
    return { ok: false, error: `The experiment's scenario is invalid: ${scenario.errors.slice(0, 3).join('; ')}.` };
  return check({ scenario: scenario.value, seed, commands, atMs }, horizonMs);
}

/** The built-in scenarios a version 2 experiment meant, where they have changed since. */
function scenarioBeforeVersion3(id: string): Scenario | undefined {
  return id === dataSystemWithoutLog.id ? dataSystemWithoutLog : undefined;
}

/** Checked before anything recursive (zod, mergePatch, unsafeKey) touches the data. */
function nestingProblem(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const whole = describeNesting('The experiment', input, false);
  if (!whole) return null;
  // Name the field that is too deep or too big, when one is.
  for (const [key, value] of Object.entries(input))
    if (typeof value === 'object' && value !== null) {
      const problem = describeNesting(`The experiment's ${key}`, value, key !== 'scenario');
      if (problem) return problem;
    }
  return whole;
}

function check(e: Experiment, horizonMs: number): ExperimentResult {
  for (const [i, { atMs }] of e.commands.entries()) {
    if (atMs > horizonMs) return { ok: false, error: beyondHorizon(`Command ${i + 1} of the experiment`, atMs) };
    if (i > 0 && atMs < (e.commands[i - 1] as TimedCommand).atMs)
      return { ok: false, error: `The experiment's commands are out of time order (command ${i + 1}).` };
  }
  if (e.atMs > horizonMs) return { ok: false, error: beyondHorizon('The experiment', e.atMs) };
  const last = e.commands.at(-1);
  if (last && last.atMs > e.atMs) return { ok: false, error: 'The experiment ends before its last command.' };
  let missing: string | null;
  try {
    missing = describeMissingTargets(e.scenario, e.seed, e.commands);
  } catch (error) {
    return { ok: false, error: `The experiment's scenario cannot run: ${(error as Error).message}.` };
  }
  if (missing) return { ok: false, error: missing, fallback: { ...e, commands: [], atMs: 0 } };
  return { ok: true, experiment: e };
}
