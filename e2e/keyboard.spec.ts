// The lab by keyboard: the cluster picture is one Tab stop with arrow keys inside, links are
// reached with L and show a focus halo, a skip link jumps to the controls, Space plays after a
// lesson starts, and the help lists every key. Simulated time moves only through the UI.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const focusedId = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-node-id') ?? el?.getAttribute('data-link-id') ?? el?.tagName ?? null;
  });

/** How many elements inside the cluster picture the Tab key stops at. */
const pictureTabStops = (page: Page) =>
  page.locator('.topology-svg [tabindex]:not([tabindex="-1"])').evaluateAll((els) => els.length);

/** Focuses the last zoom button, just before the picture in the Tab order. */
async function focusBeforePicture(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reset zoom' }).focus();
}

/** WCAG contrast ratio of two CSS colours given as rgb(...). */
function contrast(a: string, b: string): number {
  const lum = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test.describe('keyboard and focus', () => {
  test('the cluster is one Tab stop; arrows, Home and End move between nodes', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    expect(await pictureTabStops(page)).toBe(1);
    await focusBeforePicture(page);
    await page.keyboard.press('Tab');
    await expect(page.locator('.topology-svg [data-node-id]:focus')).toHaveCount(1);
    const first = await focusedId(page);
    await page.keyboard.press('ArrowRight');
    await expect(lab.node('lb')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-node-id^="app-"]:focus')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-node-id^="app-"]:focus')).toHaveCount(1);
    const remembered = await focusedId(page);
    // One more Tab leaves the picture; Shift+Tab comes back to the node the learner was on.
    await page.keyboard.press('Tab');
    await expect(page.locator('.topology-svg :focus')).toHaveCount(0);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe(remembered);
    expect(await pictureTabStops(page)).toBe(1);
    await page.keyboard.press('End');
    await expect(page.locator('[data-node-id^="db-"]:focus')).toHaveCount(1);
    await page.keyboard.press('Home');
    expect(await focusedId(page)).toBe(first);
    // Enter still opens the menu, and Escape gives focus back to the node.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(lab.node('lb')).toBeFocused();
    // Shift+Enter adds the node to the group selection.
    await page.keyboard.press('Shift+Enter');
    await expect(lab.node('lb')).toHaveAccessibleName(/, selected$/);
  });

  test('links are reached with L, show a wide focus halo, and open their menu', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.node('lb').focus();
    await page.keyboard.press('l');
    const focusedLink = page.locator('[data-link-id]:focus');
    await expect(focusedLink).toHaveCount(1);
    const firstLink = await focusedId(page);
    await page.keyboard.press('l');
    expect(await focusedId(page)).not.toBe(firstLink);
    await page.keyboard.press('Shift+L');
    expect(await focusedId(page)).toBe(firstLink);

    const ring = await focusedLink.evaluate((el) => {
      const halo = el.querySelector('.link-focus') as SVGPathElement;
      const line = el.querySelector('.link-line') as SVGPathElement;
      const svg = el.closest('svg') as SVGSVGElement;
      const scale = (halo.getScreenCTM() ?? svg.getScreenCTM())?.a ?? 1;
      const haloWidth = parseFloat(getComputedStyle(halo).strokeWidth);
      const lineWidth = parseFloat(line.getAttribute('stroke-width') ?? '0');
      const rack = document.querySelector('.rack rect');
      return {
        stroke: getComputedStyle(halo).stroke,
        sidePx: ((haloWidth - lineWidth) / 2) * scale,
        background: rack ? getComputedStyle(rack).fill : 'rgb(255, 255, 255)',
      };
    });
    expect(ring.stroke).not.toBe('none');
    expect(ring.sidePx).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.stroke, ring.background)).toBeGreaterThanOrEqual(3);
    await page.locator('.topology-panel').screenshot({ path: 'e2e/screenshots/keyboard-link-focus.png' });

    // Right goes to the link's far end; Escape from a link goes back to the node it came from.
    await page.keyboard.press('Escape');
    await expect(lab.node('lb')).toBeFocused();
    await page.keyboard.press('l');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: /Partition link/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(focusedLink).toHaveCount(1);
  });

  test('the 500-node cluster is a single Tab stop', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    const scenario = page.getByLabel('Scenario');
    if (!(await scenario.isVisible())) await page.getByRole('tab', { name: 'Setup' }).click();
    await scenario.selectOption('large');
    await expect(lab.node('db-298')).toBeAttached();
    expect(await pictureTabStops(page)).toBe(1);
    await focusBeforePicture(page);
    await page.keyboard.press('Tab');
    await expect(page.locator('.topology-svg [data-node-id]:focus')).toHaveCount(1);
    await page.keyboard.press('Tab');
    await expect(page.locator('.topology-svg :focus')).toHaveCount(0);
    // The ring round a small glyph is drawn in screen pixels: at least 2 px whatever the scale.
    await lab.node('app-17').focus();
    await page.keyboard.press('ArrowDown');
    const width = await page
      .locator('.topology-svg [data-node-id]:focus .node-hit')
      .evaluate((el) => getComputedStyle(el).strokeWidth);
    expect(parseFloat(width)).toBeGreaterThanOrEqual(2);
  });

  test('the skip link is the first stop and jumps to the controls', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to controls' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(skip).not.toBeFocused();
    const inControls = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return Boolean(el?.closest('#lab-controls') ?? el?.closest('[role="tablist"]'));
      });
    expect(await inControls()).toBe(true);
    // The address keeps its fragment for lessons and experiments.
    expect(new URL(page.url()).hash).toBe('');
  });

  test('Space plays and pauses once a lesson has started', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('button', { name: /^Start lesson 1:/ }).press('Enter');
    await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeHidden();
    await expect(page.locator('#lesson-step-label')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeHidden();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('the help lists every key, Shift+Enter and the picture keys among them', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.node('lb').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    for (const key of ['Space', 'Shift+Enter', 'Home', 'End', 'Shift+L', 'Tab', 'Esc', '?'])
      await expect(help.locator('kbd', { hasText: key }).first()).toBeVisible();
    await expect(page.locator('.topology-svg')).toHaveAccessibleDescription(/Arrow keys move between nodes/);
  });
});
