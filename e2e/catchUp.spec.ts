// Long work never freezes the lab: a link that asks for a far moment is rebuilt with its progress
// shown, Cancel, Escape and Reset stop it and leave a lab that plays; a link past the interactive
// horizon is refused with a pointer to the headless runner.
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

/** Fifty simulated minutes: well inside the horizon, yet seconds of work for the worker. */
const FAR_MS = 50 * 60_000;

function link(atMs: number): string {
  const experiment = {
    v: 2,
    base: 'default',
    seed: 1,
    commands: [{ atMs, command: { type: 'crashNode', nodeId: 'app-2' } }],
    atMs,
  };
  return `./#x=${LZString.compressToEncodedURIComponent(JSON.stringify(experiment))}`;
}

async function openFarLink(page: Page) {
  await page.goto(link(FAR_MS));
  const bar = page.getByRole('progressbar', { name: 'Replaying…' });
  await expect(bar).toBeVisible();
  await expect(page.getByText(/^Replaying… \d+%$/)).toBeVisible();
  return bar;
}

/** Play moves the clock on, and Pause stops it: the lab is usable. */
async function playsOn(page: Page) {
  const lab = new LabPage(page);
  await expect(lab.node('app-1')).toBeVisible();
  const before = await lab.simTime.textContent();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(lab.simTime).not.toHaveText(before ?? '');
  await page.getByRole('button', { name: 'Pause' }).click();
}

test.describe('catching up', () => {
  test('Cancel stops the replay of a far link where it got, and the lab plays on', async ({ page }) => {
    const bar = await openFarLink(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText(/Replay stopped at t = .* s\. The run is paused there/);
    await playsOn(page);
  });

  test('Escape stops the replay too', async ({ page }) => {
    const bar = await openFarLink(page);
    await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
    await page.keyboard.press('Escape');
    await expect(bar).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText('Replay stopped at');
    await playsOn(page);
  });

  test('Reset abandons the replay and opens the fresh run', async ({ page }) => {
    const bar = await openFarLink(page);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(bar).toHaveCount(0);
    await expect(new LabPage(page).simTime).toHaveText('t = 0.0 s');
    await playsOn(page);
  });

  test('a link past the interactive horizon is refused, and the lab still works', async ({ page }) => {
    await page.goto(link(2 * 3_600_000));
    await expect(page.getByRole('alert')).toContainText('npm run sim');
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await playsOn(page);
  });
});
