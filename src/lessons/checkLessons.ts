// Every lesson's claims must be true of the simulation: each lesson is run headlessly over many
// seeds, doing what the learner is asked to do, and every claim is judged at its stated rate.
// Shared by two test files (lessons.test.ts and lessonsLater.test.ts), so that the two test
// workers each take about half of this, the suite's heaviest work.
import { describe, expect, it } from 'vitest';
import { CLAIM_SEEDS, runLesson } from './headless';
import { figureRefs } from './markdown';
import type { Lesson } from './lessonSchema';

const SEEDS = CLAIM_SEEDS;

function figureIds(lesson: Lesson): Set<string> {
  return new Set(lesson.steps.flatMap((s) => s.figures.map((f) => f.id)));
}

/** Declares the checks of these lessons (call it from a test file). */
export function checkLessons(selected: readonly Lesson[]): void {
  describe.each(selected.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
    it('is well formed: unique step ids, known marks, placeholders and answers refer to measured figures', () => {
      const stepIds = lesson.steps.map((s) => s.id);
      expect(new Set(stepIds).size).toBe(stepIds.length);
      const ids = figureIds(lesson);
      const texts = [lesson.conclusion, ...lesson.steps.flatMap((s) => [s.prose, s.reveal ?? ''])];
      for (const ref of texts.flatMap(figureRefs)) expect(ids, `{{${ref}}}`).toContain(ref);
      for (const claim of lesson.claims) {
        expect(ids, claim.id).toContain(claim.figure);
        if (typeof claim.than !== 'number') expect(ids, claim.id).toContain(claim.than.figure);
        if (claim.rate < 1)
          expect(claim.text, `${claim.id} must state its rate`).toMatch(/%|in \w+ runs|usually|most/i);
      }
      for (const step of lesson.steps) {
        if (step.prediction?.kind === 'choice')
          expect(step.prediction.options.map((o) => o.id)).toContain(step.prediction.answer);
        if (step.prediction?.kind === 'number' && typeof step.prediction.answer === 'string')
          expect(ids).toContain(step.prediction.answer);
        for (const f of step.figures) {
          const m = f.measure;
          const marks =
            m.kind === 'windows' ? [m.from.mark, m.to.mark] : m.kind === 'total' && m.since ? [m.since] : [];
          for (const mark of marks.filter((x) => x !== 'now'))
            expect(stepIds, `${f.id} uses ${mark}`).toContain(mark.split(':')[1]);
        }
      }
    });

    it(`holds its claims over ${SEEDS.length} seeds`, () => {
      const holds = new Map<string, number>();
      const misses: string[] = [];
      for (const seed of SEEDS) {
        for (const c of runLesson(lesson, seed).claims) {
          holds.set(c.id, (holds.get(c.id) ?? 0) + (c.holds ? 1 : 0));
          if (!c.holds) misses.push(`${c.id} seed ${seed}: ${c.value} vs ${c.than}`);
        }
      }
      for (const claim of lesson.claims) {
        const needed = Math.ceil(claim.rate * SEEDS.length);
        expect(holds.get(claim.id) ?? 0, `${claim.text}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(needed);
      }
      // 20 seeds of a whole lesson: up to 88 s measured on a fully loaded 2-core machine; three times that.
    }, 270_000);
  });
}
