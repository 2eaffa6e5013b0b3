// A part of the lab that fails to draw shows a message naming it and a Redraw button; the rest of
// the lab keeps working, and the page is never blank. Each part is made to fail through the
// test-only switch in src/view/common/crashForTests.ts.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

type Switchable = Window & { __faultlineCrashForTests?: string[] };

/** Asks the named parts to fail from the first time they are drawn. */
async function failFromTheStart(page: Page, parts: string[]): Promise<void> {
  await page.addInitScript((names) => {
    (window as Switchable).__faultlineCrashForTests = names;
  }, parts);
}

async function failFromNow(page: Page, parts: string[]): Promise<void> {
  await page.evaluate((names) => {
    (window as Switchable).__faultlineCrashForTests = names;
  }, parts);
}

const failure = (page: Page, what: string): Locator =>
  page.getByRole('alert').filter({ hasText: `${what} could not be drawn.` });

interface Part {
  readonly part: string;
  readonly what: string;
  /** Something the part shows once it is drawn again. */
  readonly back?: (page: Page) => Locator;
  /** The rail's tab that holds the part, if any. */
  readonly tab?: string;
}

const PARTS: readonly Part[] = [
  { part: 'cluster', what: 'The cluster picture', back: (p) => p.locator('[data-node-id="app-1"]') },
  { part: 'inspector', what: 'The inspector', tab: 'Inspector' },
  { part: 'reliability', what: 'The reliability figures', back: (p) => p.locator('[data-metric]').first() },
  { part: 'charts', what: 'The charts', tab: 'Charts' },
  { part: 'timeline', what: 'The timeline', tab: 'Charts' },
  {
    part: 'compare-button',
    what: 'The Compare button',
    back: (p) => p.getByRole('button', { name: 'Compare with another policy…' }),
    tab: 'Charts',
  },
  { part: 'live-strip', what: 'The live chart', back: (p) => p.getByTestId('live-strip') },
  { part: 'latency-distribution', what: 'The latency distribution', tab: 'Charts' },
  { part: 'cluster-faults', what: 'The cluster faults', tab: 'Faults' },
  { part: 'load', what: 'The load settings', tab: 'Load' },
  { part: 'policy', what: 'The policy settings', tab: 'Policy' },
  { part: 'event-log', what: 'The event log', tab: 'Log' },
  { part: 'header-buttons', what: "The lab's buttons", back: (p) => p.getByRole('button', { name: 'Share' }) },
  { part: 'playback', what: 'The playback controls', back: (p) => p.getByTestId('sim-time') },
  { part: 'error-banner', what: 'The error message' },
  { part: 'progress', what: 'The replay progress' },
  { part: 'shortcuts', what: 'The keyboard shortcuts' },
];

for (const { part, what, back, tab } of PARTS) {
  test(`${what} fails alone, the lab runs on, and Redraw brings it back`, async ({ page }) => {
    const lab = new LabPage(page);
    await failFromTheStart(page, [part]);
    await page.goto('./');
    if (tab) await lab.openTab(tab);
    await expect(failure(page, what)).toBeVisible();
    // The rest of the lab still runs: one step of simulated time (by key when the buttons are gone).
    if (part === 'playback') await page.keyboard.press('.');
    else await lab.step(1);
    await failFromNow(page, []);
    await failure(page, what).getByRole('button', { name: 'Redraw' }).click();
    await expect(failure(page, what)).toHaveCount(0);
    if (back) await expect(back(page)).toBeVisible();
    await expect(lab.simTime).toHaveText('t = 1.0 s');
  });
}

test('the lesson panel fails alone and Redraw brings it back', async ({ page }) => {
  await failFromTheStart(page, ['lesson']);
  await page.goto('./#lesson=faults-not-failures&step=1');
  await expect(failure(page, 'The lesson')).toBeVisible();
  await failFromNow(page, []);
  await failure(page, 'The lesson').getByRole('button', { name: 'Redraw' }).click();
  await expect(page.locator('#lesson-title')).toBeVisible();
});

const DIALOGS = [
  { part: 'help', what: 'The help', opener: 'Help', title: 'Keyboard shortcuts' },
  { part: 'lessons', what: 'The list of lessons', opener: 'Lessons', title: 'Lessons' },
  { part: 'share', what: 'The Share dialog', opener: 'Share', title: 'Share this run' },
  {
    part: 'compare',
    what: 'The Compare dialog',
    opener: 'Compare with another policy…',
    title: 'Compare two policies',
  },
] as const;

for (const { part, what, opener, title } of DIALOGS) {
  test(`${what} fails in a message of its own, and Redraw opens it`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    if (part === 'compare') await lab.openTab('Charts');
    await failFromNow(page, [part]);
    const openButton = page.getByRole('button', { name: opener, exact: true });
    const problem = page.getByRole('dialog', { name: 'Something went wrong' });
    await openButton.click();
    await expect(problem).toContainText(`${what} could not be drawn.`);
    // Closing the message leaves a working lab; opening the dialog again tries again.
    await problem.getByRole('button', { name: 'Close' }).click();
    await expect(problem).toHaveCount(0);
    await lab.step(1);
    await openButton.click();
    await expect(problem).toBeVisible();
    await failFromNow(page, []);
    await problem.getByRole('button', { name: 'Redraw' }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await lab.step(1);
    await expect(lab.simTime).toHaveText('t = 2.0 s');
  });
}

test('when the whole lab fails, the page says so and Redraw brings the lab back', async ({ page }) => {
  const lab = new LabPage(page);
  await failFromTheStart(page, ['lab']);
  await page.goto('./');
  const problem = failure(page, 'The lab');
  await expect(problem).toBeVisible();
  await expect(problem.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  await failFromNow(page, []);
  await problem.getByRole('button', { name: 'Redraw' }).click();
  await expect(lab.node('app-1')).toBeVisible();
  await lab.step(1);
  await expect(lab.simTime).toHaveText('t = 1.0 s');
});
