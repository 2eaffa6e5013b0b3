// Lessons 7 to 10 (lessons 1 to 6 are in lessons.test.ts, 11 and up in dataSystemLessons.test.ts;
// see checkLessons.ts).
import { lessons } from './catalog/index';
import { checkLessons } from './checkLessons';

checkLessons(lessons.filter((l) => l.number > 6 && l.number <= 10));
