// After one visit the lab works offline: the service worker serves the page and its files.
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

test('the lab opens offline after the first visit', async ({ page, context }) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit happened before the worker controlled the page: reload once online so every
  // file the lab needs passes through it.
  await page.reload();
  await expect(lab.node('app-1')).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(lab.node('app-1')).toBeVisible();
  await lab.step(2);
  await expect(lab.simTime).toHaveText('t = 2.0 s');
  await context.setOffline(false);
});
