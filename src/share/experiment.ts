// An experiment is everything needed to reproduce a run exactly: the scenario (a built-in one
// plus edits), the seed, the commands the user issued with their simulated times, and the
// moment the run had reached. Versioned and validated with zod, because it arrives from links
// and files written by anyone.
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
import { diffPatch } from './scenarioDiff';

export const EXPERIMENT_VERSION = 2;
/** A run replayed from a link or file may hold at most this many commands. */
export const MAX_COMMANDS = 5000;

const timedCommand = z.strictObject({ atMs: z.number().finite().nonnegative(), command: commandSchema });

const v2 = z.strictObject({
  v: z.literal(2),
  base: z.string().max(64).describe('a built-in scenario id'),
  edits: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().min(0).max(0xffffffff),
  commands: z.array(timedCommand).max(MAX_COMMANDS),
  atMs: z.number().finite().nonnegative().max(1e10),
});

// Version 1 carried a whole scenario instead of a built-in id and edits.
const v1 = z.strictObject({
  v: z.literal(1),
  scenario: scenarioSchema,
  seed: z.number().int().min(0).max(0xffffffff),
  commands: z.array(timedCommand).max(MAX_COMMANDS),
  atMs: z.number().finite().nonnegative().max(1e10),
});

export type ExperimentData = z.infer<typeof v2>;

/** A decoded experiment, ready to run. */
export interface Experiment {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly commands: readonly TimedCommand[];
  readonly atMs: number;
}

export type ExperimentResult = { ok: true; experiment: Experiment } | { ok: false; error: string };

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

/** Checks, migrates and rebuilds an experiment from parsed JSON; every problem is named. */
export function fromData(input: unknown): ExperimentResult {
  const version = typeof input === 'object' && input !== null ? (input as { v?: unknown }).v : undefined;
  if (version === 1) {
    const old = v1.safeParse(input);
    if (!old.success) return { ok: false, error: `The experiment (version 1) is invalid: ${firstIssue(old.error)}.` };
    const { scenario, seed, commands, atMs } = old.data;
    return check({ scenario, seed, commands, atMs });
  }
  if (version !== EXPERIMENT_VERSION)
    return {
      ok: false,
      error: `The experiment has version ${JSON.stringify(version ?? null)}; this app reads versions 1 and 2.`,
    };
  const parsed = v2.safeParse(input);
  if (!parsed.success) return { ok: false, error: `The experiment is invalid: ${firstIssue(parsed.error)}.` };
  const { base, edits, seed, commands, atMs } = parsed.data;
  const unsafe = unsafeKey(edits);
  if (unsafe) return { ok: false, error: `The experiment's edits use the forbidden key "${unsafe}".` };
  const builtIn = getBuiltInScenario(base);
  if (!builtIn) return { ok: false, error: `The experiment names an unknown scenario "${base}".` };
  const scenario = parseScenario(edits ? mergePatch(builtIn, edits) : builtIn);
  if (!scenario.ok)
    return { ok: false, error: `The experiment's scenario is invalid: ${scenario.errors.slice(0, 3).join('; ')}.` };
  return check({ scenario: scenario.value, seed, commands, atMs });
}

function check(e: Experiment): ExperimentResult {
  for (let i = 1; i < e.commands.length; i++) {
    if ((e.commands[i] as TimedCommand).atMs < (e.commands[i - 1] as TimedCommand).atMs)
      return { ok: false, error: `The experiment's commands are out of time order (command ${i + 1}).` };
  }
  const last = e.commands.at(-1);
  if (last && last.atMs > e.atMs) return { ok: false, error: 'The experiment ends before its last command.' };
  return { ok: true, experiment: e };
}
