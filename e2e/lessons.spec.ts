// Guided lessons as a learner takes them: start from the list, predict, cause the fault
// themselves, let simulated time pass through the playback controls, read a reveal that quotes
// their own run, and finish with the claims checked against it.
import AxeBuilder from '@axe-core/playwright';
import { budgetMs, LOADED_S } from './budgets';
import { expect, test } from './fixtures';
import { LessonPage } from './lessonPage';

test.describe('guided lessons', () => {
  // Whole lessons: dozens of steps of simulated time each, on a machine that may be busy.
  test.describe.configure({ timeout: budgetMs(LOADED_S.wholeLesson) });
  test('lesson 1 by mouse: faults are not failures', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open();
    await lesson.start(1);
    await expect(lesson.panel).toContainText('Step 1 of 4: A healthy cluster');
    await lesson.playUntilReveal();
    // The run holds exactly where the observation ends.
    await expect(lesson.simTime).toHaveText('t = 10.0 s');
    await expect(lesson.reveal).toContainText(/of requests succeeded and the typical p99 was \d+(\.\d+)? ms/);
    await page.screenshot({ path: 'e2e/screenshots/lesson-1-baseline.png' });

    await lesson.next();
    await expect(lesson.panel).toContainText('Step 2 of 4: Crash one server');
    await lesson.predict('A short blip of errors or slow requests, then normal service');
    await expect(lesson.panel).toContainText('Your turn');
    await lesson.act(lesson.node('app-2'), 'Crash node');
    await expect(lesson.panel).toContainText('Done at t = 10.0 s');
    await lesson.playUntilReveal();
    await expect(lesson.simTime).toHaveText('t = 30.0 s');
    await expect(lesson.panel).toContainText('Your prediction was right');
    const p99 = lesson.reveal.locator('[data-figure="crashP99"]');
    await expect(p99).toHaveText(/^\d+(\.\d+)? ms$/);
    await page.screenshot({ path: 'e2e/screenshots/lesson-1-reveal.png' });

    await lesson.next();
    await expect(lesson.panel).toContainText('Step 3 of 4');
    // The step starts a fresh run.
    await expect(lesson.simTime).toHaveText('t = 0.0 s');
    // The box follows the simulation's policy, so it clears once the command is applied.
    await lesson.openTab('Policy');
    const healthChecks = page.getByLabel('Health checks (drop failing servers)');
    await healthChecks.click();
    await expect(healthChecks).not.toBeChecked();
    await lesson.playUntilReveal();

    await lesson.next();
    await lesson.predict('A lasting problem: a share of requests keep going to the dead server');
    await lesson.act(lesson.node('app-3'), 'Crash node');
    await lesson.playUntilReveal();
    await expect(lesson.reveal.locator('[data-figure="blindP99"]')).toHaveText(/^\d+(,\d{3})*(\.\d+)? (ms|s)$/);

    await lesson.next();
    await expect(lesson.panel).toContainText('Summary');
    await expect(lesson.panel.getByRole('listitem').filter({ hasText: 'holds' })).toHaveCount(3);
    await page.screenshot({ path: 'e2e/screenshots/lesson-1-summary.png' });

    // Progress is remembered: the list marks the lesson done after a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Lessons' }).getByRole('listitem').first()).toContainText('Done');
  });

  test('lesson 1 by keyboard only', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open();
    await lesson.tabTo('.lessons-button');
    await page.keyboard.press('Enter');
    await lesson.tabTo('[aria-label^="Start lesson 1:"]');
    await page.keyboard.press('Enter');
    await expect(lesson.panel).toContainText('Step 1 of 4');
    // Step 1 watches ten seconds: ten presses of the step key, and the reveal appears.
    await lesson.stepUntilReveal();
    await expect(lesson.simTime).toHaveText('t = 10.0 s');
    await lesson.tabTo('.lesson-nav .primary');
    await page.keyboard.press('Enter');

    // Focus moves to the new step; predict with the arrow keys, lock it in with Enter.
    await expect(lesson.panel.locator('#lesson-step-label')).toBeFocused();
    await lesson.tabTo('.lesson-prediction input[type="radio"]');
    await page.keyboard.press('ArrowDown');
    await expect(lesson.panel.getByRole('radio', { name: /short blip/ })).toBeChecked();
    await lesson.tabTo('.lesson-prediction button[type="submit"]');
    await page.keyboard.press('Enter');
    await lesson.arrowToNode('app-2');
    await page.keyboard.press('Enter');
    const crash = page.getByRole('menuitem', { name: 'Crash node', exact: true });
    for (let i = 0; i < 10 && !(await crash.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(lesson.panel).toContainText('Done at t = 10.0 s');
    await lesson.stepUntilReveal();
    await expect(lesson.panel).toContainText('Your prediction was right');
    await expect(lesson.reveal.locator('[data-figure="crashFailed"]')).toHaveText(/^\d+$/);

    await lesson.tabTo('.lesson-nav .primary');
    await page.keyboard.press('Enter');
    await lesson.tabToTab('Policy');
    await lesson.tabTo('#policy-health-checks');
    await page.keyboard.press(' ');
    await expect(page.locator('#policy-health-checks')).not.toBeChecked();
    await lesson.stepUntilReveal();
    await lesson.tabTo('.lesson-nav .primary');
    await page.keyboard.press('Enter');
    await lesson.tabTo('.lesson-prediction input[type="radio"]');
    await page.keyboard.press('ArrowDown');
    await lesson.tabTo('.lesson-prediction button[type="submit"]');
    await page.keyboard.press('Enter');
    await lesson.arrowToNode('app-1');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 10 && !(await crash.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await lesson.stepUntilReveal();
    await expect(lesson.panel).toContainText('Your prediction was right');
    await lesson.tabTo('.lesson-nav .primary');
    await page.keyboard.press('Enter');
    await expect(lesson.panel).toContainText('Summary');
    await expect(lesson.panel.getByRole('listitem').filter({ hasText: 'holds' })).toHaveCount(3);
  });

  test('a deep link opens the right step with the earlier steps replayed', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.goto('./#lesson=faults-not-failures&step=2');
    await expect(lesson.panel).toContainText('Step 2 of 4: Crash one server');
    // Step 1 (ten simulated seconds of baseline) was replayed to get here.
    await expect(lesson.simTime).toHaveText('t = 10.0 s');
    // Step 2 asks for a prediction: Next waits, says why, and takes the learner to the question.
    const next = lesson.panel.getByRole('button', { name: 'Next' });
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await expect(next).toHaveAccessibleDescription('Lock in a prediction, or choose Skip predicting, to go on.');
    // It stays in the Tab order; pressing it goes to the question (Playwright's click refuses aria-disabled).
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(lesson.panel.getByRole('radio').first()).toBeFocused();
    await expect(page).toHaveURL(/#lesson=faults-not-failures&step=2$/);
    await lesson.skipPrediction();
    await expect(next).not.toHaveAttribute('aria-disabled');
    await next.click();
    await expect(page).toHaveURL(/#lesson=faults-not-failures&step=3$/);
  });

  test('the summary sets each prediction beside what was measured, and copies a short score', async ({ page }) => {
    const lesson = new LessonPage(page);
    // A browser that refuses the clipboard (an embed without the permission): the text is selected instead.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    // The last step of lesson 1: step 2's prediction was never asked, so it counts as skipped.
    await page.goto('./#lesson=faults-not-failures&step=4');
    await expect(lesson.panel).toContainText('Step 4 of 4');
    await lesson.predict('A lasting problem: a share of requests keep going to the dead server');
    await lesson.panel.getByRole('button', { name: 'Do it for me' }).click();
    await lesson.playUntilReveal('100x');
    await lesson.next();
    const results = lesson.panel.getByRole('region', { name: 'Your predictions and what your run measured' });
    await expect(results).toContainText('1 of 1 prediction right or close (1 skipped)');
    const items = results.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(/Step 2: Crash one server\s*You predicted\s*skipped/);
    await expect(items.nth(1)).toContainText('right');
    await results.getByRole('button', { name: 'Copy my results' }).click();
    const text = results.getByRole('textbox', { name: 'My results' });
    await expect(text).toBeFocused();
    await expect(text).toHaveValue(
      /^Faultline lesson 1: .* \(seed 1\)\n1 of 1 prediction right or close \(1 skipped\)\./,
    );
    await expect(results).toContainText('This browser did not allow copying');
    await page.screenshot({ path: 'e2e/screenshots/lesson-summary-predictions.png' });
  });

  test('a link to a lesson that does not exist says so and offers the list', async ({ page }) => {
    await page.goto('./#lesson=no-such-lesson&step=2');
    const dialog = page.getByRole('dialog', { name: 'Lessons' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toContainText('There is no lesson called "no-such-lesson"');
    await page.goto('./#lesson=faults-not-failures&step=zero');
    await expect(page.getByRole('dialog', { name: 'Lessons' }).getByRole('alert')).toContainText(
      'step must be a whole number',
    );
  });

  test('the lesson list, a step with a prediction, and a reveal pass an accessibility scan', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const list = await new AxeBuilder({ page }).include('dialog.lesson-picker').analyze();
    expect(list.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: /^Start lesson 1:/ }).click();
    await lesson.playUntilReveal();
    await lesson.next();
    const step = await new AxeBuilder({ page }).include('.lesson-panel').analyze();
    expect(step.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await lesson.predict('A short blip of errors or slow requests, then normal service');
    await lesson.panel.getByRole('button', { name: 'Do it for me' }).click();
    await lesson.playUntilReveal();
    const reveal = await new AxeBuilder({ page }).include('.lesson-panel').analyze();
    expect(reveal.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
