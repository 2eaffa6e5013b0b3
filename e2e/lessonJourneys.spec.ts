// Two more lessons completed end to end by mouse, with the lab's own controls (the Load panel's
// fields), predictions, reveals quoting the run, and the summary's claims checked against it.
import { getLesson } from '../src/lessons/catalog/index';
import { budgetMs, LOADED_S } from './budgets';
import { expect, test } from './fixtures';
import { LessonPage } from './lessonPage';

test.describe('lessons completed by mouse', () => {
  test.describe.configure({ timeout: budgetMs(LOADED_S.lessonJourney) });

  const claimsOf = (id: string) => getLesson(id)?.claims.length ?? -1;

  /** Types a value into one of the Load panel's number boxes and applies it. */
  async function setField(view: LessonPage, name: RegExp, value: number) {
    const field = view.page.getByRole('spinbutton', { name });
    await field.click();
    await field.fill(String(value));
    await field.press('Enter');
    await expect(field).toHaveValue(String(value));
  }

  test('lesson 6: load parameters, fan-out on read and on write', async ({ page }) => {
    const view = new LessonPage(page);
    await view.open();
    await view.start(6);
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="basePerRequest"]')).toHaveText(/^1\.\d+×$/);
    // The step offers only the Load panel.
    await expect(page.getByRole('heading', { name: 'Policy' })).toHaveCount(0);
    await view.next();

    await view.predictNumber(10_000);
    await setField(view, /^Fan-out/, 20);
    await expect(view.panel).toContainText('Done at t = 10.0 s');
    await view.playUntilReveal();
    await expect(view.panel).toContainText('You predicted 10,000 req/s; the run measured');
    await expect(view.reveal.locator('[data-figure="readStorage"]')).toHaveText(/^\d{1,3}(,\d{3})* req\/s$/);
    await view.next();

    await expect(view.simTime).toHaveText('t = 0.0 s');
    await view.predict('Fewer: the expensive work moves to the rarer operation');
    await setField(view, /^Write fan-out/, 20);
    await view.playUntilReveal();
    await expect(view.panel).toContainText('Your prediction was right');
    await view.next();

    await view.predictNumber(70_000);
    await setField(view, /^Write fan-out/, 200);
    await view.playUntilReveal();
    await expect(view.panel).toContainText('within 15%');
    await page.screenshot({ path: 'e2e/screenshots/lesson-6-celebrity.png' });
    await view.next();
    await expect(view.panel).toContainText('Summary');
    await expect(view.panel.getByRole('listitem').filter({ hasText: 'does not hold' })).toHaveCount(0);
    await expect(view.panel.getByRole('listitem').filter({ hasText: 'holds' })).toHaveCount(
      claimsOf('load-parameters'),
    );
  });

  test('lesson 8: tail latency amplification', async ({ page }) => {
    const view = new LessonPage(page);
    await view.open();
    await view.start(8);
    await view.playUntilReveal('1000x');
    await expect(view.reveal.locator('[data-figure]').first()).toHaveText(/ms$/);
    await view.next();

    // A fresh run; predict about 10% (1 - 0.99^10 = 9.6%).
    await expect(view.simTime).toHaveText('t = 0.0 s');
    await view.predictNumber(10);
    await setField(view, /^Fan-out/, 10);
    await view.playUntilReveal('1000x');
    await expect(view.panel).toContainText(/You predicted 10%; the run measured \d+(\.\d+)?%/);
    await view.next();

    await view.predict('More than half');
    await setField(view, /^Fan-out/, 100);
    await view.playUntilReveal('1000x');
    await expect(view.panel).toContainText('Your prediction was right');
    await page.screenshot({ path: 'e2e/screenshots/lesson-8-hundred.png' });
    await view.next();
    await expect(view.panel.getByRole('listitem').filter({ hasText: 'does not hold' })).toHaveCount(0);
    await expect(view.panel.getByRole('listitem').filter({ hasText: 'holds' })).toHaveCount(
      claimsOf('tail-latency-amplification'),
    );
  });
});
