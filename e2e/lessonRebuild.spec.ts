// A link to a late lesson step rebuilds the steps before it in a worker, not on the page: the
// lesson panel shows how far it got while the rest of the lab keeps answering, and Escape (or
// Cancel) stops it and starts the lesson from its first step.
import { expect, test } from './fixtures';
import { LessonPage } from './lessonPage';

test.describe('rebuilding a lesson step from a link', () => {
  test('shows progress while the page stays responsive, then opens the step', async ({ page }) => {
    const view = new LessonPage(page);
    // Step 7 of "Disks die at scale" replays six steps: simulated years of disks and a sweep of
    // 1,000 seeds (step 6's odds). Step 5 alone now rebuilds in about a second, too quick to watch.
    await page.goto('./#lesson=disks-at-scale&step=7');
    const progress = view.panel.getByRole('progressbar', { name: /Replaying the earlier steps/ });
    await expect(progress).toBeVisible();
    // The page is not blocked meanwhile: the Help dialog opens and closes.
    await page.getByRole('button', { name: /^Help/ }).click();
    await expect(page.getByRole('dialog', { name: /shortcuts/i })).toBeVisible();
    await page
      .getByRole('dialog', { name: /shortcuts/i })
      .getByRole('button', { name: 'Close' })
      .click();
    await expect(view.panel).toContainText('Step 7 of 7', { timeout: 30_000 });
    await expect(progress).toHaveCount(0);
  });

  test('Escape stops it and the lesson starts from step 1', async ({ page }) => {
    const view = new LessonPage(page);
    await page.goto('./#lesson=disks-at-scale&step=7');
    await expect(view.panel.getByRole('progressbar', { name: /Replaying the earlier steps/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(view.panel).toContainText('Step 1 of 7');
    await expect(view.panel.getByRole('alert')).toContainText('Rebuilding the earlier steps was stopped');
    // The lesson's first run works: one simulated second steps.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(view.simTime).toHaveText('t = 1.0 s');
  });
});
