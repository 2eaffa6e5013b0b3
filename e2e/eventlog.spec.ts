// The event log a learner reads: plain words, filters by kind, node and words, exports of exactly
// the shown lines, and bursts of like lines folded into groups in the 500-node run. Simulated
// time moves only by the Step button.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const logOf = (page: Page) => page.getByRole('log', { name: 'Notable events, newest first' });
const chip = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name} \\d+$`) });

async function saved(page: Page, name: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { download, text: await readFile((await download.path()) as string, 'utf8') };
}

test.describe('event log', () => {
  test('says what happened in plain words, filters, searches and exports the shown lines', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(1);
    await lab.act(lab.node('app-1'), 'Crash node');
    await lab.openTab('Policy');
    await page.getByLabel('Load-balancer strategy').selectOption('least-outstanding');
    await lab.step(2);

    await lab.openTab('Log');
    const log = logOf(page);
    await expect(log.getByRole('listitem').filter({ hasText: /^1\.0 s.*app-1 crashed · by you$/ })).toHaveCount(1);
    await expect(log).toContainText('The balancer now picks the least busy server');
    await expect(log).toContainText(
      /The balancer took app-1 out of rotation after \d failed health checks · automatic/,
    );
    await expect(log).not.toContainText(/crashNode|lbStrategy|policyChanged/);

    // Faults only: the crash and the removal, not the policy change; the chip counts them.
    await chip(page, 'Faults').click();
    await expect(chip(page, 'Faults')).toHaveAttribute('aria-pressed', 'true');
    await expect(chip(page, 'Faults')).toHaveText('Faults 2');
    await expect(log.getByRole('listitem')).toHaveCount(2);
    await expect(log).not.toContainText('least busy');

    // By node: only lines about app-1 (both are); another node has none, and the log says so.
    await page.getByLabel('Node', { exact: true }).selectOption('app-1');
    await expect(log.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByTestId('event-log-count')).toContainText('Showing 2 lines (faults, about app-1)');

    // The shown lines export with units in the header, and nothing else.
    const csv = await saved(page, 'Export shown (CSV)');
    expect(csv.download.suggestedFilename()).toMatch(/^faultline-default-seed-\d+-t-3\.0s-events-faults-app-1\.csv$/);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('time_s,kind,cause,node,text,type,detail,seq');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^1,"fault","user","app-1","app-1 crashed","nodeCrashed",/);
    expect(rows.slice(1).every((r) => r.includes('"fault"') && r.includes('"app-1"'))).toBe(true);
    const json = await saved(page, 'Export shown (JSON)');
    const parsed = JSON.parse(json.text) as { filter: string; events: { time_s: number; type: string }[] };
    expect(parsed.filter).toBe('faults, about app-1');
    expect(parsed.events.map((e) => e.type)).toEqual(['nodeCrashed', 'serverRemoved']);

    // Search matches the plain words; no match says so and offers to clear the filters.
    await page.getByLabel('Search', { exact: true }).fill('ROTATION');
    await expect(log.getByRole('listitem')).toHaveCount(1);
    await page.getByLabel('Search', { exact: true }).fill('least busy');
    await expect(log.getByRole('listitem')).toHaveCount(0);
    await expect(log).toContainText('No events match faults, about app-1, matching "least busy".');
    await log.getByRole('button', { name: 'Clear filters' }).click();
    await expect(chip(page, 'All')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Search', { exact: true })).toHaveValue('');
    await expect(log.getByRole('listitem')).toHaveCount(3);

    const results = await new AxeBuilder({ page }).include('#rail-panel-log').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the 500-node run folds the copies rebuilt after a disk fails into one expandable line', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.openTab('Setup');
    await page.getByLabel('Scenario').selectOption('large');
    await expect(lab.node('db-298')).toBeAttached();
    await lab.act(lab.node('db-3'), 'Fail disk 1');
    // Detection takes 0.17 s and a copy 1 s of simulated time at this scenario's compression.
    await lab.step(2);

    await lab.openTab('Log');
    const log = logOf(page);
    await expect(log).toContainText(/Disk 1 of db-3 failed: \d+ partitions are a copy short · by you/);
    const group = log.getByRole('button', { name: /lost copies rebuilt on \d+ nodes$/ });
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    const count = Number(((await group.textContent()) ?? '').match(/(\d+) lost copies/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    await group.click();
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    const members = log.locator('.event-log-members .event-log-entry');
    await expect(members).toHaveCount(count);
    await expect(members.first()).toContainText(/A lost copy of partition \d+ was rebuilt on db-\d+ \(disk \d\)/);
    // A member is its own line: focusable by id, for a chart's mark to lead to.
    await expect(members.first()).toHaveAttribute('id', /^event-line-\d+$/);
    await expect(members.first()).toHaveAttribute('tabindex', '-1');

    await chip(page, 'Recoveries').click();
    await expect(log.getByRole('button', { name: /lost copies rebuilt/ })).toBeVisible();
    await expect(log).not.toContainText('Disk 1 of db-3 failed');
    await chip(page, 'Automatic').click();
    await expect(log.getByRole('button', { name: /lost copies rebuilt/ })).toBeVisible();
  });

  test("a chart's mark leads to its line even when the log's filters hide it", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(1);
    await lab.act(lab.node('app-1'), 'Crash node');
    await lab.step(1);
    await lab.openTab('Log');
    await chip(page, 'Changes').click();
    await expect(logOf(page).getByRole('listitem')).toHaveCount(0);

    await lab.openTab('Charts');
    const marker = page.locator('.chart-marker-button').first();
    await marker.focus();
    const merged = (await marker.getAttribute('aria-expanded')) !== null;
    const target = merged ? page.locator('.chart-marker-line').first() : marker;
    const seq = await target.getAttribute('data-seq');
    await target.click();

    await expect(lab.tab('Log')).toHaveAttribute('aria-selected', 'true');
    await expect(chip(page, 'All')).toHaveAttribute('aria-pressed', 'true');
    const line = page.locator(`#event-line-${seq}`);
    await expect(line).toBeFocused();
    await expect(line).toHaveClass(/event-log-highlight/);
    await expect(line).toContainText('app-1 crashed');
  });
});
