// Issue 15 in the picture, by a learner's hands: on the data-system scenario the log's brokers,
// the consumer groups' bands and the search index are drawn with their names; a consumer is
// crashed by mouse, a broker's disk failed by keyboard through its menu, and a consumer added
// with the group's "+", while simulated time is stepped; the cards say what happened in words.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

/** The card of a node: its button and the figures drawn beside it. */
const card = (page: Page, lab: LabPage, id: string) => page.locator('g.node', { has: lab.node(id) });

test.describe('the data pipeline in the picture', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('brokers, consumer groups and index nodes are drawn and named; absent consumers are room in “+”', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.step(1);
    for (const id of ['broker-1', 'broker-2', 'broker-3', 'indexer-1', 'indexer-2', 'notifier-1'])
      await expect(lab.node(id)).toBeVisible();
    await expect(lab.node('index-1')).toBeVisible();
    await expect(lab.node('indexer-3')).toHaveCount(0);
    await expect(page.locator('[data-band="log"]')).toContainText('log “changes”');
    await expect(page.locator('[data-band="indexer"]')).toContainText(/indexer group\s*lag [\d,]+ events? \(/);
    await expect(page.locator('[data-band="notifier"]')).toContainText('notifier group');
    await expect(page.locator('[data-band="index"]')).toContainText('search index');
    await expect(page.locator('[data-flow="app~log"]')).toContainText('each write appends a change event');
    await expect(page.getByRole('group', { name: 'Indexer group' })).toContainText('2 of 6');
    await expect(lab.node('broker-1')).toHaveAttribute('aria-label', /^broker-1, broker, up, leads \d partitions?/);
    await expect(card(page, lab, 'broker-1')).toContainText(/holds \d+ replicas/);
    await expect(card(page, lab, 'index-1')).toContainText('serving searches');
    // The picture stays large enough to read at 1280×720 (a card 72 units tall at 36 px or more).
    expect((await lab.node('app-1').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(36);
  });

  test('crash a consumer by mouse, fail a broker disk by keyboard, add a consumer with “+”', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.step(2);
    await expect(card(page, lab, 'notifier-1')).toContainText(/owns \d partitions?/);

    await lab.act(lab.node('notifier-1'), 'Crash node');
    await expect(lab.node('notifier-1')).toHaveAttribute('aria-label', /^notifier-1, consumer, crashed/);
    await expect(card(page, lab, 'notifier-1')).toContainText('crashed');

    // Crash node, Restart node (disabled, still in the list), Slow down, then Fail disk.
    await lab.actByKeyboard('broker-2', 'Fail disk 0', 3);
    await expect(lab.node('broker-2')).toHaveAttribute('aria-label', /broker-2, broker, up, .*disk 0 failed/);
    await expect(card(page, lab, 'broker-2')).toContainText('disk failed');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Replace disk 0', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Add a consumer to indexer' }).click();
    await expect(page.getByRole('group', { name: 'Indexer group' })).toContainText('3 of 6');
    await expect(lab.node('indexer-3')).toBeVisible();
    // The group pauses to hand out the partitions again, then the new consumer owns its share.
    await lab.step(5);
    await expect(lab.node('indexer-3')).toHaveAttribute(
      'aria-label',
      /^indexer-3, consumer, up, group indexer, owns 2 partitions/,
    );
    await expect(card(page, lab, 'indexer-3')).toContainText('owns 2 partitions');
    await expect(card(page, lab, 'indexer-1')).toContainText('owns 2 partitions');
    // With notifier-1 down its group's lag is said on its band.
    await expect(page.locator('[data-band="notifier"]')).toContainText(/lag [\d,]+ events?/);

    await lab.openTab('Inspector');
    await lab.node('index-1').click();
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByText('Index behind the database')).toBeVisible();
  });

  test('the group’s “−” says why it stops at one consumer', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    const remove = page.getByRole('button', { name: 'Remove a consumer from indexer' });
    await expect(page.getByRole('group', { name: 'Indexer group' })).toContainText('2 of 6');
    await remove.click();
    await expect(page.getByRole('group', { name: 'Indexer group' })).toContainText('1 of 6');
    await expect(lab.node('indexer-2')).toHaveCount(0);
    await expect(remove).toHaveAttribute('aria-disabled', 'true');
    await remove.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'At least one indexer consumer must stay.' }),
    ).toBeVisible();
  });

  test('has no axe violations with a consumer crashed, a broker disk failed and a menu open', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.step(1);
    await lab.act(lab.node('indexer-1'), 'Crash node');
    await lab.act(lab.node('broker-1'), 'Fail disk 0');
    await lab.openTab('Inspector');
    await lab.node('index-2').click();
    await expect(page.getByRole('menuitem', { name: 'Fail disk 0', exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include('section[aria-labelledby="panel-cluster"]')
      .include('section[aria-labelledby="panel-inspector"]')
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
