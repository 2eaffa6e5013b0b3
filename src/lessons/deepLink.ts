// Lesson deep links live in the URL fragment: `#lesson=disks-at-scale&step=3` (steps count from 1).
import { z } from 'zod';

export interface LessonLink {
  readonly lessonId: string;
  /** Zero-based. */
  readonly stepIndex: number;
}

const linkSchema = z.object({
  lesson: z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'is not a lesson id'),
  step: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'counts from 1')
    // Past a lesson's end the lesson store says how many steps it has; this only bounds the number.
    .max(999_999, 'is far past the end of every lesson')
    .default(1),
});

export type ParsedLink = { ok: true; link: LessonLink | null } | { ok: false; error: string };

export function parseLessonLink(hash: string): ParsedLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('lesson')) return { ok: true, link: null };
  const parsed = linkSchema.safeParse({ lesson: params.get('lesson'), step: params.get('step') ?? undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `The lesson link's ${String(issue?.path[0] ?? 'value')} ${issue?.message ?? 'is invalid'}.`,
    };
  }
  return { ok: true, link: { lessonId: parsed.data.lesson, stepIndex: parsed.data.step - 1 } };
}

export function formatLessonLink(link: LessonLink): string {
  return `#lesson=${link.lessonId}&step=${link.stepIndex + 1}`;
}
