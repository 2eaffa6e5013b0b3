// Every lesson, in teaching order, validated once when first imported.
import { lessonSchema, type Lesson, type LessonInput } from '../lessonSchema';
import { faultsNotFailures } from './faultsNotFailures';

const inputs: readonly LessonInput[] = [faultsNotFailures];

export const lessons: readonly Lesson[] = inputs.map((l) => lessonSchema.parse(l));

export function getLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
