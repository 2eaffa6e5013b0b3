// The element's attributes, checked like the page options (src/share/displayOptions.ts): a bad
// one is reported in words instead of the lab starting as something the author did not ask for.
import { z } from 'zod';
import { parseDisplayOptions, type DisplayOptions } from '../share/displayOptions';
import type { Experiment } from '../share/experiment';
import { decodeFragment } from '../share/link';
import { builtInScenarios } from '../sim';

export const OBSERVED_ATTRIBUTES = ['scenario', 'seed', 'autoplay', 'speed', 'experiment', 'hide'] as const;

const SCENARIO_IDS = builtInScenarios.map((s) => s.id);

const scenario = z.string().refine((v) => SCENARIO_IDS.includes(v), `must be one of ${SCENARIO_IDS.join(', ')}`);
// Same range as a shared experiment's seed (src/share/experiment.ts).
const seed = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().int().max(0xffffffff, 'must be at most 4294967295'));

export interface ElementConfig {
  readonly scenarioId: string;
  readonly seed: number;
  readonly experiment: Experiment | null;
  readonly options: DisplayOptions;
}

export type ConfigResult = { ok: true; config: ElementConfig } | { ok: false; problems: string[] };

/** Reads the attributes; every bad one is named, and the element shows them instead of a lab. */
export function readAttributes(element: Element): ConfigResult {
  const problems: string[] = [];
  const scenarioValue = element.getAttribute('scenario');
  const scenarioParsed = scenarioValue === null ? null : scenario.safeParse(scenarioValue);
  if (scenarioParsed && !scenarioParsed.success) problems.push(describe('scenario', scenarioParsed.error));
  const seedValue = element.getAttribute('seed');
  const seedParsed = seedValue === null ? null : seed.safeParse(seedValue.trim());
  if (seedParsed && !seedParsed.success) problems.push(describe('seed', seedParsed.error));

  // `speed` and `hide` mean what they mean as page options; the parser reports a bad value.
  const search = new URLSearchParams({ embed: '' });
  for (const name of ['speed', 'hide'] as const) {
    const value = element.getAttribute(name);
    if (value !== null) search.set(name, value.replace(/\s+/g, ''));
  }
  if (element.hasAttribute('autoplay')) search.set('autoplay', '');
  const display = parseDisplayOptions(search.toString());
  problems.push(
    ...display.problems.map((p) => p.replace('The page option', 'The attribute').replace(/; it was ignored\.$/, '.')),
  );

  let experiment: Experiment | null = null;
  const packed = element.getAttribute('experiment');
  if (packed !== null) {
    // A whole share link is accepted too: its experiment is the `x=` in the fragment.
    const hash = packed.includes('#') ? packed.slice(packed.indexOf('#')) : `x=${encodeURIComponent(packed.trim())}`;
    const result = decodeFragment(hash);
    if (result === null || !result.ok)
      problems.push(`The attribute "experiment" could not be opened: ${result?.error ?? 'it is empty.'}`);
    else experiment = result.experiment;
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      scenarioId: scenarioParsed?.data ?? 'default',
      seed: seedParsed?.data ?? 1,
      experiment,
      options: display.options,
    },
  };
}

function describe(name: string, error: z.ZodError): string {
  return `The attribute "${name}" ${error.issues[0]?.message ?? 'is invalid'}.`;
}
