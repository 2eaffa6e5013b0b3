// A running lesson's steps as log lines: when each step began and when the learner did what it
// asked. Read from the lesson store's marks (simulated times in the lab's current run); the
// lesson itself is not changed.
import { getLesson } from '../../lessons/catalog/index';
import type { MarkRecord } from '../../lessons/figures';
import type { LessonMoment } from './logLines';

export function lessonMoments(
  lessonId: string | null,
  marks: Readonly<Record<string, MarkRecord>>,
  nowMs: number,
): LessonMoment[] {
  const lesson = lessonId === null ? undefined : getLesson(lessonId);
  if (!lesson) return [];
  const moments: LessonMoment[] = [];
  for (const [mark, record] of Object.entries(marks)) {
    const [what, stepId] = mark.split(':');
    const index = lesson.steps.findIndex((s) => s.id === stepId);
    const step = lesson.steps[index];
    // A mark later than the shown moment belongs to a run scrubbed back from: not shown yet.
    if (!step || record.timeMs > nowMs) continue;
    if (what === 'step')
      moments.push({ mark, timeMs: record.timeMs, text: `Lesson step ${index + 1} began: ${step.title}` });
    else if (what === 'action' && step.action)
      moments.push({ mark, timeMs: record.timeMs, text: `Lesson step ${index + 1} done: ${step.action.prompt}` });
  }
  return moments;
}
