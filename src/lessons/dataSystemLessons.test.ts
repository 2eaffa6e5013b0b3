// Lessons 11 and 12, on the data-system scenario (issue 14): well formed, and every claim true
// of the simulation at its stated rate (see checkLessons.ts). A file of their own so the test
// workers run them beside lessons 1–6 and 7–10 instead of after them (13 and 14 have
// pipelineLessons.test.ts).
import { lessons } from './catalog/index';
import { checkLessons } from './checkLessons';

checkLessons(lessons.filter((l) => l.number === 11 || l.number === 12));
