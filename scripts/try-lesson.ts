// Runs lessons headlessly and prints their figures and any claim that failed, per seed:
// `npm run lesson -- [lesson-id] [count]`, with the first `count` of the claim tests' seeds.
// For lesson authors tuning a claim.
import { lessons } from '../src/lessons/catalog/index';
import { CLAIM_SEEDS, runLesson } from '../src/lessons/headless';

const [id, seedsArg] = process.argv.slice(2);
const seeds = CLAIM_SEEDS.slice(0, Number(seedsArg ?? 3));
const chosen = lessons.filter((l) => !id || l.id === id);
if (chosen.length === 0) {
  console.error(`no lesson "${id}"; known: ${lessons.map((l) => l.id).join(', ')}`);
  process.exit(2);
}
for (const lesson of chosen) {
  for (const seed of seeds) {
    const started = performance.now();
    const out = runLesson(lesson, seed);
    const failed = out.claims.filter((c) => !c.holds).map((c) => `${c.id}: ${c.value} vs ${c.than}`);
    const figures = Object.entries(out.figures).map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`);
    console.log(`${lesson.id} seed ${seed} (${(performance.now() - started).toFixed(0)} ms)`);
    console.log(`  ${figures.join('  ')}`);
    if (failed.length > 0) console.log(`  FAILED: ${failed.join('; ')}`);
  }
}
