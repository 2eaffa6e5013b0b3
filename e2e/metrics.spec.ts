// The metrics dashboard: headline figures, time-series charts, the latency histogram and the
// event log. Simulated time moves only by the Step button; the tests wait on what the page
// shows (the clock, the figures), never on wall-clock sleeps.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const metric = (page: Page, name: string): Locator => page.locator(`[data-metric="${name}"]`);

async function numberOf(page: Page, name: string): Promise<number> {
  return parseFloat((await metric(page, name).textContent()) ?? '');
}

async function openLab(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Step' })).toBeEnabled();
  await expect(page.getByTestId('sim-time')).toHaveText('t = 0.0 s');
}

/** Presses Step until the clock shows `seconds`, waiting for each step to arrive. */
async function stepTo(page: Page, seconds: number): Promise<void> {
  const step = page.getByRole('button', { name: 'Step' });
  const clock = page.getByTestId('sim-time');
  let now = parseFloat(((await clock.textContent()) ?? '').replace('t = ', ''));
  while (now < seconds) {
    await step.click();
    now += 1;
    await expect(clock).toHaveText(`t = ${now.toFixed(1)} s`);
  }
}

async function crashApp1(page: Page): Promise<void> {
  await page.locator('[data-node-id="app-1"]').click();
  await page.getByRole('menuitem', { name: 'Crash node' }).click();
}

test.describe('metrics', () => {
  test.beforeEach(async ({ page }) => openLab(page));

  test('headline figures exist and parse at the start', async ({ page }) => {
    await expect(metric(page, 'availability')).toHaveText(/^\d{1,3}(\.\d+)?%$/);
    for (const name of ['p50', 'p95', 'p99', 'p999']) {
      // No request has finished at t = 0: a dash, not a made-up 0 ms.
      await expect(metric(page, name)).toHaveText(/^(—|\d+(\.\d)? ms)$/);
    }
    await expect(metric(page, 'throughput')).toHaveText(/^\d+ req\/s$/);
    await expect(metric(page, 'acked-writes-lost')).toHaveText(/^\d+$/);
    await expect(metric(page, 'under-replicated')).toHaveText(/^\d+$/);
    expect(await numberOf(page, 'acked-writes-lost')).toBe(0);
  });

  test('stepping fills the figures, the charts and the histogram', async ({ page }) => {
    await stepTo(page, 4);
    await expect(metric(page, 'sim-time')).toHaveText('4.0 s');
    for (const name of ['p50', 'p95', 'p99', 'p999']) {
      await expect(metric(page, name)).toHaveText(/^\d+(\.\d)? ms$/);
    }
    expect(await numberOf(page, 'p50')).toBeGreaterThan(0);
    expect(await numberOf(page, 'p99')).toBeGreaterThanOrEqual(await numberOf(page, 'p50'));
    expect(await numberOf(page, 'throughput')).toBeGreaterThan(0);
    const availability = await numberOf(page, 'availability');
    expect(availability).toBeGreaterThanOrEqual(0);
    expect(availability).toBeLessThanOrEqual(100);

    await new LabPage(page).openTab('Charts');
    const charts = page.getByTestId('time-series-charts');
    await expect(charts.locator('svg[role="img"]')).toHaveCount(3);
    // Latency: four percentiles and the servers' own work time; throughput three; availability one.
    await expect(charts.locator('path.chart-series[d^="M"]')).toHaveCount(9);
    await expect(charts.locator('path.chart-series-server[d^="M"]')).toHaveCount(1);
    await expect(charts.getByRole('img', { name: /^Latency percentiles/ })).toHaveAttribute(
      'aria-label',
      /Latest second: p50 \d.*The servers timed their own work at \d/,
    );

    const histogram = page.getByTestId('latency-histogram');
    await expect(histogram.getByRole('img', { name: /^Histogram of the latency/ })).toBeVisible();
    expect(await histogram.locator('rect.histogram-bar').count()).toBeGreaterThan(3);
    await expect(histogram).toContainText(/median \d/);
  });

  test('a crashed node is logged in words and marked on every chart', async ({ page }) => {
    await stepTo(page, 2);
    await crashApp1(page);
    await stepTo(page, 4);
    const lab = new LabPage(page);
    await lab.openTab('Log');
    const log = page.getByRole('log', { name: 'Notable events, newest first' });
    await expect(log.getByRole('listitem').first()).toBeVisible();
    await expect(log).toContainText(/\d+\.\d s.*app-1 crashed/);
    await lab.openTab('Charts');
    // The crash and the balancer's removal of app-1 two seconds later, on each of the three charts.
    await expect(page.getByTestId('time-series-charts').locator('svg.chart .chart-mark-fault')).toHaveCount(3);
    await expect(
      page.getByRole('toolbar', { name: 'Marked events' }).getByRole('button', { name: /^2 faults from 2\.0 s/ }),
    ).toHaveCount(1);
  });

  test('the span picker changes how much history is shown', async ({ page }) => {
    await stepTo(page, 2);
    await new LabPage(page).openTab('Charts');
    const latency = page.getByRole('img', { name: /^Latency percentiles/ });
    await expect(latency).toHaveAttribute('aria-label', /last 2 min/);
    await page.getByRole('radio', { name: '30 s' }).check();
    await expect(latency).toHaveAttribute('aria-label', /last 30 s/);
  });
});

test('the dashboard passes an automated accessibility check', async ({ page }) => {
  await openLab(page);
  await stepTo(page, 2);
  await crashApp1(page);
  await stepTo(page, 4);
  const lab = new LabPage(page);
  for (const tab of ['Charts', 'Log']) {
    await lab.openTab(tab);
    const results = await new AxeBuilder({ page })
      .include('section[aria-labelledby="panel-reliability"]')
      .include('[data-testid="live-strip"]')
      .include('.rail-tabs')
      .analyze();
    expect(
      results.violations.map((v) => `${tab}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
});

test.describe('metrics screenshots', () => {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`the dashboard after 30 s with a fault at ${size.width}x${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await openLab(page);
      await stepTo(page, 12);
      await crashApp1(page);
      await stepTo(page, 30);
      await expect(metric(page, 'sim-time')).toHaveText('30.0 s');
      await page.screenshot({ path: `e2e/screenshots/metrics-page-${size.width}.png`, fullPage: true });
      await page.locator('.lab-rail').screenshot({ path: `e2e/screenshots/metrics-right-${size.width}.png` });
      await new LabPage(page).openTab('Log');
      await page.locator('.event-log-panel').screenshot({ path: `e2e/screenshots/metrics-events-${size.width}.png` });
    });
  }
});
