// How far the learner got in each lesson, kept in localStorage. What is read back is checked:
// storage is outside input (another version of the app, or a user, may have written it).
import { z } from 'zod';

export const PROGRESS_KEY = 'faultline.lessons.v1';

const progressSchema = z.record(
  z.string().max(48),
  z.strictObject({ furthestStep: z.number().int().min(0).max(99), done: z.boolean() }),
);

export type Progress = z.infer<typeof progressSchema>;

/** The storage the app uses, or null where there is none (private mode, sandboxed iframes). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadProgress(storage: Storage | null): Progress {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return {};
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveProgress(storage: Storage | null, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Full or forbidden storage only costs the learner their bookmark, never the lesson.
  }
}

export function advance(progress: Progress, lessonId: string, stepIndex: number, done: boolean): Progress {
  const was = progress[lessonId] ?? { furthestStep: 0, done: false };
  return { ...progress, [lessonId]: { furthestStep: Math.max(was.furthestStep, stepIndex), done: was.done || done } };
}
