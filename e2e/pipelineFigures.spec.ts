// The data pipeline's figures end to end (issue 15): on data-system the headline shows the log's
// append rate, the consumer lag and the index's staleness with their units, a label opens each
// group's lag, delays and duplicates; crashing an indexer consumer (its menu) makes the group
// rebalance, so lag and staleness grow, and the events it had finished since its last commit come
// back as duplicates; the Charts tab draws lag, staleness and appends; the metrics CSV carries
// the pipeline's columns. The default scenario shows none of it.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const SECONDS = /^\d+(\.\d)? s$/;

/**
 * Plays at the slowest speed and pauses a few tenths of a second after `fromS`: the consumers
 * commit their offsets on every whole second, and a crash between two commits leaves finished
 * events to be processed again.
 */
async function pauseBetweenCommits(page: Page, lab: LabPage, fromS: number): Promise<void> {
  await page.getByLabel('Speed').selectOption('0.25');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => lab.seconds()).toBeGreaterThanOrEqual(fromS + 0.3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const now = await lab.seconds();
  expect(now - Math.floor(now)).toBeGreaterThan(0);
}

test.describe('the data pipeline’s figures', () => {
  test('lag, staleness and duplicates in the headline, charts and CSV; a crashed consumer moves them', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.step(3);

    await expect(lab.metric('log-append-rate')).toHaveText(/^\d+ events\/s$/);
    expect(await lab.metricValue('log-append-rate')).toBeGreaterThan(0);
    await expect(lab.metric('consumer-lag-furthest')).toHaveText(SECONDS);
    await expect(lab.metric('index-staleness-seconds')).toHaveText(SECONDS);
    expect(await lab.metricValue('index-staleness-seconds')).toBeLessThan(1);

    // The rest is a press on the label away.
    const consumers = page.getByRole('button', { name: /^Consumer lag/ });
    await expect(consumers).toHaveAttribute('aria-expanded', 'false');
    await expect(lab.metric('consumer-duplicates-indexer')).toBeHidden();
    await consumers.click();
    await expect(consumers).toHaveAttribute('aria-expanded', 'true');
    await expect(lab.metric('consumer-lag-events-indexer')).toHaveText(/^\d+ events?$/);
    await expect(lab.metric('consumer-lag-seconds-notifier')).toHaveText(SECONDS);
    await expect(lab.metric('consumer-delay-p99-indexer')).toHaveText(/^[\d.]+ ms$/);
    await expect(lab.metric('consumer-duplicates-indexer')).toHaveText('0');
    await expect(page.getByText('write → email sent')).toBeVisible();

    await pauseBetweenCommits(page, lab, 3);
    await lab.act(lab.node('indexer-1'), 'Crash node');
    await lab.step(2);
    // The group pauses to rebalance: the indexer, and so the index, falls behind.
    expect(await lab.metricValue('consumer-lag-seconds-indexer')).toBeGreaterThan(1);
    await expect(lab.metric('consumer-lag-furthest')).toHaveText(SECONDS);
    expect(await lab.metricValue('consumer-lag-furthest')).toBeGreaterThan(1);
    expect(await lab.metricValue('index-staleness-seconds')).toBeGreaterThan(1);
    // Once the survivor owns every partition, it processes again what indexer-1 had not committed.
    await lab.step(3);
    await expect.poll(() => lab.metricValue('consumer-duplicates-indexer')).toBeGreaterThan(0);
    await expect(lab.metric('consumer-duplicates-notifier')).toHaveText('0');
    await expect(lab.metric('consumer-members-indexer')).toHaveText('1');

    await lab.openTab('Log');
    await expect(page.getByText(/indexer-1 lost its place in the log/)).toBeVisible();

    await lab.openTab('Charts');
    for (const chart of ['consumer-lag', 'index-staleness', 'log-appends'])
      await expect(page.getByTestId(`chart-${chart}`)).toHaveCount(1);

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const started = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Metrics per second (CSV)' }).click();
    const csv = readFileSync(await (await started).path(), 'utf8');
    const [header = '', ...rows] = csv.trim().split('\r\n');
    const columns = header.split(',');
    for (const name of ['log_appended_events', 'indexer_lag_events', 'indexer_lag_s', 'index_staleness_s'])
      expect(columns).toContain(name);
    const lag = rows.map((row) => Number(row.split(',')[columns.indexOf('indexer_lag_s')]));
    expect(Math.max(...lag)).toBeGreaterThan(1);
  });

  test('the default scenario shows no pipeline figures or charts', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(2);
    await expect(lab.metric('availability')).toBeVisible();
    await expect(lab.metric('log-append-rate')).toHaveCount(0);
    await expect(lab.metric('index-staleness-seconds')).toHaveCount(0);
    await lab.openTab('Charts');
    await expect(page.getByTestId('time-series-charts')).toBeVisible();
    await expect(page.getByTestId('chart-consumer-lag')).toHaveCount(0);
  });
});
