// The log and the search index by a learner's hands: switched on in the Setup tab's Architecture
// form for the default scenario (an impossible minimum in sync refused in the sim's words, then
// applied: the run restarts with brokers), changed live in the Policy panel of data-system by
// keyboard (acks from all, a retention of 1 s, both in the Log), and a search share the sim
// refuses in the Load panel.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const form = (page: Page) => page.getByRole('form', { name: 'Architecture' });
const logOf = (page: Page) => page.getByRole('log', { name: 'Notable events, newest first' });

test.describe('the log and the search index', () => {
  test('switched on in the Architecture form: refused naming the field, then applied with brokers', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(1);
    await lab.openTab('Setup');
    const architecture = form(page);
    await architecture.getByRole('checkbox', { name: /^Replicated log/ }).check();
    await architecture.getByRole('checkbox', { name: /^Indexer group/ }).check();
    await architecture.getByRole('checkbox', { name: /^Search index/ }).check();
    // Turned on, the parts start from the data-system scenario's values.
    await expect(architecture.getByRole('spinbutton', { name: 'Brokers (machines)' })).toHaveValue('3');
    await expect(architecture.getByRole('spinbutton', { name: 'Partitions (of the topic)' })).toHaveValue('6');
    await expect(architecture.getByRole('spinbutton', { name: 'Searches (% of requests)' })).toHaveValue('5');

    await architecture.getByRole('combobox', { name: 'An append counts as written once' }).selectOption('all');
    const minInSync = architecture.getByRole('spinbutton', { name: 'Fewest copies in sync (copies)' });
    await minInSync.fill('4');
    await minInSync.press('Enter');
    await expect(architecture.getByRole('alert')).toContainText(
      'Log min in sync: must not exceed log.replicationFactor (3)',
    );
    await expect(minInSync).toBeFocused();
    await expect(minInSync).toHaveAttribute('aria-invalid', 'true');
    await expect(minInSync).toHaveAccessibleDescription(/must not exceed log\.replicationFactor \(3\)/);
    await expect(lab.simTime).toHaveText('t = 1.0 s');

    await minInSync.fill('2');
    await architecture.getByRole('button', { name: 'Apply and restart' }).click();
    await expect(lab.simTime).toHaveText('t = 0.0 s');
    await expect(architecture.getByRole('status')).toHaveText('Applied: the run started again from time 0.');
    await expect(architecture.getByRole('checkbox', { name: /^Replicated log/ })).toBeChecked();
    await lab.step(1);
    for (const id of ['broker-1', 'broker-3', 'indexer-1', 'index-1'])
      await expect(lab.node(id)).toHaveAttribute('aria-label', new RegExp(`^${id}\\b`));
    await expect(lab.node('notifier-1')).toHaveCount(0);
    await lab.openTab('Policy');
    await expect(page.getByTestId('log-status')).toHaveText(/^3 brokers, 6 partitions with 3 copies each/);
    await expect(page.getByLabel('An append counts as written once')).toHaveValue('all');
  });

  test('acks from all and a retention of 1 s set live in the Policy panel by keyboard', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.step(1);
    await lab.openTab('Policy');
    const acks = page.getByLabel('An append counts as written once');
    await expect(acks).toHaveValue('leader');
    await acks.focus();
    await page.keyboard.press('ArrowDown');
    await expect(acks).toHaveValue('all');

    const retention = page.getByLabel('Keep events for (s, 0 = until the size limit)');
    await expect(retention).toHaveValue('0');
    await retention.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await lab.step(1);
    await expect(retention).toHaveValue('1');
    await expect(acks).toHaveValue('all');

    await lab.openTab('Log');
    const items = logOf(page).getByRole('listitem');
    await expect(items.filter({ hasText: 'acks from all in-sync replicas' })).toHaveCount(1);
    await expect(items.filter({ hasText: 'events kept 1 s' })).toHaveCount(1);
  });

  test('searches beside reads in the Load panel; more than the writes leave is refused by the sim', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.openDataSystem();
    await lab.openTab('Load');
    const searches = page.getByRole('spinbutton', { name: 'Searches (% of requests, served by the search index)' });
    await expect(searches).toHaveValue('5');
    await searches.fill('15');
    await searches.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Searches 15%' })).toContainText(
      'readShare + searchShare must not exceed 1',
    );
    await expect(searches).toHaveValue('5');
    await searches.fill('8');
    await searches.press('Enter');
    await lab.step(1);
    await expect(searches).toHaveValue('8');
  });
});
