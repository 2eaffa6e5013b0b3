// Issue 14 in the picture, by a learner's hands: the data-system scenario's cache tier, a cache
// node crashed from its menu by keyboard and another flushed, an app server added with "+" that
// starts and then serves as simulated time is stepped, and one removed with "−" (drain).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

async function openDataSystem(page: Page, lab: LabPage): Promise<void> {
  await lab.open();
  const scenario = page.getByLabel('Scenario');
  if (!(await scenario.isVisible())) await lab.openTab('Setup');
  await scenario.selectOption('data-system');
  await expect(lab.node('cache-1')).toBeVisible();
  await expect(lab.simTime).toHaveText('t = 0.0 s');
}

test.describe('the cache tier and scaling in the picture', () => {
  test('crash and flush cache nodes by keyboard; add an app server with "+" and drain one with "−"', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await openDataSystem(page, lab);
    await lab.step(2);
    await expect(lab.node('cache-1')).toHaveAttribute('aria-label', /^cache-1, cache node, up, holds [\d,]+ keys/);

    await lab.actByKeyboard('cache-1', 'Crash node', 0);
    await expect(lab.node('cache-1')).toHaveAttribute('aria-label', /cache-1, cache node, crashed/);
    await lab.actByKeyboard('cache-2', 'Flush cache', 3);
    await lab.step(1);
    await lab.openTab('Log');
    await expect(page.getByText(/cache-2 was flushed: its cache is empty/).first()).toBeVisible();

    // Room for 12 app servers, 6 running: "+" asks for app-7, which starts before it serves.
    await expect(page.getByRole('group', { name: 'App servers' })).toContainText('6 of 12');
    await expect(lab.node('app-7')).toHaveCount(0);
    await page.getByRole('button', { name: 'Add an app server' }).click();
    await expect(lab.node('app-7')).toHaveAttribute('aria-label', /^app-7, app server, starting/);
    await expect(page.getByRole('group', { name: 'App servers' })).toContainText('7 of 12');
    await lab.step(21);
    await expect(lab.node('app-7')).toHaveAttribute('aria-label', /^app-7, app server, up/);

    // "−" drains the last app server still serving (app-7): it finishes its requests, then goes.
    await page.getByRole('button', { name: 'Remove an app server' }).click();
    await lab.step(2);
    await expect(lab.node('app-7')).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'App servers' })).toContainText('6 of 12');
    await expect(page.getByText(/app-7 was removed \(drained/).first()).toBeVisible();
  });

  test('"+" at the limit says why it does nothing', async ({ page }) => {
    const lab = new LabPage(page);
    await openDataSystem(page, lab);
    const add = page.getByRole('button', { name: 'Add a cache node' });
    await add.click();
    await add.click();
    await expect(add).toHaveAttribute('aria-disabled', 'true');
    await add.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'This scenario allows at most 4 cache nodes.' }),
    ).toBeVisible();
  });
});
