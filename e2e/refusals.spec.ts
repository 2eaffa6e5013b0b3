// Actions that would change nothing are refused with the reason (no false recovery in the log);
// forking from the past says what it replaced and Undo brings it back; random hardware faults say
// how often they will strike at the current settings.
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

test.describe('refusals, forks and hardware odds', () => {
  test('Roll back with nothing rolled out is refused and logs no recovery', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(1);
    await lab.openTab('Faults');
    await page.getByRole('button', { name: 'Roll back' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Roll back:' });
    await expect(banner).toHaveText(/nothing has been rolled out, so there is nothing to roll back/);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await lab.openTab('Log');
    await expect(page.getByTestId('event-log')).not.toContainText(/roll/i);
    // Once something is rolled out, the same button rolls it back.
    await lab.openTab('Faults');
    await page.getByRole('button', { name: 'Roll out bad config' }).click();
    await page.getByRole('button', { name: 'Roll back' }).click();
    await expect(page.getByTestId('rollout-status')).toContainText('All 4 app servers run the good config');
    await expect(banner).toHaveCount(0);
  });

  test('an action from the past replaces the later run, and Undo brings it back', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(2);
    await lab.act(lab.node('app-2'), 'Crash node');
    await lab.step(4);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const hash = await dialog.getByTestId('run-hash').textContent();
    await page.keyboard.press('Escape');

    await lab.openTab('Charts');
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.fill('1000');
    await expect(lab.simTime).toHaveText('t = 1.0 s');
    await lab.act(lab.node('app-4'), 'Crash node');
    const notice = page.getByTestId('fork-notice');
    await expect(notice).toHaveText(
      'The run after t = 1.0 s (it went on to 6.0 s, with 1 more action) was replaced by a new branch. Undo: bring it back',
    );
    await expect(lab.node('app-2')).toHaveAccessibleName(/^app-2, app server, up/);

    await notice.getByRole('button', { name: 'Undo: bring it back' }).click();
    await expect(lab.simTime).toHaveText('t = 6.0 s');
    await expect(notice).toHaveCount(0);
    await expect(lab.node('app-2')).toHaveAccessibleName(/crashed/);
    await expect(lab.node('app-4')).toHaveAccessibleName(/^app-4, app server, up/);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(dialog.getByTestId('run-hash')).toHaveText(hash ?? '');
  });

  test('random hardware faults say how often they strike, and how to see them sooner', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.openTab('Faults');
    const odds = page.getByTestId('hardware-odds');
    await expect(odds).toContainText('At these rates, expect one disk failure every');
    await expect(odds).toContainText('raise the time compression to see them');
    await page.getByLabel('Time compression').selectOption('86400');
    await expect(odds).not.toContainText('raise the time compression');
  });
});
