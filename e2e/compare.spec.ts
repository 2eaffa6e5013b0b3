// A/B: the current run against the same run with one policy changed, side by side.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

test('compare shows two runs of the same faults under two policies', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.step(3);
  await lab.act(lab.node('app-2'), 'Crash node');
  await lab.step(6);
  await lab.openTab('Charts');
  await page.getByRole('button', { name: 'Compare with another policy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two policies' });
  await expect(dialog).toContainText('Both run to t = 9.0 s');
  await dialog.getByLabel('Run B changes').selectOption({ label: 'No retries' });
  await dialog.getByRole('button', { name: 'Compare' }).click();
  const table = dialog.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'B: No retries' })).toBeVisible();
  // Without retries, the crash costs failed requests that retries had hidden.
  const failed = table.getByRole('row', { name: /Requests failed/ });
  const a = Number((await failed.locator('[data-run="a"]').textContent())?.replace(/,/g, ''));
  const b = Number((await failed.locator('[data-run="b"]').textContent())?.replace(/,/g, ''));
  expect(b).toBeGreaterThan(a);
  await expect(dialog.locator('path[data-run="a"]')).toHaveCount(3);
  await expect(dialog.locator('path[data-run="b"]')).toHaveCount(3);
  expect(await dialog.locator('path[data-run="b"]').first().getAttribute('d')).toMatch(/^M/);
  // The two clusters side by side, drawn still (no buttons) and told in words.
  const pictures = dialog.getByRole('region', { name: 'The cluster at t = 9.0 s' });
  await expect(pictures.locator('figure')).toHaveCount(2);
  await expect(pictures.locator('figure[data-run="a"] figcaption')).toContainText('3 of 4 app servers up');
  await expect(pictures.locator('figure[data-run="b"] figcaption')).toContainText('B: No retries.');
  await expect(pictures.locator('[data-node-id], [role="button"]')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/compare.png' });

  // Without health checks the balancer keeps the crashed server in rotation: the pictures differ.
  await dialog.getByLabel('Run B changes').selectOption({ label: 'Health checks off' });
  await dialog.getByRole('button', { name: 'Compare' }).click();
  await expect(pictures.locator('figure[data-run="b"] figcaption')).toContainText(
    '3 of 4 app servers up, 4 in rotation',
  );
  await expect(pictures.locator('figure[data-run="a"] figcaption')).toContainText(
    '3 of 4 app servers up, 3 in rotation',
  );
  await pictures.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/compare-pictures.png' });
  const axe = await new AxeBuilder({ page }).include('.compare-dialog').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Closed, the pictures leave the page: the lab's own nodes are the only ones.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(lab.node('app-2')).toHaveCount(1);
});
