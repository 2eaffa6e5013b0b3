// Lessons 11 and 12 as a learner takes them. Lesson 11 (a cache is a fault domain too), by
// mouse: watch the warm cache, predict, crash cache-1 from its menu, watch the stampede, tick
// coalescing in the Policy panel, restart the cache, type a storage queue limit of 4 and crash it
// again. Lesson 12 (scaling out): a spike from the Load panel, app servers added with "+", the
// autoscaler turned on in the Policy panel, and a cache node added on a ring and with modulo
// placement. Simulated time moves only through the playback controls.
import type { Page } from '@playwright/test';
import { budgetMs, LOADED_S } from './budgets';
import { expect, test } from './fixtures';
import { LessonPage } from './lessonPage';

const PERCENT = /^\d+(\.\d+)?%$/;

/** The Load panel's spike: ×1.5 for 120 s, as lesson 12 asks. */
async function spikeByHalf(view: LessonPage, page: Page): Promise<void> {
  await view.openTab('Load');
  for (const [label, value] of [
    ['Multiply load by (×)', '1.5'],
    ['For (seconds)', '120'],
  ] as const) {
    const field = page.getByLabel(label);
    await field.fill(value);
    await field.press('Enter');
  }
  await page.getByRole('button', { name: 'Spike load' }).click();
  await expect(page.getByTestId('load-multiplier')).toContainText('×1.5');
}

test.describe('data-system lessons', () => {
  // Four steps, two of them a stampede of thousands of requests a second.
  test.describe.configure({ timeout: budgetMs(LOADED_S.wholeLesson) });

  test('lesson 11: crash a cache node, watch storage drown, coalesce, restart, shed sooner', async ({ page }) => {
    const view = new LessonPage(page);
    await view.open();
    await view.start(11);
    await expect(view.panel).toContainText('Step 1 of 7: The cache carries the reads');
    // The tier buttons are not part of this step: they stay in view and say so when pressed.
    const add = page.getByRole('button', { name: 'Add an app server' });
    await expect(add).toHaveAttribute('aria-disabled', 'true');
    await add.press('Enter'); // aria-disabled keeps it focusable, so a press can say why
    await expect(page.getByText('Not part of this lesson step')).toBeVisible();
    await view.playUntilReveal();
    await expect(view.simTime).toHaveText('t = 30.0 s');
    await expect(view.reveal.locator('[data-figure="warmHit"]')).toHaveText(PERCENT);
    await view.next();

    await view.predict('Storage is overwhelmed and many requests fail');
    await view.act(view.node('cache-1'), 'Crash node');
    await expect(view.panel).toContainText('Done at t = 30.0 s');
    await view.playUntilReveal();
    await expect(view.simTime).toHaveText('t = 60.0 s');
    await expect(view.panel).toContainText('Your prediction was right');
    await expect(view.reveal.locator('[data-figure="crashAvailability"]')).toHaveText(PERCENT);
    await view.next();

    await view.openTab('Policy');
    const coalesce = page.getByLabel('Coalesce misses (one storage read per key in flight)');
    // By keyboard: scrolled into the rail, the box sits under the sticky tab bar, which takes the
    // click. The box follows the simulation's policy: it ticks once the command is applied.
    await coalesce.focus();
    await page.keyboard.press('Space');
    await expect(coalesce).toBeChecked();
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="coalAvailability"]')).toHaveText(PERCENT);
    await view.next();

    await expect(view.panel).toContainText('Bring the cache back');
    await view.act(view.node('cache-1'), 'Restart node');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="restartHit"]')).toHaveText(PERCENT);
    await view.next();

    // Shedding, live: the lesson turns coalescing off; the learner types the queue limit.
    await expect(view.panel).toContainText('Shed load sooner instead');
    await view.openTab('Policy');
    await expect(coalesce).not.toBeChecked();
    const queueLimit = page.getByLabel('Storage queue limit per node (lower sheds load sooner)');
    await queueLimit.fill('4');
    await queueLimit.press('Enter');
    await expect(view.panel).toContainText('Done at');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="shedWarmAvailability"]')).toHaveText(PERCENT);
    await view.next();

    await view.predict('About as low as before, around 80%');
    await view.act(view.node('cache-1'), 'Crash node');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="shedAvailability"]')).toHaveText(PERCENT);
  });

  test('lesson 12: a spike, servers by hand, the autoscaler from the Policy panel, a cache node on a ring and modulo', async ({
    page,
  }) => {
    const view = new LessonPage(page);
    const yourTurn = view.panel.getByText('Your turn');
    await view.open();
    await view.start(12);
    await expect(view.panel).toContainText('Step 1 of 6: A spike the app servers cannot carry');
    await view.playUntil(yourTurn);
    await expect(view.simTime).toHaveText('t = 30.0 s');
    await spikeByHalf(view, page);
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="spikeAvailability"]')).toHaveText(PERCENT);
    await view.next();

    await view.predict('Only about 20 s later, when the new servers are ready');
    const add = page.getByRole('button', { name: 'Add an app server' });
    for (let i = 0; i < 3; i++) await add.click();
    await expect(page.getByRole('group', { name: 'App servers' })).toContainText('9 of 12');
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="handReadyAvailability"]')).toHaveText(PERCENT);
    await view.next();

    // The run starts over; the autoscaler goes on live, by keyboard (Enter in the last field).
    await expect(view.panel).toContainText('Turn on an autoscaler');
    await expect(yourTurn).toBeVisible();
    await view.openTab('Policy');
    await page.getByLabel('Target utilization (%)').fill('80');
    await page.getByLabel('Looks every (s)').fill('5');
    const cooldown = page.getByLabel('Cooldown after a decision (s)');
    await cooldown.fill('10');
    await cooldown.press('Enter');
    await expect(view.panel).toContainText('Done at t = 0.0 s');
    await expect(page.getByTestId('autoscaler-status')).toHaveText(/^On\./);
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="autoQuietServers"]')).toHaveText('6');
    await view.next();

    await spikeByHalf(view, page);
    await view.playUntilReveal();
    await expect(view.reveal.locator('[data-figure="autoServersLate"]')).toHaveText(/^\d+$/);
    await view.next();

    for (const [step, figure] of [
      ['ring', 'ringJoinHit'],
      ['modulo', 'moduloJoinHit'],
    ] as const) {
      if (step === 'modulo') await view.predict('Deeper: twice as many keys move');
      await view.playUntil(yourTurn);
      await page.getByRole('button', { name: 'Add a cache node' }).click();
      await view.playUntilReveal();
      await expect(view.reveal.locator(`[data-figure="${figure}"]`)).toHaveText(PERCENT);
      if (step === 'ring') await view.next();
    }
  });
});
