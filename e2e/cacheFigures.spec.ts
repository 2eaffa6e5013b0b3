// The cache tier end to end: chosen in the Setup tab's Architecture form, it restarts the run with
// a cache; stepping simulated time through the UI shows the hit ratio in the headline and on its
// chart; the Policy panel changes the cache's write policy while it runs. The default scenario
// shows none of it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

function form(page: Page) {
  return page.getByRole('form', { name: 'Architecture' });
}

async function turnCacheOn(page: Page, lab: LabPage): Promise<void> {
  await lab.openTab('Setup');
  await form(page).getByRole('checkbox', { name: 'Cache between app servers and storage' }).check();
  await form(page).getByRole('spinbutton', { name: 'Cache nodes (machines)' }).fill('2');
  await form(page).getByRole('button', { name: 'Apply and restart' }).click();
  await expect(form(page).getByRole('status')).toHaveText('Applied: the run started again from time 0.');
}

test.describe('the cache in the lab', () => {
  test('a cache chosen in the Architecture form shows its hit ratio; its write policy changes while it runs', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await turnCacheOn(page, lab);
    await expect(lab.metric('cache-hit-note')).toHaveText('No lookups yet.');
    await expect(lab.metric('cache-hit-ratio')).toHaveText('—');
    await lab.step(3);

    await expect(lab.metric('cache-hit-ratio')).toHaveText(/^\d+\.\d%$/);
    const ratio = await lab.metricValue('cache-hit-ratio');
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThanOrEqual(100);
    await expect(lab.metric('storage-ops')).toHaveText(/^\d+ ops\/s$/);
    expect(await lab.metricValue('keys-held')).toBeGreaterThan(0);
    await expect(lab.metric('cache-hit-note')).toHaveText(/^Whole run \d+\.\d%\.$/);

    await page.getByTestId('figure-window').selectOption('whole');
    await expect(lab.metric('cache-hit-note')).toHaveText(/^\d+ lookups\.$/);

    await lab.openTab('Charts');
    await expect(page.getByTestId('chart-hit-ratio')).toBeVisible();
    await expect(page.getByTestId('chart-storage-ops')).toBeVisible();

    await lab.openTab('Policy');
    const policy = page.getByRole('group', { name: 'Cache' });
    const onWrite = policy.getByRole('combobox', { name: 'On a write' });
    await expect(onWrite).toHaveValue('invalidate');
    await onWrite.selectOption('write-through');
    await lab.step(1);
    // The select shows the simulation's policy: the command was taken.
    await expect(onWrite).toHaveValue('write-through');
    await lab.openTab('Log');
    await expect(page.getByText(/writePolicy|write policy|Write through/i).first()).toBeVisible();
  });

  test('the default scenario shows no cache figures, charts or policies', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(2);
    await expect(lab.metric('availability')).toBeVisible();
    await expect(lab.metric('cache-hit-ratio')).toHaveCount(0);
    await expect(lab.metric('machine-seconds')).toHaveCount(0);
    await lab.openTab('Charts');
    await expect(page.getByTestId('time-series-charts')).toBeVisible();
    await expect(page.getByTestId('chart-hit-ratio')).toHaveCount(0);
    await expect(page.getByTestId('chart-app-servers')).toHaveCount(0);
    await lab.openTab('Policy');
    await expect(page.getByTestId('cache-policy')).toHaveCount(0);
  });

  test('storage shedding: the storage queue limit changes while the run goes on', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.openTab('Setup');
    await page.getByLabel('Scenario').selectOption('data-system');
    await lab.openTab('Policy');
    const limit = page.getByRole('group', { name: 'Storage shedding' }).getByRole('spinbutton');
    await expect(limit).toHaveValue('40');
    await limit.fill('4');
    await limit.press('Enter');
    await lab.step(1);
    await expect(limit).toHaveValue('4');
    await lab.openTab('Log');
    await expect(page.getByText(/queues up to 4 operations|queue limit/i).first()).toBeVisible();
  });
});
