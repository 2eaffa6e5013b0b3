// Every lesson at its key step, as the app reaches it: the deep link replays the earlier steps,
// the learner predicts, lets the lab do the step's action ("Do it for me"), plays until the
// reveal and reads their own figures. One screenshot per lesson, to look at.
import { lessons } from '../src/lessons/catalog/index';
import type { Lesson } from '../src/lessons/lessonSchema';
import { budgetMs, LOADED_S } from './budgets';
import { expect, test } from './fixtures';
import { LessonPage } from './lessonPage';

/**
 * The step that shows the lesson's point: the one measuring the most figures (the later on ties).
 * Odds steps measure many seeds, not the run: e2e/oddsLessons.spec.ts takes them.
 */
function keyStep(lesson: Lesson): number {
  let best = 0;
  lesson.steps.forEach((step, i) => {
    if (step.reveal && !step.odds && step.figures.length >= (lesson.steps[best]?.figures.length ?? 0)) best = i;
  });
  return best;
}

test.describe('each lesson at its key step', () => {
  test.describe.configure({ timeout: budgetMs(LOADED_S.lessonKeyStep) });
  for (const lesson of lessons) {
    test(`lesson ${lesson.number}: ${lesson.title}`, async ({ page }) => {
      const key = keyStep(lesson);
      const step = lesson.steps[key];
      const view = new LessonPage(page);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`./#lesson=${lesson.id}&step=${key + 1}`);
      await expect(view.panel).toContainText(`Step ${key + 1} of ${lesson.steps.length}: ${step?.title ?? ''}`, {
        timeout: budgetMs(LOADED_S.lessonKeyStep),
      });
      if (step?.prediction?.kind === 'choice') await view.predict(step.prediction.options[0]?.label ?? '');
      if (step?.prediction?.kind === 'number') await view.predictNumber(step.prediction.min);
      if (step?.action) {
        const doIt = view.panel.getByRole('button', { name: 'Do it for me' });
        // A step with a baseline asks for its action only once the baseline is measured.
        if (step.action.afterMs > 0) await view.playUntil(doIt, '1000x');
        await doIt.click();
        await expect(view.panel.getByText(/Done at t = /)).toBeVisible();
      }
      await view.playUntilReveal('1000x');
      const figures = view.reveal.locator('[data-figure]');
      expect(await figures.count()).toBeGreaterThan(0);
      await expect(figures.filter({ hasText: 'not measured yet' })).toHaveCount(0);
      await page.screenshot({ path: `e2e/screenshots/lesson-${lesson.number}-key-step.png` });
    });
  }
});
