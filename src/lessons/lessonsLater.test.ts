// Lessons 7 to 10 (lessons 1 to 6 are in lessons.test.ts; see checkLessons.ts).
import { lessons } from './catalog/index';
import { checkLessons } from './checkLessons';

checkLessons(lessons.filter((l) => l.number > 6));
