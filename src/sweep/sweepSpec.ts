// What a sweep runs: one experiment (a scenario with its policies and the learner's commands at
// their times) over a range of seeds, for a simulated duration, in one of two modes. "requests"
// runs the experiment as it is; "durability" takes the request traffic out, so a run simulates
// only hardware faults, detection and repair, and a year of a large fleet costs milliseconds.
// The spec arrives from links, files and the command line, so it is validated with zod.
import { z } from 'zod';
import { fromData, toData, type Experiment, type ExperimentData } from '../share/experiment';
import type { Scenario, TimedCommand } from '../sim/index';
import { MAX_SEED, MAX_SEEDS, seedCount, type Parsed, type SeedRange } from './seedRange';
import { stableKey } from './stableKey';

export type SweepMode = 'requests' | 'durability';

/** The most simulated time one seed may cover: ten years of a day-per-second fleet, with room. */
export const MAX_SWEEP_DURATION_MS = 10_000_000;
const HOUR_MS = 3_600_000;
export const YEAR_HOURS = 8760;

export interface SweepSpec {
  /** The experiment as a link or file carries it; its seed is the run the results mark. */
  readonly experiment: ExperimentData;
  readonly seeds: SeedRange;
  readonly durationMs: number;
  readonly mode: SweepMode;
}

const seedRangeSchema = z
  .strictObject({ from: z.number().int().min(0).max(MAX_SEED), to: z.number().int().min(0).max(MAX_SEED) })
  .refine((r) => r.to >= r.from, { message: 'the seed range is empty (its last seed is before its first)' })
  .refine((r) => seedCount(r) <= MAX_SEEDS, {
    message: `a sweep runs at most ${MAX_SEEDS.toLocaleString('en-US')} seeds`,
  });

export const sweepSpecSchema = z.strictObject({
  experiment: z.record(z.string(), z.unknown()).describe('an experiment, as Share > Save as file writes it'),
  seeds: seedRangeSchema,
  durationMs: z.number().finite().positive().max(MAX_SWEEP_DURATION_MS).describe('simulated time per seed, ms'),
  mode: z.enum(['requests', 'durability']),
});

/** A spec checked and ready to run: the scenario each seed starts from, already in its mode. */
export interface PreparedSweep {
  readonly spec: SweepSpec;
  readonly scenario: Scenario;
  readonly commands: readonly TimedCommand[];
  /** Names the experiment, duration and mode (not the seeds): shards of one sweep share it. */
  readonly key: string;
}

/** The spec for an experiment the lab or the command line holds. */
export function specOf(e: Experiment, seeds: SeedRange, durationMs: number, mode: SweepMode): SweepSpec {
  return { experiment: toData(e), seeds, durationMs, mode };
}

/** Checks a spec from anywhere; every refusal is a sentence naming what is wrong. */
export function prepareSweep(input: unknown): Parsed<PreparedSweep> {
  const parsed = sweepSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the sweep';
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const decoded = fromData(parsed.data.experiment, Number.POSITIVE_INFINITY);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const spec: SweepSpec = { ...parsed.data, experiment: parsed.data.experiment as ExperimentData };
  const { scenario, commands } = decoded.experiment;
  const moded = spec.mode === 'durability' ? durabilityScenario(scenario) : { ok: true as const, value: scenario };
  if (!moded.ok) return moded;
  const key = stableKey({
    experiment: { ...spec.experiment, seed: 0, atMs: 0 },
    durationMs: spec.durationMs,
    mode: spec.mode,
  });
  return { ok: true, value: { spec, scenario: moded.value, commands, key } };
}

/**
 * The scenario without request traffic. Faults need to be on, or nothing would happen at all.
 * Commands still apply at their times (a learner's failed disk is part of the experiment).
 */
export function durabilityScenario(s: Scenario): Parsed<Scenario> {
  if (!s.hardwareFaults.enabled)
    return {
      ok: false,
      error:
        'durability mode simulates random hardware failures and their repair, but this scenario has them off (hardwareFaults.enabled)',
    };
  return { ok: true, value: { ...s, clients: { ...s.clients, rateRps: 0 } } };
}

/** Simulated ms for a horizon in hardware years, at the scenario's time compression. */
export function yearsToMs(s: Scenario, years: number): number {
  return (years * YEAR_HOURS * HOUR_MS) / s.hardwareFaults.timeCompression;
}

/** Hardware hours a simulated duration covers. */
export function hardwareHours(s: Scenario, durationMs: number): number {
  return (durationMs * s.hardwareFaults.timeCompression) / HOUR_MS;
}
