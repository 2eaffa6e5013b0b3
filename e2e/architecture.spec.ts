// The Setup tab's Architecture form: an edited architecture restarts the run, shows in the
// picture, travels with the run's link, and a bad value is refused with its field named while
// the run goes on.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

function form(page: Page) {
  return page.getByRole('form', { name: 'Architecture' });
}

async function setCapacity(page: Page, slots: string, queueLimit: string): Promise<void> {
  const architecture = form(page);
  await architecture.getByRole('checkbox', { name: /Limit disk operations per node/ }).check();
  await architecture.getByRole('spinbutton', { name: 'Disk slots per node (operations at once)' }).fill(slots);
  await architecture.getByRole('spinbutton', { name: 'Queue limit per node (waiting operations)' }).fill(queueLimit);
}

test.describe('the Architecture form', () => {
  test('storage capacity applies from time 0, overloads a storage node and travels with the link', async ({
    page,
    context,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(2);
    await lab.openTab('Setup');
    await setCapacity(page, '1', '200');
    await form(page).getByRole('button', { name: 'Apply and restart' }).click();
    await expect(lab.simTime).toHaveText('t = 0.0 s');
    await expect(form(page).getByRole('status')).toHaveText('Applied: the run started again from time 0.');
    // The applied values are now the run's: the form shows them with no draft left.
    await expect(form(page).getByRole('checkbox', { name: /Limit disk operations/ })).toBeChecked();
    await expect(form(page).getByRole('button', { name: 'Discard edits' })).toHaveCount(0);

    await lab.step(3);
    // One slot per node under the default load: some storage node has all slots busy and a queue.
    const overloaded = page.locator('[data-node-id^="db-"]').and(page.getByRole('button', { name: /overloaded/ }));
    await expect(overloaded.first()).toBeVisible();

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const hash = (await dialog.getByTestId('run-hash').textContent()) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const link = await dialog.getByLabel('Link to this run').inputValue();

    const other = await context.newPage();
    const again = new LabPage(other);
    await other.goto(link);
    await expect(again.simTime).toHaveText((await lab.simTime.textContent()) ?? '');
    await other.getByRole('button', { name: 'Share' }).click();
    await expect(other.getByRole('dialog', { name: 'Share this run' }).getByTestId('run-hash')).toHaveText(hash);
    await other.keyboard.press('Escape');
    await again.openTab('Setup');
    await expect(form(other).getByRole('checkbox', { name: /Limit disk operations/ })).toBeChecked();
    await expect(form(other).getByRole('spinbutton', { name: /Disk slots per node/ })).toHaveValue('1');
    await expect(form(other).getByRole('spinbutton', { name: /Queue limit per node/ })).toHaveValue('200');
  });

  test('a bad value is refused with its field named; the draft stays and the run goes on', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(2);
    await lab.openTab('Setup');
    await setCapacity(page, '0', '200');
    await form(page)
      .getByRole('spinbutton', { name: /Disk slots per node/ })
      .press('Enter');

    await expect(form(page).getByRole('alert')).toContainText('Storage disk slots: must be at least 1');
    const slots = form(page).getByRole('spinbutton', { name: /Disk slots per node/ });
    await expect(slots).toHaveAttribute('aria-invalid', 'true');
    await expect(slots).toBeFocused();
    await expect(slots).toHaveAccessibleDescription(/must be at least 1/);
    await expect(slots).toHaveValue('0');
    const axe = await new AxeBuilder({ page }).include('form.architecture').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await expect(lab.simTime).toHaveText('t = 2.0 s');
    await lab.step(1);
    await expect(lab.simTime).toHaveText('t = 3.0 s');

    // Discarding the draft shows the running architecture again.
    await form(page).getByRole('button', { name: 'Discard edits' }).click();
    await expect(form(page).getByRole('checkbox', { name: /Limit disk operations/ })).not.toBeChecked();
    await expect(form(page).getByRole('alert')).toHaveCount(0);
  });
});
