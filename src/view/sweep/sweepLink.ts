// A link that reruns a sweep: the experiment's usual `#x=…` plus `&sweep=1-1000_30000ms_requests`
// (seeds, simulated time per seed, mode). The parameter is read loosely and checked by the sweep's
// own zod schema (prepareSweep), so a bad one is refused in a sentence and the experiment still
// opens as a plain link.
import { experimentFragment } from '../../share/link';
import type { Experiment } from '../../share/experiment';
import type { Parsed } from '../../sweep/seedRange';
import { prepareSweep, specOf, type SweepSpec } from '../../sweep/sweepSpec';

export const SWEEP_PARAM = 'sweep';

export function sweepParam(spec: Pick<SweepSpec, 'seeds' | 'durationMs' | 'mode'>): string {
  return `${spec.seeds.from}-${spec.seeds.to}_${spec.durationMs}ms_${spec.mode}`;
}

/** The fragment of a link that opens the experiment and reruns the sweep. */
export function sweepFragment(experiment: Experiment, spec: Pick<SweepSpec, 'seeds' | 'durationMs' | 'mode'>): string {
  return `${experimentFragment(experiment)}&${SWEEP_PARAM}=${sweepParam(spec)}`;
}

const number = (text: string | undefined): number =>
  text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;

/** The sweep a link's parameter asks for, checked against the experiment it comes with. */
export function readSweepParam(experiment: Experiment, text: string): Parsed<SweepSpec> {
  const [seeds, duration, mode] = text.split('_');
  const [from, to] = (seeds ?? '').split('-');
  const durationMs = number(duration?.replace(/ms$/, ''));
  if (!seeds || !duration?.endsWith('ms') || mode === undefined || to === undefined)
    return {
      ok: false,
      error: `the sweep parameter should look like 1-1000_30000ms_requests (seeds, simulated time, mode), not "${text.slice(0, 80)}"`,
    };
  const spec = { ...specOf(experiment, { from: number(from), to: number(to) }, durationMs, 'requests'), mode };
  const prepared = prepareSweep(spec);
  return prepared.ok ? { ok: true, value: prepared.value.spec } : prepared;
}

/** The `sweep` parameter of a fragment, if it has one. */
export function sweepParamOf(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(SWEEP_PARAM);
}
