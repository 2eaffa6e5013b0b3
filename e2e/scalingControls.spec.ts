// The Policy panel's scaling controls on the data-system scenario, by a learner's hands: a draft
// that breaks a rule is refused beside its field, the autoscaler turned on with a low target
// decides to add servers as simulated time is stepped (its decision in the panel and in the Log),
// and the app servers given machines twice as fast (the Log and the picture say so).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const logOf = (page: Page) => page.getByRole('log', { name: 'Notable events, newest first' });

test.describe('scaling in the Policy panel', () => {
  test('the autoscaler, refused then turned on by keyboard, adds app servers and logs why', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.openTab('Policy');
    const status = page.getByTestId('autoscaler-status');
    await expect(status).toHaveText(/^Off/);

    // More than the scenario's room: refused beside the field, focus taken there, nothing sent.
    const most = page.getByLabel('Most app servers', { exact: true });
    await most.fill('20');
    await most.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was sent' });
    await expect(alert).toContainText('Most app servers: must not exceed the 12 app servers this scenario allows');
    await expect(most).toBeFocused();
    await expect(most).toHaveAttribute('aria-invalid', 'true');
    await expect(status).toHaveText(/^Off/);

    // By keyboard: each field then Enter in the last one turns it on.
    await most.fill('12');
    await page.getByLabel('Target utilization (%)').fill('20');
    await page.getByLabel('Looks every (s)').fill('5');
    const cooldown = page.getByLabel('Cooldown after a decision (s)');
    await cooldown.fill('10');
    await cooldown.press('Enter');
    await expect(alert).toHaveCount(0);
    await expect(status).toHaveText(/^On\. No decision yet/);
    await expect(page.getByRole('button', { name: 'Turn off autoscaler' })).toBeVisible();

    await lab.step(6);
    await expect(status).toContainText(/Last decision: utilization \d+% is above the 20% target/);
    await lab.openTab('Log');
    await expect(
      logOf(page)
        .getByRole('listitem')
        .filter({ hasText: /is above the 20% target; adding \d+ app servers/ }),
    ).toHaveCount(1);
    await expect(lab.node('app-7')).toHaveAttribute('aria-label', /^app-7, app server, starting/);
  });

  test('bigger machines: app servers ×2 from the Policy panel', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.openTab('Policy');
    const machines = page.getByLabel('App server machines');
    await expect(machines).toHaveValue('1');
    await expect(page.getByLabel('Cache node machines')).toBeVisible();
    await expect(page.getByLabel('Storage node machines')).toBeVisible();
    await machines.selectOption('2');
    await lab.step(1);
    await expect(machines).toHaveValue('2');
    await expect(lab.node('app-1')).toHaveAttribute('aria-label', /machine 2 times as fast/);
    await lab.openTab('Log');
    await expect(
      logOf(page)
        .getByRole('listitem')
        .filter({ hasText: /2x faster machines/ }),
    ).toHaveCount(1);
  });
});
