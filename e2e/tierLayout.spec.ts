// Issue 14's picture at the sizes people use: on the data-system scenario at 1280×720 the cluster
// is drawn large enough to read (the cache column sits at rack height, the key folds), the tier
// tiles leave the rail's controls their room, and every Policy control takes a mouse click (none
// sits under the tab row); on a phone the picture zooms and the tier controls work by touch size.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

async function openDataSystem(page: Page, lab: LabPage): Promise<void> {
  await lab.open();
  const scenario = page.getByLabel('Scenario');
  if (!(await scenario.isVisible())) {
    const drawer = page.getByRole('button', { name: 'Controls' });
    if (await drawer.isVisible()) await drawer.click();
    await lab.openTab('Setup');
  }
  await scenario.selectOption('data-system');
  await expect(lab.node('cache-1')).toBeVisible();
  await expect(lab.simTime).toHaveText('t = 0.0 s');
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return box ?? { x: 0, y: 0, width: 0, height: 0 };
}

test.describe('the data-system picture and rail at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('nodes are drawn large enough to read, the cache between app servers and storage, the tiers’ “+” in view', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await openDataSystem(page, lab);
    await lab.step(1);
    const app1 = await boxOf(lab.node('app-1'));
    const app6 = await boxOf(lab.node('app-6'));
    const cache1 = await boxOf(lab.node('cache-1'));
    const db1 = await boxOf(lab.node('db-1'));
    // A card 72 units tall drawn at 36 px or more holds its id at about 8 px or more (was 18 px).
    expect(app1.height).toBeGreaterThanOrEqual(36);
    // The cache column: right of the app servers, left of storage, within the racks' height.
    expect(cache1.x).toBeGreaterThan(app1.x + app1.width);
    expect(cache1.x + cache1.width).toBeLessThan(db1.x);
    expect(cache1.y).toBeGreaterThanOrEqual(app1.y - app1.height);
    expect(cache1.y + cache1.height).toBeLessThanOrEqual(app6.y + app6.height);
    for (const name of ['Add an app server', 'Add a cache node', 'Add a storage node'])
      await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    // The key folds on a short window; opened, it shows the cache's marks.
    const key = page.locator('.picture-key > summary');
    await expect(key).toBeVisible();
    await key.click();
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('cache node');
  });

  test('the cache and scale tiles take a line each; the rail’s panel keeps its room', async ({ page }) => {
    const lab = new LabPage(page);
    await openDataSystem(page, lab);
    await lab.step(2);
    const hits = await boxOf(lab.metric('cache-hit-ratio'));
    const storage = await boxOf(lab.metric('storage-ops'));
    expect(Math.abs(hits.y - storage.y)).toBeLessThan(4);
    await lab.openTab('Policy');
    expect((await boxOf(page.getByRole('tabpanel', { name: 'Policy' }))).height).toBeGreaterThanOrEqual(120);
    // The rest of a tile is a press on its label away.
    const toggle = page.getByRole('button', { name: /^Cache, last 10 s/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(lab.metric('stale-reads')).toBeHidden();
    await toggle.click();
    await expect(lab.metric('stale-reads')).toBeVisible();
    await expect(lab.metric('keys-held')).toHaveText(/^[\d,]+$/);
  });

  test('every Policy control takes a mouse click; “Coalesce misses” ticks by mouse', async ({ page }) => {
    const lab = new LabPage(page);
    await openDataSystem(page, lab);
    await lab.step(1);
    await lab.openTab('Policy');
    const panel = page.getByRole('tabpanel', { name: 'Policy' });
    // Scrolled to the end first, so controls near the top come back into view under the tab row.
    await panel.evaluate((e) => e.scrollTo(0, e.scrollHeight));
    const controls = panel.locator('input, select, button');
    const count = await controls.count();
    expect(count).toBeGreaterThan(5);
    for (let i = count - 1; i >= 0; i--) {
      const control = controls.nth(i);
      // A trial click checks that the control itself would get the click (nothing covers it).
      if (await control.isEnabled()) await control.click({ trial: true });
    }
    const coalesce = panel.getByLabel('Coalesce misses (one storage read per key in flight)');
    await panel.evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await coalesce.click();
    // The box follows the simulation's policy: it ticks once the command is applied.
    await expect(coalesce).toBeChecked();
  });
});

test.describe('the data-system picture on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('zooms in to read a card; the tier controls work by tap size', async ({ page }) => {
    const lab = new LabPage(page);
    await openDataSystem(page, lab);
    const before = await boxOf(lab.node('app-1'));
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await boxOf(lab.node('app-1'))).height).toBeGreaterThan(before.height * 2);
    const add = page.getByRole('button', { name: 'Add an app server' });
    const size = await boxOf(add);
    expect(size.width).toBeGreaterThanOrEqual(36);
    expect(size.height).toBeGreaterThanOrEqual(32);
    await add.click();
    // (The Setup tab, open in the drawer, has an "App servers" group of its own.)
    await expect(page.locator('.tier-controls').getByRole('group', { name: 'App servers' })).toContainText('7 of 12');
  });
});
