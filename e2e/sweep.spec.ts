// "Run many seeds": the lab's experiment over a hundred seeds in the worker pool, its odds and
// histograms with this run marked, a bar opening its seed in the lab, Cancel, the link that reruns
// the sweep (with another number of workers, to the same rows) and the CSV and JSON files.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { budgetMs } from './budgets';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

/**
 * Slowest seen on the 2-core machine at a load average of 12 to 14, seconds: a hundred 2-second
 * seeds of the default cluster with two of them opened in the lab (21), twice with a second page
 * (18), and one sweep's wait for its results (12, of the 8 s the cancel test took in all).
 */
const LOADED_S = { sweepAndOpen: 21, twoSweeps: 18, oneSweep: 12 } as const;

/** Sweeps run on all cores but one: `cores` makes that 1 worker (cores 2) or 3 (cores 4). */
async function withCores(page: Page, cores: number): Promise<void> {
  await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), cores);
}

/** The default cluster with app-2 crashed at 1.0 s, paused at 2.0 s, and the sweep dialog open. */
async function openSweepOnACrash(lab: LabPage): Promise<Locator> {
  await lab.open();
  await lab.step(1);
  await lab.act(lab.node('app-2'), 'Crash node');
  await lab.step(1);
  await lab.openTab('Charts');
  await lab.page.getByRole('button', { name: 'Run many seeds…' }).click();
  return lab.page.getByRole('dialog', { name: 'Run many seeds' });
}

async function runHundred(dialog: Locator): Promise<string> {
  await dialog.getByLabel('Number of seeds').fill('100');
  await expect(dialog.getByLabel('Simulated seconds per seed')).toHaveValue('2');
  await expect(dialog.getByLabel('First seed')).toHaveValue('1');
  await dialog.getByRole('button', { name: 'Run 100 seeds' }).click();
  const headline = dialog.getByTestId('sweep-headline');
  await expect(headline).toContainText(/of 100|No seed of 100/, { timeout: budgetMs(LOADED_S.oneSweep) });
  return (await headline.textContent()) ?? '';
}

async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const started = page.waitForEvent('download');
  await button.click();
  const file = await started;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('a hundred seeds of this run: odds, histograms with this run marked, a bar opens its seed', async ({ page }) => {
  test.setTimeout(budgetMs(LOADED_S.sweepAndOpen));
  const lab = new LabPage(page);
  const dialog = await openSweepOnACrash(lab);
  await expect(dialog).toContainText('and your one action at its moment');
  await runHundred(dialog);
  await expect(dialog.getByRole('heading', { name: /^100 seeds \(1 to 100\) in / })).toBeVisible();
  await expect(dialog.getByTestId('sweep-headline')).toContainText('lost acknowledged writes');
  await expect(dialog.getByTestId('sweep-headline')).toContainText(/\(95% interval \d[\d.]*%–\d[\d.]*%\)/);
  await expect(dialog.getByTestId('sweep-slo')).toContainText(/was met in [\d.]+% of seeds: \d+ of 100 \(95% interval/);
  // Four histograms, each with this run (seed 1) marked in words and on one bar.
  const figures = dialog.getByRole('figure');
  await expect(figures).toHaveCount(4);
  await expect(figures.getByText('this run', { exact: true })).toHaveCount(4);
  await expect(dialog.getByRole('button', { name: /; this run is here$/ })).toHaveCount(4);
  const p99 = dialog.getByRole('figure', { name: /p99 latency/ });
  await expect(p99).toContainText('This run (seed 1):');
  await expect(p99.getByRole('definition')).toHaveCount(8);
  await page.screenshot({ path: 'e2e/screenshots/sweep.png' });
  const axe = await new AxeBuilder({ page }).include('.sweep-dialog').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The lowest p99 bar opens its lowest seed as a normal run, at the sweep's 2.0 s.
  const bar = p99.getByRole('button').first();
  const label = (await bar.getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/^p99 latency [\d.]+ ms–[\d.]+ ms: \d+ seeds?; open seed \d+/);
  const seed = /open seed (\d+)/.exec(label)?.[1] ?? '';
  await bar.click();
  await expect(dialog).toBeHidden();
  await expect(lab.simTime).toHaveText('t = 2.0 s');
  await lab.openTab('Setup');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue(seed);

  // The results stay. By keyboard a histogram is one tab stop (this run's bar), the arrow keys,
  // Home and End move between its bars, and Enter opens one.
  await lab.openTab('Charts');
  await page.getByRole('button', { name: 'Run many seeds…' }).click();
  const bars = p99.getByRole('button');
  await p99.getByRole('button', { name: /; this run is here$/ }).focus();
  await expect(p99.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Home');
  await expect(bars.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(bars.last()).toBeFocused();
  const other = /open seed (\d+)/.exec((await bars.last().getAttribute('aria-label')) ?? '')?.[1] ?? '';
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await lab.openTab('Setup');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue(other);
});

test('a long sweep shows its progress and can be cancelled by keyboard, keeping nothing', async ({ page }) => {
  test.setTimeout(budgetMs(LOADED_S.oneSweep));
  const lab = new LabPage(page);
  await lab.open();
  await lab.openTab('Charts');
  const button = page.getByRole('button', { name: 'Run many seeds…' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Run many seeds' });
  await expect(dialog).toBeVisible();
  // At t = 0 the duration defaults to a minute a seed.
  await expect(dialog.getByLabel('Simulated seconds per seed')).toHaveValue('60');
  await dialog.getByLabel('Number of seeds').fill('10000');
  // Five seconds a seed: the first hundred seeds (the pool's first chunk) report soon.
  await dialog.getByLabel('Simulated seconds per seed').fill('5');
  await page.keyboard.press('Enter');
  const progress = dialog.getByRole('progressbar', { name: /Running seeds/ });
  await expect(progress).toHaveAttribute('max', '10000');
  await expect(dialog.getByTestId('sweep-done')).not.toHaveText('0');
  await expect(dialog).toContainText(/seeds a second · about .+ left/);
  await page.screenshot({ path: 'e2e/screenshots/sweep-progress.png' });
  // Focus moved from Run to Cancel when the sweep began, and back to Run when it ends.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('sweep-cancelled')).toContainText(
    /The sweep was cancelled after [\d,]+ of 10,000 seeds; none of its results are kept/,
  );
  await expect(progress).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Run 10,000 seeds' })).toBeFocused();
  await expect(dialog.getByTestId('sweep-headline')).toHaveCount(0);
  await expect(dialog.getByRole('figure')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('the link reruns the sweep to the same rows with more workers; CSV and JSON downloads', async ({
  page,
  context,
}) => {
  test.setTimeout(budgetMs(LOADED_S.twoSweeps));
  await withCores(page, 2);
  const dialog = await openSweepOnACrash(new LabPage(page));
  const headline = await runHundred(dialog);
  const csv = await download(page, dialog.getByRole('button', { name: 'Seeds (CSV)' }));
  expect(csv.name).toBe('faultline-default-seed-1-t-2.0s-sweep-1-100-requests.csv');
  const lines = csv.text.trim().split('\n');
  expect(lines).toHaveLength(101);
  expect(lines[0]).toBe(
    'seed,requests,failed,availability,p99Ms,sloMet,writesAcked,ackedWritesLost,partitionsLost,diskFailures,repairs,refused,logHash',
  );
  expect(lines[1]).toMatch(/^1,\d+,/);
  const json = await download(page, dialog.getByRole('button', { name: 'Sweep (JSON)' }));
  expect(json.name).toBe('faultline-default-seed-1-t-2.0s-sweep-1-100-requests.json');
  const output = JSON.parse(json.text) as { rows: unknown[][]; seeds: unknown; mode: string; durationMs: number };
  expect(output).toMatchObject({ seeds: { from: 1, to: 100 }, mode: 'requests', durationMs: 2000 });
  expect(output.rows).toHaveLength(100);
  expect(json.text).toBe(`${JSON.stringify(output, null, 2)}`);

  const link = await dialog.getByLabel('Link that reruns this sweep').inputValue();
  expect(link).toMatch(/#x=.+&sweep=1-100_2000ms_requests$/);
  const again = await context.newPage();
  await withCores(again, 4);
  await again.goto(link);
  const rerun = again.getByRole('dialog', { name: 'Run many seeds' });
  await expect(rerun.getByTestId('sweep-headline')).toHaveText(headline, { timeout: budgetMs(LOADED_S.oneSweep) });
  const rerunJson = await download(again, rerun.getByRole('button', { name: 'Sweep (JSON)' }));
  expect(rerunJson.text).toBe(json.text);
  // The lab behind it opened the link's run.
  await expect(again.getByTestId('sim-time')).toHaveText('t = 2.0 s');
});

test('a bad sweep parameter is named and the experiment still opens', async ({ page }) => {
  const lab = new LabPage(page);
  const dialog = await openSweepOnACrash(lab);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Link to this run').inputValue();
  await page.goto('about:blank');
  await page.goto(`${link}&sweep=1-0_2000ms_requests`);
  const opened = page.getByRole('dialog', { name: 'Run many seeds' });
  await expect(opened.getByRole('alert')).toContainText(
    "This link's sweep could not run: seeds: the seed range is empty (its last seed is before its first). Its experiment opened without it.",
  );
  await expect(page.getByTestId('sim-time')).toHaveText('t = 2.0 s');
  await expect(opened.getByRole('button', { name: 'Run 1,000 seeds' })).toBeVisible();
});

test('durability mode: a hardware year a seed without requests, the odds of losing a partition', async ({ page }) => {
  test.setTimeout(budgetMs(LOADED_S.oneSweep + 5));
  const lab = new LabPage(page);
  await lab.open();
  await lab.openTab('Charts');
  await page.getByRole('button', { name: 'Run many seeds…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run many seeds' });
  // Offered only with random hardware failures on.
  await expect(dialog.getByRole('group', { name: 'What each seed simulates' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await lab.openTab('Faults');
  await page.getByLabel('Disks and machines fail at random').click();
  await expect(page.getByLabel('Disks and machines fail at random')).toBeChecked();
  await page.getByLabel('Time compression').selectOption('86400');
  await expect(page.getByTestId('hardware-status')).toContainText('On:');
  await lab.openTab('Charts');
  await page.getByRole('button', { name: 'Run many seeds…' }).click();
  await dialog.getByRole('radio', { name: /Durability only/ }).check();
  await expect(dialog.getByLabel('Hardware years per seed')).toHaveValue('1');
  await dialog.getByLabel('Number of seeds').fill('100');
  await dialog.getByRole('button', { name: 'Run 100 seeds' }).click();
  await expect(dialog.getByTestId('sweep-headline')).toContainText(/lost a partition/, {
    timeout: budgetMs(LOADED_S.oneSweep),
  });
  await expect(dialog).toContainText('Data lost here means a partition lost every copy');
  await expect(dialog.getByTestId('sweep-slo')).toHaveCount(0);
  await expect(dialog.getByRole('figure', { name: /Partitions lost/ })).toBeVisible();
  await expect(dialog.getByRole('figure', { name: /Disk failures/ })).toBeVisible();
  await expect(dialog.getByRole('figure', { name: /Availability/ })).toHaveCount(0);
  const link = await dialog.getByLabel('Link that reruns this sweep').inputValue();
  // A year at 86,400x is 365 simulated seconds.
  expect(link).toMatch(/&sweep=1-100_365000ms_durability$/);
});
