// The cluster picture as a user meets it: every node and link is a named button stating its
// status; menus open by mouse and keyboard and send commands; the big cluster draws bundles.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);
const link = (page: Page, id: string) => page.locator(`[data-link-id="${id}"]`);
const item = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });

async function open(page: Page) {
  await page.goto('./');
  await expect(node(page, 'app-1')).toBeVisible();
}

async function act(page: Page, target: Locator, name: string) {
  await target.click();
  await item(page, name).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

/** Advances simulated time through the header's Step button. */
async function step(page: Page, times: number) {
  const button = page.getByRole('button', { name: 'Step' });
  for (let i = 0; i < times; i++) {
    await expect(button).toBeEnabled();
    await button.click();
  }
  await expect(button).toBeEnabled();
}

test.describe('cluster topology', () => {
  test('names every node and link by id and status', async ({ page }) => {
    await open(page);
    await expect(page.getByRole('button', { name: /^app-1, app server, up/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^lb, load balancer, up/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^db-6, storage node, up/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^clients, users/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^lb~app-2, link, connected/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^app-3~db-4, link/ })).toHaveCount(1);
    // The picture is one Tab stop: one node has tabindex 0, the rest are reached by arrow keys.
    await expect(page.locator('[data-node-id][tabindex="0"], [data-link-id][tabindex="0"]')).toHaveCount(1);
    await expect(node(page, 'app-1')).toHaveAttribute('tabindex', '-1');
    await step(page, 3);
    await page.screenshot({ path: 'e2e/screenshots/topology-default.png', fullPage: true });
    await page.locator('.topology-panel').screenshot({ path: 'e2e/screenshots/topology-default-panel.png' });
  });

  test('opens the node menu by click; Escape closes it and returns focus', async ({ page }) => {
    await open(page);
    await node(page, 'app-1').click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(item(page, 'Crash node')).toBeFocused();
    for (const name of ['Restart node', 'Slow down', 'Power-fail rack', 'Restore rack power']) {
      await expect(item(page, name)).toBeVisible();
    }
    await expect(item(page, 'Restart node')).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(node(page, 'app-1')).toBeFocused();
    // Inspecting does not take the menu's focus away: the Inspector tab shows the node when opened.
    await new LabPage(page).openTab('Inspector');
    await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('app-1, app server');
  });

  test('opens the menu by keyboard and slows a node down through the submenu', async ({ page }) => {
    await open(page);
    await node(page, 'app-2').focus();
    await page.keyboard.press('Enter');
    await expect(item(page, 'Crash node')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item(page, 'Restart node')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item(page, 'Slow down')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(item(page, 'Slow down 2x')).toBeFocused();
    await expect(item(page, 'Slow down 10x')).toBeVisible();
    await page.locator('.topology-panel').screenshot({ path: 'e2e/screenshots/topology-menu.png' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(node(page, 'app-2')).toHaveAccessibleName(/^app-2, app server, up, slowed down 5 times/);
    await expect(node(page, 'app-2')).toBeFocused();
    // Arrow keys move between nodes: down the app tier, then right to the storage tier.
    await page.keyboard.press('ArrowDown');
    await expect(node(page, 'app-3')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-node-id^="db-"]:focus')).toHaveCount(1);
    await page.keyboard.press('ArrowLeft');
    await expect(node(page, 'app-3')).toBeFocused();
    // Tab closes a menu too.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('menu')).toHaveCount(0);
  });

  test('crashes and restarts a node', async ({ page }) => {
    await open(page);
    await act(page, node(page, 'app-1'), 'Crash node');
    await expect(node(page, 'app-1')).toHaveAccessibleName(/^app-1, app server, crashed/);
    await node(page, 'app-1').click();
    await expect(item(page, 'Crash node')).toHaveAttribute('aria-disabled', 'true');
    await item(page, 'Restart node').click();
    await expect(node(page, 'app-1')).toHaveAccessibleName(/^app-1, app server, up/);
  });

  test('partitions a link: drawn cut, named cut, then healed', async ({ page }) => {
    await open(page);
    const target = link(page, 'lb~app-2');
    await act(page, target, 'Partition link');
    await expect(target).toHaveAccessibleName(/^lb~app-2, link, cut/);
    await expect(target.locator('.link-cut-marker')).toBeVisible();
    await act(page, target, 'Add latency');
    await expect(target).toHaveAccessibleName(/100 ms added latency/);
    await act(page, target, 'Heal link');
    await expect(target).toHaveAccessibleName(/^lb~app-2, link, connected/);
    await expect(target.locator('.link-cut-marker')).toHaveCount(0);
  });

  test('fails and replaces a disk', async ({ page }) => {
    await open(page);
    await act(page, node(page, 'db-3'), 'Fail disk 1');
    await expect(node(page, 'db-3')).toHaveAccessibleName(/^db-3, storage node, up, disk 1 failed/);
    await act(page, node(page, 'db-3'), 'Replace disk 1');
    await expect(node(page, 'db-3')).not.toHaveAccessibleName(/disk 1 failed/);
  });

  test('partitions a shift-selected group from the rest and heals it', async ({ page }) => {
    await open(page);
    await node(page, 'app-1').click({ modifiers: ['Shift'] });
    await node(page, 'db-1').focus();
    await page.keyboard.press('Shift+Enter');
    await expect(node(page, 'db-1')).toHaveAccessibleName(/, selected$/);
    await expect(node(page, 'app-1')).toHaveAccessibleName(/, selected$/);
    await expect(page.getByRole('status').filter({ hasText: '2 selected: app-1, db-1' })).toBeVisible();
    await page.getByRole('button', { name: 'Group actions' }).click();
    await item(page, 'Partition group from the rest').click();
    await expect(node(page, 'app-1')).toHaveAccessibleName(/^app-1, app server, up, .*cut off on partition side 1/);
    await expect(node(page, 'db-1')).toHaveAccessibleName(/cut off on partition side 1/);
    await page.locator('.topology-panel').screenshot({ path: 'e2e/screenshots/topology-group.png' });
    // Every node's menu offers the group's actions while a selection exists.
    await node(page, 'app-2').click();
    await expect(page.getByRole('group', { name: /2 selected/ })).toBeVisible();
    await item(page, 'Heal all partitions').click();
    await expect(node(page, 'app-1')).not.toHaveAccessibleName(/partition side/);
    await page.getByRole('button', { name: 'Group actions' }).click();
    await item(page, 'Clear selection').click();
    await expect(page.getByRole('button', { name: 'Group actions' })).toHaveCount(0);
    await expect(node(page, 'app-1')).toBeFocused();
  });

  test('zooms with buttons for keyboard users', async ({ page }) => {
    await open(page);
    const layer = page.locator('.topology-svg > g');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(layer).toHaveAttribute('transform', /scale\(1\.5\)/);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(layer).toHaveAttribute('transform', /scale\(1\)/);
  });

  test('shows many states at once', async ({ page }) => {
    await open(page);
    await step(page, 2);
    await act(page, node(page, 'app-1'), 'Crash node');
    await node(page, 'app-3').click();
    await item(page, 'Slow down').click();
    await item(page, 'Slow down 10x').click();
    await act(page, node(page, 'db-2'), 'Fail disk 0');
    await act(page, node(page, 'db-6'), 'Power-fail rack');
    await act(page, link(page, 'lb~app-2'), 'Partition link');
    await act(page, link(page, 'app-4~db-1'), 'Add packet loss');
    await step(page, 3);
    await expect(node(page, 'db-6')).toHaveAccessibleName(/^db-6, storage node, powered off/);
    await expect(node(page, 'app-3')).toHaveAccessibleName(/slowed down 10 times/);
    // Ten seconds after the disk failure, repair starts copying replicas onto other disks.
    await step(page, 9);
    await expect(
      page.getByRole('button', { name: /^db-\d+, storage node, up.*disk \d rebuilding/ }).first(),
    ).toBeVisible();
    await new LabPage(page).openTab('Inspector');
    await node(page, 'db-2').click();
    await page.keyboard.press('Escape');
    await expect(page.locator('.inspector-panel')).toContainText('Disk 0: failed');
    await page.locator('.inspector-panel').screenshot({ path: 'e2e/screenshots/topology-inspector-db.png' });
    await node(page, 'app-4').click();
    await page.keyboard.press('Escape');
    await page.locator('.inspector-panel').screenshot({ path: 'e2e/screenshots/topology-inspector-app.png' });
    await node(page, 'db-2').click();
    await page.keyboard.press('Escape');
    await page.locator('.topology-panel').screenshot({ path: 'e2e/screenshots/topology-faults-1280.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('.topology-panel').screenshot({ path: 'e2e/screenshots/topology-faults-1920.png' });
  });

  test('draws the large scenario as glyphs and rack bundles', async ({ page }) => {
    await open(page);
    await new LabPage(page).openTab('Setup');
    await page.getByLabel('Scenario').selectOption('large');
    await expect(node(page, 'db-298')).toBeVisible();
    await expect(page.getByRole('button', { name: /^app-200, app server, up/ })).toBeVisible();
    await expect(page.locator('[data-bundle-id]')).toHaveCount(110);
    await expect(link(page, 'clients~lb')).toBeVisible();
    await act(page, node(page, 'app-17'), 'Crash node');
    await expect(node(page, 'app-17')).toHaveAccessibleName(/crashed/);
    await step(page, 2);
    await page.locator('.topology-panel').screenshot({ path: 'e2e/screenshots/topology-large.png' });
  });

  test('has no axe violations, with faults shown and a menu open', async ({ page }) => {
    await open(page);
    await act(page, node(page, 'app-1'), 'Crash node');
    await act(page, link(page, 'lb~app-2'), 'Partition link');
    await node(page, 'db-2').click({ modifiers: ['Shift'] });
    await node(page, 'db-3').click();
    await item(page, 'Slow down').click();
    await new LabPage(page).openTab('Inspector');
    const results = await new AxeBuilder({ page })
      .include('section[aria-labelledby="panel-cluster"]')
      .include('section[aria-labelledby="panel-inspector"]')
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
