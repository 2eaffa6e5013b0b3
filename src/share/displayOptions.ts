// How the page is shown, from the query string (the experiment itself is in the fragment):
// `?embed` for minimal chrome, `hide=` panels, `speed=`, `autoplay`, `theme=`, `host=` (the one
// origin allowed to drive an embedded lab by postMessage) and `lesson=`/`step=` to start a lesson.
import { z } from 'zod';
import { getLesson } from '../lessons/catalog/index';

export const PANELS = ['inspector', 'charts', 'histogram', 'faults', 'load', 'policy', 'log'] as const;
export type PanelId = (typeof PANELS)[number];

/** An embedded lab shows the cluster and its figures; the rest unless asked for stays hidden. */
const EMBED_HIDES: readonly PanelId[] = ['inspector', 'faults', 'load', 'policy', 'log'];
const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 50, 100, 1000];
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export interface DisplayOptions {
  readonly embed: boolean;
  readonly hidden: ReadonlySet<PanelId>;
  readonly speed: number | null;
  readonly autoplay: boolean;
  /** `tour=1` offers the first-visit start even in an embed; `tour=0` never offers it; null: only outside one. */
  readonly tour: boolean | null;
  /** The theme the link asks for; null follows the learner's pick, else the system's light or dark. */
  readonly theme: Theme | null;
  /** The exact origin of a page allowed to control this lab by postMessage, if any. */
  readonly host: string | null;
  readonly lesson: { readonly id: string; readonly stepIndex: number } | null;
}

// Each message names what is allowed; the option's name and value are added by quoteOption().
const flag = z
  .enum(['', '1', 'true', '0', 'false'], { error: 'must be empty, 1, true, 0 or false' })
  .transform((v) => v === '' || v === '1' || v === 'true');
const schema = z.object({
  embed: flag.optional(),
  autoplay: flag.optional(),
  tour: flag.optional(),
  hide: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(PANELS, { error: `must list panels from: ${PANELS.join(', ')}` })))
    .optional(),
  // Numbers are compared as written, so "abc", "", "-0" and "1e308" all get the same plain answer.
  speed: z
    .string()
    .transform(Number)
    .refine((v) => SPEEDS.includes(v) && !Object.is(v, -0), `must be one of ${SPEEDS.join(', ')} (times real time)`)
    .optional(),
  theme: z.enum(THEMES, { error: 'must be light, dark or projector' }).optional(),
  host: z
    .string()
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === v;
      } catch {
        return false;
      }
    }, 'must be an origin such as https://notes.example.org (scheme, host and port only)')
    .optional(),
  lesson: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,47}$/, 'must be a lesson id such as disks-at-scale')
    .optional(),
  // Whether the lesson has that many steps is checked once the lesson is known (lessonStepIndex).
  step: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'must be a whole number of a lesson step, counting from 1')
    .transform(Number)
    .optional(),
});

/** How a problem is said: on the page a bad option is ignored; the element refuses to start. */
export type OptionWording = 'page option' | 'attribute';

/** `The page option "speed" is "abc"`, with long values cut short so the message stays readable. */
export function quoteOption(wording: OptionWording, key: string, value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `The ${wording} "${key}" is ${JSON.stringify(shown)}`;
}

function ending(wording: OptionWording): string {
  return wording === 'page option' ? ', so it was ignored.' : '.';
}

/** The zero-based step to open; a step past the lesson's end is reported and the lesson starts at 1. */
function lessonStepIndex(lessonId: string, step: number | undefined, problems: string[]): number {
  const lesson = getLesson(lessonId);
  if (step === undefined || !lesson || step <= lesson.steps.length) return (step ?? 1) - 1;
  problems.push(
    `${quoteOption('page option', 'step', String(step))}, but the lesson "${lesson.title}" has ${lesson.steps.length} steps; it opens at step 1.`,
  );
  return 0;
}

export type OptionsResult = { options: DisplayOptions; problems: string[] };

/** Reads the options; a bad value is dropped with a message, never fatal. */
export function parseDisplayOptions(search: string, wording: OptionWording = 'page option'): OptionsResult {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = schema.shape[key as keyof typeof schema.shape];
    const parsed = field.safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else
      problems.push(
        `${quoteOption(wording, key, value)}; it ${parsed.error.issues[0]?.message ?? 'is invalid'}${ending(wording)}`,
      );
  }
  const embed = (values.embed as boolean | undefined) ?? false;
  const hide = values.hide as PanelId[] | undefined;
  const lessonId = values.lesson as string | undefined;
  const step = values.step as number | undefined;
  if (step !== undefined && !lessonId)
    problems.push(`The page option "step" only works together with "lesson", so it was ignored.`);
  const lesson = lessonId ? { id: lessonId, stepIndex: lessonStepIndex(lessonId, step, problems) } : null;
  return {
    options: {
      embed,
      hidden: new Set(hide ?? (embed ? EMBED_HIDES : [])),
      speed: (values.speed as number | undefined) ?? null,
      autoplay: (values.autoplay as boolean | undefined) ?? false,
      tour: (values.tour as boolean | undefined) ?? null,
      theme: (values.theme as Theme | undefined) ?? null,
      host: (values.host as string | undefined) ?? null,
      lesson,
    },
    problems,
  };
}
