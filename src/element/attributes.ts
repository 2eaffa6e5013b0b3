// The element's attributes, checked like the page options (src/share/displayOptions.ts): a bad
// one is reported in words instead of the lab starting as something the author did not ask for.
import { z } from 'zod';
import { parseDisplayOptions, quoteOption, type DisplayOptions } from '../share/displayOptions';
import type { Experiment } from '../share/experiment';
import { decodeFragment } from '../share/link';
import { builtInScenarios } from '../sim';

export const OBSERVED_ATTRIBUTES = ['scenario', 'seed', 'autoplay', 'speed', 'experiment', 'hide'] as const;

const SCENARIO_IDS = builtInScenarios.map((s) => s.id);

const scenario = z.string().refine((v) => SCENARIO_IDS.includes(v), `must be one of ${SCENARIO_IDS.join(', ')}`);
// Same range as a shared experiment's seed (src/share/experiment.ts).
const SEED_RULE = 'must be a whole number from 0 to 4294967295';
const seed = z
  .string()
  .regex(/^\d{1,10}$/, SEED_RULE)
  .transform(Number)
  .pipe(z.number().int().max(0xffffffff, SEED_RULE));

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
  const scenarioId = readField(element, 'scenario', scenario, problems);
  const seedValue = readField(element, 'seed', seed, problems);

  // `speed` and `hide` mean what they mean as page options; the parser reports a bad value.
  const search = new URLSearchParams({ embed: '' });
  for (const name of ['speed', 'hide'] as const) {
    const value = element.getAttribute(name);
    if (value !== null) search.set(name, value.replace(/\s+/g, ''));
  }
  if (element.hasAttribute('autoplay')) search.set('autoplay', '');
  const display = parseDisplayOptions(search.toString(), 'attribute');
  problems.push(...display.problems);

  let experiment: Experiment | null = null;
  const packed = element.getAttribute('experiment');
  if (packed?.trim() === '')
    problems.push('The attribute "experiment" is empty; it must hold a share link or the part of one after "#x=".');
  else if (packed !== null) {
    // A whole share link is accepted too: its experiment is the `x=` in the fragment.
    const hash = packed.includes('#') ? packed.slice(packed.indexOf('#')) : `x=${encodeURIComponent(packed.trim())}`;
    const result = decodeFragment(hash);
    if (result === null || !result.ok)
      problems.push(
        `The attribute "experiment" could not be opened: ${result?.error ?? 'its link holds no experiment (no "x=" after "#").'}`,
      );
    else experiment = result.experiment;
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      scenarioId: scenarioId ?? 'default',
      seed: seedValue ?? 1,
      experiment,
      options: display.options,
    },
  };
}

/** The attribute's value, or undefined when it is absent or bad (a bad one is added to problems). */
function readField<T>(element: Element, name: string, schema: z.ZodType<T, string>, problems: string[]): T | undefined {
  const value = element.getAttribute(name);
  if (value === null) return undefined;
  const parsed = schema.safeParse(value.trim());
  if (parsed.success) return parsed.data;
  problems.push(`${quoteOption('attribute', name, value)}; it ${parsed.error.issues[0]?.message ?? 'is invalid'}.`);
  return undefined;
}
