// A newcomer's first visit: the short start is offered, its three steps advance as the learner
// does them (Play, crash a server, watch a few simulated seconds), and the answer is remembered.
// Other specs never see the offer (fixtures.ts marks it seen); here the browser is new.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

test.use({ firstVisitSeen: false });

const card = (page: Page) => page.getByRole('region', { name: /New to Faultline|Three steps on the lab/ });
const status = (page: Page) => page.getByTestId('first-visit-status');

async function openEmbed(page: Page, search: string): Promise<void> {
  await page.goto(`./${search}`);
  await expect(page.locator('[data-node-id="app-1"]')).toBeVisible();
}

test.describe('first visit', () => {
  test('offers a short start in a small card beside the picture, with no axe violations', async ({ page }) => {
    await new LabPage(page).open();
    await expect(card(page)).toBeVisible();
    await expect(card(page).getByRole('button', { name: 'Show me' })).toBeVisible();
    await expect(card(page).getByRole('button', { name: 'Start the first lesson' })).toBeVisible();
    await expect(card(page).getByRole('button', { name: 'No thanks' })).toBeVisible();
    // Not a modal: the picture stays usable, and the card never takes focus by itself.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(card(page).locator(':focus')).toHaveCount(0);
    const results = await new AxeBuilder({ page }).include('.first-visit').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: 'e2e/screenshots/first-visit-offer.png' });
  });

  test('the three steps advance as the learner does them', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await card(page).getByRole('button', { name: 'Show me' }).click();
    await expect(status(page)).toHaveText(/^Step 1 of 3: Press Play/);
    await expect(card(page).getByRole('heading', { name: 'Three steps on the lab' })).toBeFocused();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(status(page)).toHaveText(/^Step 2 of 3: Crash a server/);
    await page.screenshot({ path: 'e2e/screenshots/first-visit-step-2.png' });
    await lab.act(lab.node('app-2'), 'Crash node');
    await expect(status(page)).toHaveText(/^Step 3 of 3: Read what happened/);
    // Still playing: a few simulated seconds later the last step is done.
    await expect(status(page)).toHaveText('All three steps done.', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(card(page).getByRole('button', { name: 'Start the first lesson' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/first-visit-done.png' });
    await card(page).getByRole('button', { name: 'Done' }).click();
    await expect(card(page)).toHaveCount(0);
  });

  test('No thanks and Escape are remembered across a reload', async ({ page }) => {
    await new LabPage(page).open();
    await card(page).getByRole('button', { name: 'No thanks' }).click();
    await expect(card(page)).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-node-id="app-1"]')).toBeVisible();
    await expect(card(page)).toHaveCount(0);

    // A new browser, and Escape from inside the card.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await expect(card(page)).toBeVisible();
    await card(page).getByRole('button', { name: 'Show me' }).focus();
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-node-id="app-1"]')).toBeVisible();
    await expect(card(page)).toHaveCount(0);
  });

  test('Start the first lesson opens it, with focus on its step', async ({ page }) => {
    await new LabPage(page).open();
    await card(page).getByRole('button', { name: 'Start the first lesson' }).click();
    await expect(card(page)).toHaveCount(0);
    await expect(page.locator('#lesson-title')).toBeVisible();
    await expect(page.locator('#lesson-step-label')).toBeFocused();
  });

  test('is not offered in an embed, nor on a link to a lesson; an embed host can ask with tour=1', async ({ page }) => {
    await openEmbed(page, '?embed');
    await expect(card(page)).toHaveCount(0);
    await page.goto('./#lesson=faults-not-failures');
    await expect(page.locator('#lesson-title')).toBeVisible();
    await expect(card(page)).toHaveCount(0);
    await openEmbed(page, '?embed&tour=1');
    await expect(card(page)).toBeVisible();
  });
});
