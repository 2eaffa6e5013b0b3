// "Trace a request" as a learner uses it: pick a request from the menu above the picture, advance
// simulated time until one is found, then read in the Trace tab why it ended so and its waterfall.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EXPECT_BUDGET_MS } from './budgets';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const tracePanel = (page: Page) => page.locator('#rail-panel-trace');

/** Steps simulated time a second at a time until the trace's heading shows (at most `limit` steps). */
async function stepUntilFound(lab: LabPage, limit: number): Promise<void> {
  const heading = tracePanel(lab.page).getByRole('heading', { name: /^Request #\d+/ });
  for (let i = 0; i < limit && !(await heading.isVisible()); i++) await lab.step(1);
  await expect(heading).toBeVisible({ timeout: EXPECT_BUDGET_MS });
}

/** The waterfall draws one row for each row of its table. */
async function expectRowPerTableRow(page: Page): Promise<number> {
  const rows = tracePanel(page).locator('.waterfall [data-row-kind]');
  const tableRows = tracePanel(page).locator('table tbody tr');
  const count = await tableRows.count();
  expect(count).toBeGreaterThan(3);
  await expect(rows).toHaveCount(count);
  return count;
}

test.describe('trace a request', () => {
  test('a failed request behind four partitioned links: its cause and a waterfall row per hop', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    for (const n of [1, 2, 3, 4]) await lab.act(lab.link(`lb~app-${n}`), 'Partition link');
    await page.getByRole('button', { name: 'Trace a request' }).click();
    await page.getByRole('menuitem', { name: 'A failed one' }).click();
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
    await expect(tracePanel(page).getByText(/^Looking for a failed request… \(press Play or Step/)).toBeVisible();

    await stepUntilFound(lab, 6);
    const panel = tracePanel(page);
    await expect(panel.getByRole('heading', { name: /— failed after \d attempts?$/ })).toBeVisible();
    await expect(panel.locator('.trace-why')).toHaveText(
      /^Failed after \d attempts?: .*(timed out because|unavailable)/,
    );
    // The announcement reaches screen readers even while another tab is shown.
    await expect(page.getByRole('status').filter({ hasText: /^Trace found\. Request #\d+/ })).toHaveCount(1);
    await expectRowPerTableRow(page);
    await expect(panel.locator('.waterfall [data-row-kind="hop"]').first()).toBeVisible();
    await expect(panel.getByRole('rowheader', { name: 'clients → lb' }).first()).toBeAttached();
    // The first attempt's request dies at a partitioned link (or the balancer has no server left).
    await expect(panel.locator('table')).toContainText(/lost: the link lb–app-\d is cut|no app server/);

    const axe = await new AxeBuilder({ page }).include('#rail-panel-trace').include('.trace-menu').analyze();
    expect(axe.violations).toEqual([]);

    await panel.getByRole('button', { name: 'Show as table' }).click();
    await expect(panel.getByRole('table')).toBeVisible();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel.getByText(/^No request traced yet/)).toBeVisible();
  });

  test('the next request on a healthy run, by keyboard: served, with queue, service and replicas', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    const button = page.getByRole('button', { name: 'Trace a request' });
    await button.focus();
    await page.keyboard.press('Enter');
    const first = page.getByRole('menuitem', { name: 'The next request' });
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: /^A slow one \(slower than p99 now: \d+ ms\)$/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Trace' })).toBeFocused();
    await expect(tracePanel(page).getByText(/^Looking for the next request…/)).toBeVisible();

    await stepUntilFound(lab, 3);
    const panel = tracePanel(page);
    await expect(panel.getByRole('heading', { name: /— served in [\d.]+ ms$/ })).toBeVisible();
    await expect(panel.locator('.trace-why')).toHaveText(/^Served in [\d.]+ ms after 1 attempt/);
    await expectRowPerTableRow(page);
    for (const kind of ['queued', 'served', 'replica'])
      await expect(panel.locator(`.waterfall [data-row-kind="${kind}"]`).first()).toBeVisible();
    await expect(panel.getByRole('rowheader', { name: /^queued at app-\d$/ })).toBeAttached();
    await expect(panel.getByRole('rowheader', { name: /^served by app-\d$/ })).toBeAttached();
    await expect(panel.getByRole('rowheader', { name: /^asked db-\d$/ }).first()).toBeAttached();

    // "Trace another" looks for the same kind of request again.
    await panel.getByRole('button', { name: 'Trace another' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByText(/^Looking for the next request…/)).toBeVisible();
  });
});
