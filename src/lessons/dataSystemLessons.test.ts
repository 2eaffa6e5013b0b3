// Lessons 11 and up, on the data-system scenario (issue 14): well formed, and every claim true
// of the simulation at its stated rate (see checkLessons.ts). A file of their own so the test
// workers run them beside lessons 1–6 and 7–10 instead of after them.
import { lessons } from './catalog/index';
import { checkLessons } from './checkLessons';

checkLessons(lessons.filter((l) => l.number >= 11));
