// Lesson 11 (a cache is a fault domain too) as a learner takes it, by mouse: watch the warm
// cache, predict, crash cache-1 from its menu, watch the stampede, tick coalescing in the Policy
// panel and restart the cache. Simulated time moves only through the playback controls.
import { budgetMs, LOADED_S } from './budgets';
import { expect, test } from './fixtures';
import { LessonPage } from './lessonPage';

const PERCENT = /^\d+(\.\d+)?%$/;

test.describe('data-system lessons', () => {
  // Four steps, two of them a stampede of thousands of requests a second.
  test.describe.configure({ timeout: budgetMs(LOADED_S.wholeLesson) });

  test('lesson 11: crash a cache node, watch storage drown, coalesce, restart', async ({ page }) => {
    const view = new LessonPage(page);
    await view.open();
    await view.start(11);
    await expect(view.panel).toContainText('Step 1 of 6: The cache carries the reads');
    await view.playUntilReveal();
    await expect(view.simTime).toHaveText('t = 30.0 s');
    await expect(view.reveal.locator('[data-figure="warmHit"]')).toHaveText(PERCENT);
    await view.next();

    await view.predict('Storage is overwhelmed and many requests fail');
    await view.act(view.node('cache-1'), 'Crash node');
    await expect(view.panel).toContainText('Done at t = 30.0 s');
    await view.playUntilReveal();
    await expect(view.simTime).toHaveText('t = 60.0 s');
    await expect(view.panel).toContainText('Your prediction was right');
    await expect(view.reveal.locator('[data-figure="crashAvailability"]')).toHaveText(PERCENT);
    await view.next();

    await view.openTab('Policy');
    const coalesce = page.getByLabel('Coalesce misses (one storage read per key in flight)');
    // By keyboard: scrolled into the rail, the box sits under the sticky tab bar, which takes the
    // click. The box follows the simulation's policy: it ticks once the command is applied.
    await coalesce.focus();
    await page.keyboard.press('Space');
    await expect(coalesce).toBeChecked();
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="coalAvailability"]')).toHaveText(PERCENT);
    await view.next();

    await expect(view.panel).toContainText('Bring the cache back');
    await view.act(view.node('cache-1'), 'Restart node');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="restartHit"]')).toHaveText(PERCENT);
  });
});
