// How far the learner got in each lesson, kept in localStorage. What is read back is checked:
// storage is outside input (another version of the app, or a user, may have written it).
import { z } from 'zod';
import { UNSAFE_KEYS } from './scenarioEdits';

export const PROGRESS_KEY = 'faultline.lessons.v1';

const lessonIdSchema = z.string().max(48);
const entrySchema = z.strictObject({ furthestStep: z.number().int().min(0).max(99), done: z.boolean() });
/** More lessons than the course will ever have; a stored value with more is not ours. */
const MAX_ENTRIES = 1000;

export type Progress = Record<string, z.infer<typeof entrySchema>>;

/** The storage the app uses, or null where there is none (private mode, sandboxed iframes). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What was saved, entry by entry: one damaged lesson entry costs only that lesson's bookmark. */
export function loadProgress(storage: Storage | null): Progress {
  let stored: unknown;
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return {};
    stored = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const progress: Progress = {};
  for (const [lessonId, entry] of Object.entries(stored).slice(0, MAX_ENTRIES)) {
    const parsed = entrySchema.safeParse(entry);
    // Assigning a stored "__proto__" entry would replace this object's prototype: skip such ids.
    if (parsed.success && lessonIdSchema.safeParse(lessonId).success && !UNSAFE_KEYS.has(lessonId))
      progress[lessonId] = parsed.data;
  }
  return progress;
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
