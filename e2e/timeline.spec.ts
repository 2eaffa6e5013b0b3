// Time travel through the timeline slider: back to an earlier moment (the cluster and figures as
// they were), forward again through the same branch, and a fork from the past.
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

test.describe('timeline', () => {
  test('scrub back and forward, then fork from the past', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(3);
    await lab.act(lab.node('app-2'), 'Crash node');
    await lab.step(5);
    await expect(lab.node('app-2')).toHaveAccessibleName(/^app-2, app server, crashed/);
    await lab.openTab('Charts');
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await expect(slider).toHaveAttribute('aria-valuetext', 't = 8.0 s of 8.0 s');

    // Back to t = 2 s, before the crash: the server is up again.
    await slider.fill('2000');
    await expect(lab.simTime).toHaveText('t = 2.0 s');
    await expect(lab.node('app-2')).toHaveAccessibleName(/^app-2, app server, up/);
    await expect(page.getByRole('status').filter({ hasText: 'Looking back at t = 2.0 s of 8.0 s' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/timeline-past.png' });

    // Forward with the keyboard, past the crash: the branch's command comes back.
    await slider.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await expect(lab.simTime).toHaveText('t = 4.0 s');
    await expect(lab.node('app-2')).toHaveAccessibleName(/crashed/);

    // Back before the crash and act differently: a new branch.
    await slider.fill('1000');
    await expect(lab.simTime).toHaveText('t = 1.0 s');
    await lab.act(lab.node('app-4'), 'Crash node');
    await expect(page.getByText('Looking back at')).toHaveCount(0);
    await lab.step(3);
    await expect(lab.node('app-4')).toHaveAccessibleName(/crashed/);
    await expect(lab.node('app-2')).toHaveAccessibleName(/^app-2, app server, up/);
    await expect(slider).toHaveAttribute('aria-valuetext', 't = 4.0 s of 4.0 s');
  });

  test('deep in a large run, a moment scrubbed back to is the run its link rebuilds', async ({ page, context }) => {
    // Far enough into the 500-node run that the lab resumes from a checkpoint, not from the start;
    // the link is rebuilt from the start in a new page, and both must be the same run.
    const lab = new LabPage(page);
    await lab.open();
    await lab.openTab('Setup');
    await page.getByLabel('Scenario').selectOption('large');
    await expect(lab.node('app-200')).toBeVisible();
    await lab.step(2);
    await lab.act(lab.node('app-7'), 'Crash node');
    await page.getByLabel('Speed').selectOption('1000');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => lab.seconds(), { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
    await page.getByRole('button', { name: 'Pause' }).click();

    await lab.openTab('Charts');
    await page.getByRole('slider', { name: 'Timeline' }).fill('31500');
    await expect(lab.simTime).toHaveText('t = 31.5 s');
    await expect(lab.node('app-7')).toHaveAccessibleName(/crashed/);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const hash = await dialog.getByTestId('run-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const link = await dialog.getByLabel('Link to this run').inputValue();

    const other = await context.newPage();
    await other.goto(link);
    await expect(new LabPage(other).simTime).toHaveText('t = 31.5 s');
    await other.getByRole('button', { name: 'Share' }).click();
    await expect(other.getByRole('dialog', { name: 'Share this run' }).getByTestId('run-hash')).toHaveText(hash ?? '');
  });
});
