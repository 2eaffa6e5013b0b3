// The header's playback controls, the keyboard shortcuts and help, and the side panels that send
// load, policy and cluster-fault commands. Simulated time is read from the clock on screen and
// waited for with expect.poll, never with wall-clock sleeps.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  return parseFloat(text.replace('t = ', ''));
}

async function openLab(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Step' })).toBeEnabled();
  await expect(page.getByTestId('sim-time')).toHaveText('t = 0.0 s');
}

/** Moves focus to the page itself, where global shortcuts apply (clicking plain text focuses the body). */
async function focusPage(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Faultline', level: 1 }).click();
  await expect(page.locator('body')).toBeFocused();
}

test.describe('playback', () => {
  test.beforeEach(async ({ page }) => openLab(page));

  test('Step advances simulated time by one second', async ({ page }) => {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('sim-time')).toHaveText('t = 1.0 s');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('sim-time')).toHaveText('t = 2.0 s');
  });

  test('Play and Pause with the button and with Space', async ({ page }) => {
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => simSeconds(page)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    await focusPage(page);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('at 100x simulated time runs fast', async ({ page }) => {
    await page.getByLabel('Speed').selectOption({ label: '100x' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => simSeconds(page), { timeout: 15_000 }).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Pause' }).click();
    const stopped = await simSeconds(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => simSeconds(page)).toBeCloseTo(stopped + 1, 1);
  });

  test('+ and - change the speed; S and . step; R resets', async ({ page }) => {
    const speed = page.getByLabel('Speed');
    await focusPage(page);
    await page.keyboard.press('+');
    await expect(speed).toHaveValue('2');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(speed).toHaveValue('0.5');
    await page.keyboard.press('s');
    await expect(page.getByTestId('sim-time')).toHaveText('t = 1.0 s');
    await page.keyboard.press('.');
    await expect(page.getByTestId('sim-time')).toHaveText('t = 2.0 s');
    await page.keyboard.press('r');
    await expect(page.getByTestId('sim-time')).toHaveText('t = 0.0 s');
  });

  test('a new seed restarts the run; a bad seed is explained and not applied', async ({ page }) => {
    await new LabPage(page).openTab('Setup');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('sim-time')).toHaveText('t = 1.0 s');
    const seed = page.getByLabel('Seed');
    await seed.fill('-3');
    await seed.press('Enter');
    await expect(page.getByText('The seed is a whole number, 0 or more.')).toBeVisible();
    await expect(seed).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('sim-time')).toHaveText('t = 1.0 s');

    await seed.fill('42');
    await seed.press('Enter');
    await expect(page.getByTestId('sim-time')).toHaveText('t = 0.0 s');
    await expect(seed).toHaveValue('42');
    await expect(page.getByText('The seed is a whole number, 0 or more.')).toBeHidden();
  });

  test('choosing a scenario loads it', async ({ page }) => {
    const lab = new LabPage(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await lab.openTab('Setup');
    await page.getByLabel('Scenario').selectOption({ label: 'Single-server queue (M/M/1)' });
    await expect(page.getByTestId('sim-time')).toHaveText('t = 0.0 s');
    await lab.openTab('Load');
    await expect(page.getByRole('spinbutton', { name: /Request rate/ })).toHaveValue('80');
  });
});

test.describe('help', () => {
  test.beforeEach(async ({ page }) => openLab(page));

  test('opens with ? and closes with Escape', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await focusPage(page);
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Play or pause');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('opens with the Help button and gives focus back to it', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const help = page.getByRole('button', { name: 'Help' });
    await help.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(help).toBeFocused();
  });
});

test.describe('panels', () => {
  test.beforeEach(async ({ page }) => openLab(page));

  test('a policy change is applied and shown from the simulation', async ({ page }) => {
    await new LabPage(page).openTab('Policy');
    const queueLimit = page.getByLabel('Queue limit per app server (requests)');
    await expect(queueLimit).toHaveValue('100');
    await queueLimit.fill('5');
    await queueLimit.press('Enter');
    await expect(queueLimit).toHaveValue('5');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // A quorum larger than the replication factor is refused in the form, before sending.
    const writeQuorum = page.getByLabel(/^Write quorum W/);
    await writeQuorum.fill('4');
    await writeQuorum.press('Enter');
    await expect(page.getByText('A write quorum of 4 is more than the 3 copies kept')).toBeVisible();
    await writeQuorum.press('Escape');
    await expect(writeQuorum).toHaveValue('2');
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.getByLabel('Retry strategy').selectOption({ label: 'No retries' });
    await expect(page.getByLabel('Attempts per request (first included)')).toBeDisabled();
  });

  test('load changes and a spike are applied without errors', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openTab('Load');
    const rate = page.getByRole('spinbutton', { name: /Request rate/ });
    await rate.fill('900');
    await rate.press('Enter');
    await expect(rate).toHaveValue('900');

    // A slider applies its value when the key is released.
    await page.getByRole('slider', { name: /^Reads/ }).press('ArrowLeft');
    await expect(page.getByRole('spinbutton', { name: /^Reads/ })).toHaveValue('79');

    await page.getByRole('button', { name: 'Spike load' }).click();
    await expect(page.getByTestId('load-multiplier')).toContainText('×3');
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The simulation notes the spike as an event, which the event log lists.
    await lab.openTab('Log');
    await expect(page.getByRole('region', { name: 'Event log' })).toContainText(/Load spiked to 3×/);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('cluster faults: bad config rollout and roll back, hardware faults', async ({ page }) => {
    await page.getByRole('button', { name: 'Roll out bad config' }).click();
    await expect(page.getByTestId('rollout-status')).toContainText('Bad config on 4 of 4 app servers');
    await page.getByRole('button', { name: 'Roll back' }).click();
    await expect(page.getByTestId('rollout-status')).toContainText('All 4 app servers run the good config');

    await page.getByRole('radio', { name: 'Canary first' }).check();
    await page.getByRole('button', { name: 'Roll out bad config' }).click();
    await expect(page.getByTestId('rollout-status')).toContainText('Bad config on 1 of 4 app servers; the rest get it');

    // The box shows the simulation's state, so it turns on when the simulation has applied it.
    await page.getByLabel('Disks and machines fail at random').click();
    await expect(page.getByLabel('Disks and machines fail at random')).toBeChecked();
    await expect(page.getByTestId('hardware-status')).toContainText('On:');
    await page.getByLabel('Time compression').selectOption({ label: '3,600x (1 s = 1 h)' });
    await expect(page.getByLabel('Time compression')).toHaveValue('3600');
    await page.getByRole('button', { name: 'Send poison requests' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('the controls pass an automated accessibility check', async ({ page }) => {
  await openLab(page);
  const lab = new LabPage(page);
  // One tab's panel is drawn at a time: each is checked with the header and the tab list.
  for (const tab of ['Faults', 'Load', 'Policy', 'Setup']) {
    await lab.openTab(tab);
    const results = await new AxeBuilder({ page }).include('.lab-header').include('.rail-tabs').analyze();
    expect(
      results.violations.map((v) => `${tab}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  await page.getByRole('button', { name: 'Help' }).click();
  const dialog = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(dialog.violations.map((v) => v.id)).toEqual([]);
});

test.describe('screenshots', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`the lab at ${size.width}x${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await openLab(page);
      await page.getByRole('button', { name: 'Step' }).click();
      await expect(page.getByTestId('sim-time')).toHaveText('t = 1.0 s');
      const header = page.locator('.lab-header');
      await page.screenshot({ path: `e2e/screenshots/controls-${size.width}.png`, fullPage: true });
      await header.screenshot({ path: `e2e/screenshots/controls-header-${size.width}.png` });
      await page.locator('.lab-rail').screenshot({ path: `e2e/screenshots/controls-panels-${size.width}.png` });
      // The header stays one row: no wrapped controls at these sizes.
      expect((await header.boundingBox())?.height ?? 0).toBeLessThan(70);
      await page.getByRole('button', { name: 'Help' }).click();
      await page.screenshot({ path: `e2e/screenshots/controls-help-${size.width}.png` });
    });
  }
});
