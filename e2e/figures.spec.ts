// One window for each judgement (issue 13): availability, the error budget and the latency target
// read over the same named window, chosen in the headline; a latency target counts failed
// requests as the slowest, so it is never met while most requests fail; the live strip says the
// same. Simulated time moves only by the Step button.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const tile = (page: Page, name: string): Locator => page.locator(`.metric-tile-${name}`);
const label = (page: Page, name: string): Locator => tile(page, name).locator('.metric-label');
const verdict = (scope: Locator): Locator => scope.locator('[data-verdict]');

/** Crashes three of the four app servers: the last one cannot carry the load, most requests fail. */
async function crashThreeAppServers(lab: LabPage): Promise<void> {
  for (const id of ['app-1', 'app-2', 'app-3']) {
    await lab.act(lab.node(id), 'Crash node');
    await expect(lab.node(id)).toHaveAccessibleName(new RegExp(`^${id}, app server, crashed`));
  }
}

async function expectLabelsSay(page: Page, window: string): Promise<void> {
  await expect(label(page, 'availability')).toHaveText(`Availability, ${window}`);
  await expect(label(page, 'error-budget')).toHaveText(`Error budget, ${window}`);
  await expect(label(page, 'latency')).toHaveText(`Latency of successful requests, ${window}`);
  await expect(label(page, 'errors')).toHaveText(`Errors, ${window}`);
  await expect(label(page, 'throughput')).toHaveText(`Served, ${window}`);
  await expect(page.getByTestId('live-strip').locator('.live-spark-window')).toHaveText([window, window]);
}

/** Availability missed goes with the budget exhausted, met with some left, over the same window. */
async function expectBudgetAgrees(page: Page): Promise<void> {
  const availability = (await verdict(tile(page, 'availability')).getAttribute('data-verdict')) ?? '';
  const budget = tile(page, 'error-budget');
  if (availability === 'missed') {
    await expect(budget.getByTestId('error-budget-state')).toHaveText(/exhausted/);
    await expect(budget.locator('[data-metric="error-budget"]')).toHaveText('100% used');
  } else {
    await expect(budget).not.toHaveClass(/metric-budget-exhausted/);
  }
}

test.describe('one window for each judgement', () => {
  test('when most requests fail, no target reads met, over either window', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(3);
    await expect(verdict(tile(page, 'availability'))).toHaveAttribute('data-verdict', 'met');
    await expect(verdict(tile(page, 'latency'))).toHaveAttribute('data-verdict', 'met');
    await expect(lab.metric('error-budget')).toHaveText(/^\d+% used$/);

    await crashThreeAppServers(lab);
    // Past ten seconds, so the last 10 s and the whole run cover different requests.
    await lab.step(9);
    await expectLabelsSay(page, 'last 10 s');
    expect(await lab.metricValue('availability')).toBeLessThan(95);
    await expect(verdict(tile(page, 'availability'))).toHaveAttribute('data-verdict', 'missed');
    // More than 1% failed: the p99 request is a failure, worse than any target.
    await expect(lab.metric('p99-all')).toHaveText('failed');
    await expect(verdict(tile(page, 'latency'))).toHaveAttribute('data-verdict', 'missed');
    await expect(verdict(tile(page, 'latency'))).toHaveText(/target 200 ms missed/);
    await expect(page.locator('[data-verdict="met"]')).toHaveCount(0);
    await expectBudgetAgrees(page);
    // The live strip judges the same window the same way.
    const strip = page.getByTestId('live-strip');
    await expect(strip.locator('[data-metric="live-p99"]')).toHaveText('failed');
    await expect(verdict(strip.locator('.live-spark-p99'))).toHaveAttribute('data-verdict', 'missed');
    await expect(
      strip.getByRole('img', { name: /^p99 of all requests, last 10 s: failed, p99 target 200 ms missed/ }),
    ).toBeVisible();

    const before = await lab.metric('availability').textContent();
    await page.getByLabel(/^Window/).selectOption({ label: 'Whole run' });
    await expectLabelsSay(page, 'whole run');
    // The first healthy seconds count now: availability moves, the verdicts do not.
    await expect(lab.metric('availability')).not.toHaveText(before ?? '');
    expect(await lab.metricValue('availability')).toBeLessThan(99.9);
    await expect(verdict(tile(page, 'availability'))).toHaveAttribute('data-verdict', 'missed');
    await expect(verdict(tile(page, 'latency'))).toHaveAttribute('data-verdict', 'missed');
    await expect(page.locator('[data-verdict="met"]')).toHaveCount(0);
    await expectBudgetAgrees(page);
    await page.locator('.headline-panel').screenshot({ path: 'e2e/screenshots/figures-whole-run.png' });
  });

  test('the window picker has a name, works by keyboard and passes an accessibility check', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(2);
    const picker = page.getByRole('combobox', { name: /^Window for availability, errors, latency/ });
    await expect(picker).toHaveValue('last-10');
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveValue('last-60');
    await expectLabelsSay(page, 'last 60 s');
    const results = await new AxeBuilder({ page })
      .include('section[aria-labelledby="panel-reliability"]')
      .include('[data-testid="live-strip"]')
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
