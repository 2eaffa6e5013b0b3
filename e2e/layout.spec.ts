// One screen (issue 12): at laptop and projector sizes the picture, the headline figures, the live
// chart and the fault, load and policy controls are all in the window without scrolling; the
// header keeps its height through Play and Pause and clips nothing; a phone gets one column with
// no sideways scrolling; a lesson fits beside the picture; an embed shows its figures in a small
// frame and tells its host the height it needs.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const FIGURES = ['availability', 'p50', 'p99', 'throughput', 'errors', 'acked-writes-lost'];
const LAB = 'http://localhost:4173/';
const HOST = 'http://localhost:4174';

/** The element's box lies wholly inside the window. */
async function expectInView(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box, `${what} is drawn`).not.toBeNull();
  if (!box || !size) return;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(size.width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(size.height + 0.5);
}

async function pageScrolls(page: Page): Promise<{ down: boolean; across: boolean }> {
  return page.evaluate(() => {
    const root = document.scrollingElement as Element;
    return { down: root.scrollHeight > innerHeight, across: root.scrollWidth > innerWidth };
  });
}

/** Header controls whose content is wider than their box (clipped), and the header's own overflow. */
async function clippedInHeader(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('.lab-header') as HTMLElement;
    const clipped = [...header.querySelectorAll<HTMLElement>('button, select, a, input, .sim-time')]
      .filter((e) => e.getClientRects().length > 0 && e.clientWidth > 1 && e.scrollWidth > e.clientWidth)
      .map((e) => e.textContent?.trim() || e.id || e.tagName);
    if (header.scrollWidth > header.clientWidth) clipped.push('the header itself');
    return clipped;
  });
}

for (const size of SCREENS) {
  test(`at ${size.width}x${size.height} everything a class needs is on one screen`, async ({ page }) => {
    await page.setViewportSize(size);
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(1);
    await expectInView(page, page.locator('.topology-svg'), 'the cluster picture');
    for (const name of FIGURES) await expectInView(page, lab.metric(name), `the ${name} figure`);
    await expectInView(page, page.getByTestId('live-strip'), 'the live chart');
    for (const tab of ['Faults', 'Load', 'Policy']) {
      await lab.openTab(tab);
      await expectInView(page, lab.tab(tab), `the ${tab} tab`);
      await expectInView(page, page.getByRole('tabpanel', { name: tab }), `the ${tab} panel`);
    }
    expect(await pageScrolls(page)).toEqual({ down: false, across: false });
  });

  test(`at ${size.width}x${size.height} the header keeps its height and clips nothing`, async ({ page }) => {
    await page.setViewportSize(size);
    const lab = new LabPage(page);
    await lab.open();
    await page.getByLabel('Speed').selectOption('1000');
    const header = page.locator('.lab-header');
    const before = await header.boundingBox();
    const step = await page.getByRole('button', { name: 'Step' }).boundingBox();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => lab.seconds()).toBeGreaterThan(0);
    expect((await header.boundingBox())?.height).toBe(before?.height);
    // Nothing after Play moves when it becomes Pause.
    expect((await page.getByRole('button', { name: 'Step' }).boundingBox())?.x).toBe(step?.x);
    expect(await clippedInHeader(page)).toEqual([]);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    expect((await header.boundingBox())?.height).toBe(before?.height);
    // One row: no taller than two buttons would make it.
    expect(before?.height ?? 0).toBeLessThan(2 * (step?.height ?? 0));
  });
}

test('on a phone: one column, picture and figures first, the controls in a drawer below them', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const lab = new LabPage(page);
  await lab.open();
  await lab.step(1);
  expect((await pageScrolls(page)).across).toBe(false);
  const picture = await page.locator('.topology-svg').boundingBox();
  const figures = await lab.metric('availability').boundingBox();
  const drawer = page.getByRole('button', { name: 'Controls' });
  await expect(drawer).toHaveAttribute('aria-expanded', 'false');
  await expect(lab.tab('Faults')).toBeHidden();
  const toggle = await drawer.boundingBox();
  expect(picture && figures && toggle).toBeTruthy();
  expect(picture?.y ?? 0).toBeLessThan(figures?.y ?? 0);
  expect(figures?.y ?? 0).toBeLessThan(toggle?.y ?? 0);

  // The drawer opens below the figures, in the page's flow: while the run plays nothing covers them.
  await drawer.click();
  await lab.openTab('Load');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect((await lab.tab('Load').boundingBox())?.y ?? 0).toBeGreaterThan(toggle?.y ?? 0);
  expect(await lab.metric('availability').boundingBox()).toEqual(figures);
  expect((await pageScrolls(page)).across).toBe(false);
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('a lesson at 1280x720 shows its text, the picture and the figures together', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = new LabPage(page);
  await page.goto('./#lesson=faults-not-failures&step=1');
  await expect(page.locator('#lesson-title')).toBeVisible();
  await expect(lab.node('app-1')).toBeVisible();
  await expectInView(page, page.locator('#lesson-title'), 'the lesson title');
  await expectInView(page, page.locator('.lesson-panel'), 'the lesson panel');
  await expectInView(page, page.locator('.topology-svg'), 'the cluster picture');
  for (const name of FIGURES) await expectInView(page, lab.metric(name), `the ${name} figure`);
  await expectInView(page, page.getByRole('tabpanel'), 'the controls the step offers');
  expect(await pageScrolls(page)).toEqual({ down: false, across: false });
});

for (const size of [
  { width: 760, height: 640 },
  { width: 600, height: 400 },
]) {
  test(`an embed at ${size.width}x${size.height} shows the picture and its figures, header in one row`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const lab = new LabPage(page);
    await page.goto('./?embed');
    await expect(lab.node('app-1')).toBeVisible();
    await lab.step(1);
    await expectInView(page, page.locator('.topology-svg'), 'the cluster picture');
    for (const name of ['availability', 'errors', 'p50', 'p99']) {
      await expectInView(page, lab.metric(name), `the ${name} figure`);
    }
    const header = await page.locator('.lab-header').boundingBox();
    const play = await page.getByRole('button', { name: 'Play' }).boundingBox();
    expect(header?.height ?? 0).toBeLessThan(2 * (play?.height ?? 0));
    expect(await clippedInHeader(page)).toEqual([]);
    expect((await pageScrolls(page)).across).toBe(false);
  });
}

test('an embed tells its host the height it needs', async ({ page }) => {
  await page.goto(`${HOST}/?src=${encodeURIComponent(`${LAB}?embed&host=${HOST}`)}`);
  const frame = page.frameLocator('#lab');
  await expect(frame.locator('[data-node-id="app-1"]')).toBeVisible();
  type Received = { origin: string; data: { type: string; height?: number } };
  const resizes = () =>
    page.evaluate(() =>
      (window as unknown as { received: Received[] }).received.filter((m) => m.data.type === 'faultline:resize'),
    );
  await expect.poll(async () => (await resizes()).length).toBeGreaterThan(0);
  const last = (await resizes()).at(-1);
  expect(last?.origin).toBe('http://localhost:4173');
  // The figures, the picture and the charts tab under them: taller than a header, a sane page.
  expect(last?.data.height ?? 0).toBeGreaterThan(400);
  expect(last?.data.height ?? 0).toBeLessThan(5000);
  const needed = await frame.locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
  expect(last?.data.height).toBe(needed);
});
