// The form's text turned into a sweep, or a sentence saying what to change. Pure, so the limits
// (100 to 10,000 seeds, the longest duration a seed may cover) are tested without a page.
import type { Experiment } from '../../share/experiment';
import { MAX_SEED, type Parsed } from '../../sweep/seedRange';
import {
  MAX_SWEEP_DURATION_MS,
  prepareSweep,
  specOf,
  yearsToMs,
  type SweepMode,
  type SweepSpec,
} from '../../sweep/sweepSpec';
import { count } from './sweepModel';

export const MIN_SWEEP_SEEDS = 100;
export const MAX_SWEEP_SEEDS = 10_000;
export const DEFAULT_SWEEP_SEEDS = 1000;

export interface SweepFormText {
  readonly seeds: string;
  readonly first: string;
  /** Simulated seconds per seed (requests mode). */
  readonly seconds: string;
  /** Hardware years per seed (durability mode). */
  readonly years: string;
  readonly mode: SweepMode;
}

export const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
const decimal = (text: string): number => (/^\s*\d+(\.\d*)?\s*$/.test(text) ? Number(text) : NaN);

function tooLong(form: SweepFormText, experiment: Experiment, durationMs: number): string {
  const most = `${count(MAX_SWEEP_DURATION_MS / 1000)} simulated seconds a seed`;
  if (form.mode === 'requests') return `A sweep runs at most ${most}.`;
  const compression = count(experiment.scenario.hardwareFaults.timeCompression);
  return `At ${compression}x time compression, ${form.years} hardware years take ${count(Math.round(durationMs / 1000))} simulated seconds a seed; a sweep runs at most ${most}. Raise the time compression (Faults tab, random hardware faults) or shorten the horizon.`;
}

/** `experiment` is the one this mode runs (see sweepExperiment). */
export function formSpec(form: SweepFormText, experiment: Experiment): Parsed<SweepSpec> {
  const n = wholeNumber(form.seeds);
  const from = wholeNumber(form.first);
  if (!(n >= MIN_SWEEP_SEEDS && n <= MAX_SWEEP_SEEDS))
    return {
      ok: false,
      error: `The number of seeds is a whole number from ${MIN_SWEEP_SEEDS} to ${count(MAX_SWEEP_SEEDS)}.`,
    };
  if (!(from >= 0 && from + n - 1 <= MAX_SEED))
    return { ok: false, error: `The first seed is a whole number from 0 to ${count(MAX_SEED - n + 1)}.` };
  const durationMs =
    form.mode === 'durability'
      ? Math.round(yearsToMs(experiment.scenario, decimal(form.years)))
      : Math.round(decimal(form.seconds) * 1000);
  if (!(durationMs > 0))
    return {
      ok: false,
      error:
        form.mode === 'durability'
          ? 'The horizon is a number of hardware years above 0.'
          : 'The duration is a number of seconds above 0.',
    };
  if (durationMs > MAX_SWEEP_DURATION_MS) return { ok: false, error: tooLong(form, experiment, durationMs) };
  const spec = specOf(experiment, { from, to: from + n - 1 }, durationMs, form.mode);
  const prepared = prepareSweep(spec);
  return prepared.ok ? { ok: true, value: spec } : { ok: false, error: `This sweep cannot run: ${prepared.error}.` };
}
