// How the page is shown, from the query string (the experiment itself is in the fragment):
// `?embed` for minimal chrome, `hide=` panels, `speed=`, `autoplay`, `theme=`, `host=` (the one
// origin allowed to drive an embedded lab by postMessage) and `lesson=`/`step=` to start a lesson.
import { z } from 'zod';

export const PANELS = ['inspector', 'charts', 'histogram', 'faults', 'load', 'policy', 'log'] as const;
export type PanelId = (typeof PANELS)[number];

/** An embedded lab shows the cluster and its figures; the rest unless asked for stays hidden. */
const EMBED_HIDES: readonly PanelId[] = ['inspector', 'faults', 'load', 'policy', 'log'];
const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 50, 100, 1000];

export interface DisplayOptions {
  readonly embed: boolean;
  readonly hidden: ReadonlySet<PanelId>;
  readonly speed: number | null;
  readonly autoplay: boolean;
  readonly theme: 'light';
  /** The exact origin of a page allowed to control this lab by postMessage, if any. */
  readonly host: string | null;
  readonly lesson: { readonly id: string; readonly stepIndex: number } | null;
}

const flag = z.enum(['', '1', 'true', '0', 'false']).transform((v) => v === '' || v === '1' || v === 'true');
const schema = z.object({
  embed: flag.optional(),
  autoplay: flag.optional(),
  hide: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(PANELS, { error: `names an unknown panel (known: ${PANELS.join(', ')})` })))
    .optional(),
  speed: z.coerce
    .number()
    .refine((v) => SPEEDS.includes(v), `must be one of ${SPEEDS.join(', ')}`)
    .optional(),
  theme: z.literal('light', { error: 'must be "light" (the only theme so far)' }).optional(),
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
    .regex(/^[a-z][a-z0-9-]{0,47}$/, 'is not a lesson id')
    .optional(),
  step: z.coerce.number().int().min(1).max(99).optional(),
});

export type OptionsResult = { options: DisplayOptions; problems: string[] };

/** Reads the options; a bad value is dropped with a message, never fatal. */
export function parseDisplayOptions(search: string): OptionsResult {
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
    else problems.push(`The page option "${key}" ${parsed.error.issues[0]?.message ?? 'is invalid'}; it was ignored.`);
  }
  const embed = (values.embed as boolean | undefined) ?? false;
  const hide = values.hide as PanelId[] | undefined;
  const lessonId = values.lesson as string | undefined;
  return {
    options: {
      embed,
      hidden: new Set(hide ?? (embed ? EMBED_HIDES : [])),
      speed: (values.speed as number | undefined) ?? null,
      autoplay: (values.autoplay as boolean | undefined) ?? false,
      theme: 'light',
      host: (values.host as string | undefined) ?? null,
      lesson: lessonId ? { id: lessonId, stepIndex: ((values.step as number | undefined) ?? 1) - 1 } : null,
    },
    problems,
  };
}
