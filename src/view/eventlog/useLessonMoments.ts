// The lesson's moments for the event log, or none outside a lesson (or outside a lesson
// provider, as in an embed): read-only, through the lesson store's own subscription.
import { useContext, useMemo, useSyncExternalStore } from 'react';
import type { MarkRecord } from '../../lessons/figures';
import { LessonContext } from '../lessons/lessonContext';
import { lessonMoments } from './lessonMoments';
import type { LessonMoment } from './logLines';

const NO_SUBSCRIPTION = () => () => {};
const NO_MARKS: Readonly<Record<string, MarkRecord>> = {};

export function useLessonMoments(nowMs: number): readonly LessonMoment[] {
  const store = useContext(LessonContext);
  const subscribe = store?.subscribe ?? NO_SUBSCRIPTION;
  const lessonId = useSyncExternalStore(subscribe, () => store?.getState().lessonId ?? null);
  const marks = useSyncExternalStore(subscribe, () => store?.getState().marks ?? NO_MARKS);
  return useMemo(() => lessonMoments(lessonId, marks, nowMs), [lessonId, marks, nowMs]);
}
