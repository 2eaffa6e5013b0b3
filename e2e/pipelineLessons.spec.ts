// Lessons 13 and 14 as a learner takes them, on the data-system scenario's log. Lesson 13 (a queue
// turns overload into delay): writes raised by half and brought back by typing the read share in
// the Load panel (keyboard), a drain time predicted as a number, and a second notifier consumer
// added with the group's "+" (mouse). Lesson 14 (derived data is eventually correct): the indexers crashed and restarted
// from their menus by mouse and by keyboard, broker-1's disk failed with acks from the leader, the
// acks set to all in the Policy panel, and the disk failed again. Simulated time moves only through
// the playback controls.
import type { Locator, Page } from '@playwright/test';
import { budgetMs, LOADED_S } from './budgets';
import { expect, test } from './fixtures';
import { LessonPage } from './lessonPage';

const PERCENT = /^\d+(\.\d+)?%$/;
const COUNT = /^[\d,]+$/;
const DURATION = /^[\d,.]+ (ms|s)$/;

/** Types the read share in the Load panel and presses Enter (one setLoad command). */
async function setReads(view: LessonPage, page: Page, percent: number): Promise<void> {
  await view.openTab('Load');
  const reads = page.getByRole('spinbutton', { name: /^Reads \(% of requests/ });
  await reads.fill(String(percent));
  await reads.press('Enter');
  await expect(view.panel).toContainText('Done at');
}

/** Opens a node's menu from the keyboard and picks an item by moving down to it. */
async function actByKeyboard(page: Page, node: Locator, item: string): Promise<void> {
  await node.focus();
  await page.keyboard.press('Enter');
  const wanted = page.getByRole('menuitem', { name: item, exact: true });
  for (let i = 0; i < 8 && !(await wanted.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Enter');
}

test.describe('pipeline lessons', () => {
  test.describe.configure({ timeout: budgetMs(LOADED_S.wholeLesson) * 2 });
  test.use({ viewport: { width: 1280, height: 800 } });

  test('lesson 13: more writes than the notifier sends, the lag, a predicted drain, one more consumer', async ({
    page,
  }) => {
    const view = new LessonPage(page);
    await view.open();
    await view.start(13);
    await expect(view.panel).toContainText('Step 1 of 5: A notifier with room to spare');
    await expect(view.panel).toContainText('133 emails per second');
    await view.playUntilReveal();
    await expect(view.simTime).toHaveText('t = 30.0 s');
    await expect(view.reveal.locator('[data-figure="steadyBusy"]')).toHaveText(PERCENT);
    await view.next();

    await view.predict('No errors: the emails arrive later and later');
    await setReads(view, page, 87.5);
    await expect(view.panel).toContainText('Done at t = 30.0 s');
    await view.playUntilReveal();
    await expect(view.simTime).toHaveText('t = 90.0 s');
    await expect(view.panel).toContainText('Your prediction was right');
    await expect(view.reveal.locator('[data-figure="spikeLag"]')).toHaveText(COUNT);
    await view.next();

    await expect(view.panel).toContainText('Back to normal: predict the drain');
    await view.predictNumber(30);
    await setReads(view, page, 90);
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="drainSeconds"]').first()).toHaveText(COUNT);
    await expect(view.reveal.locator('[data-figure="predictedDrain"]').first()).toHaveText(COUNT);
    await view.next();

    await setReads(view, page, 87.5);
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="againLag"]')).toHaveText(COUNT);
    await view.next();

    // The lesson puts the writes back to normal; the learner adds notifier-2 with the group's "+".
    await expect(view.panel).toContainText('Add a notifier consumer');
    await view.predict('Less time: more workers send emails');
    await page.getByRole('button', { name: 'Add a consumer to notifier' }).click();
    await expect(page.getByRole('group', { name: 'Notifier group' })).toContainText('2 of 6');
    await expect(view.node('notifier-2')).toBeVisible();
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="addedDrainSeconds"]').first()).toHaveText(COUNT);
    await view.next();
    await expect(view.panel).toContainText('What you showed');
  });

  test('lesson 14: crash and restart the indexers, lose a broker disk with acks from the leader, then from all', async ({
    page,
  }) => {
    const view = new LessonPage(page);
    const yourTurn = view.panel.getByText('Your turn');
    await view.open();
    await view.start(14);
    await expect(view.panel).toContainText('Step 1 of 7: An index that follows the database');
    await view.playUntilReveal();
    await expect(view.simTime).toHaveText('t = 20.0 s');
    await expect(view.reveal.locator('[data-figure="healthyStaleness"]')).toHaveText(DURATION);
    await view.next();

    // At a whole second, half-way between two commits (they come at 0.5 s, 1.5 s, ...).
    await view.predict('The index falls a few seconds behind, then indexer-2 catches it up');
    await expect(yourTurn).toBeVisible();
    await view.act(view.node('indexer-1'), 'Crash node');
    await expect(view.panel).toContainText('Done at t = 20.0 s');
    await view.playUntilReveal();
    await expect(view.panel).toContainText('Your prediction was right');
    await view.next();

    await view.predict('They still succeed, but answer with older and older data');
    await actByKeyboard(page, view.node('indexer-2'), 'Crash node');
    await expect(view.node('indexer-2')).toHaveAttribute('aria-label', /^indexer-2, consumer, crashed/);
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="bothStaleness"]').first()).toHaveText(DURATION);
    await expect(view.reveal.locator('[data-figure="bothAvailability"]').first()).toHaveText(PERCENT);
    await view.next();

    await view.predict('The ones each crashed indexer had applied since its last commit');
    await view.act(view.node('indexer-1'), 'Restart node');
    await actByKeyboard(page, view.node('indexer-2'), 'Restart node');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="duplicates"]').first()).toHaveText(COUNT);
    await view.next();

    // The run starts over with slow followers; broker-1's disk fails just before their next fetch.
    await view.predict('Yes: the events the followers had not fetched yet');
    await view.playUntil(yourTurn);
    await expect(view.simTime).toHaveText('t = 30.4 s');
    await actByKeyboard(page, view.node('broker-1'), 'Fail disk 0');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="leaderLost"]').first()).toHaveText(COUNT);
    await view.next();

    await expect(view.panel).toContainText('Switch to acks from all');
    await view.openTab('Policy');
    await page.getByLabel('An append counts as written once').selectOption('all');
    await expect(view.panel).toContainText('Done at t = 0.0 s');
    await view.playUntilReveal();
    await view.next();

    await view.predict('No: every event it acknowledged is on a follower too');
    await view.playUntil(yourTurn);
    await view.act(view.node('broker-1'), 'Fail disk 0');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="allLost"]').first()).toHaveText('0');
    await expect(view.panel).toContainText('Your prediction was right');
    await view.next();
    await expect(view.panel).toContainText('What you showed');
  });
});
