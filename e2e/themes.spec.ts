// Themes (light, dark, projector; the system's setting by default; forced colours) and the
// live-demo tools in the header: Heal everything (H) and Undo last action (U).
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);
const root = (page: Page) => page.locator('html');
const themePicker = (page: Page) => page.getByRole('combobox', { name: 'Theme' });
const healButton = (page: Page) => page.getByRole('button', { name: 'Heal everything' });
const undoButton = (page: Page) => page.getByRole('button', { name: 'Undo last action' });

async function open(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(node(page, 'app-1')).toBeVisible();
  await expect(page.getByTestId('sim-time')).toHaveText('t = 0.0 s');
}

async function crash(page: Page, id: string) {
  await node(page, id).click();
  await page.getByRole('menuitem', { name: 'Crash node', exact: true }).click();
  await expect(node(page, id)).toHaveAccessibleName(new RegExp(`^${id}, [a-z ]+, crashed`));
}

async function step(page: Page) {
  const before = await page.getByTestId('sim-time').textContent();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('sim-time')).not.toHaveText(before ?? '');
}

/** Axe's findings as short lines, so a failure names the rule and the element. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.lab').analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('themes', () => {
  for (const theme of ['dark', 'projector', 'light'] as const)
    test(`?theme=${theme} applies, and axe finds no violations`, async ({ page }) => {
      await open(page, `?theme=${theme}`);
      await expect(root(page)).toHaveAttribute('data-theme', theme);
      await expect(themePicker(page)).toHaveValue(theme);
      expect(await axeViolations(page)).toEqual([]);
    });

  test("an embed takes the link's theme too", async ({ page }) => {
    await page.goto('./?embed&theme=dark');
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    await expect(themePicker(page)).toHaveCount(0);
  });

  test('in dark, every state colour keeps 3:1 against the panel', async ({ page }) => {
    await open(page, '?theme=dark');
    const ratios = await page.evaluate(() => {
      const probe = document.createElement('span');
      document.querySelector('.panel')?.append(probe);
      const colour = (name: string) => {
        probe.style.color = `var(${name})`;
        return (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
      };
      const luminance = (rgb: number[]) =>
        rgb
          .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
          .reduce((sum, c, i) => sum + c * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
      const panel = luminance(colour('--panel'));
      const names = ['up', 'down', 'degraded', 'overloaded', 'info', 'side', 'neutral'];
      const out = Object.fromEntries(
        names.map((n) => [n, (luminance(colour(`--state-${n}`)) + 0.05) / (panel + 0.05)]),
      );
      probe.remove();
      return out;
    });
    for (const [state, ratio] of Object.entries(ratios)) expect(ratio, state).toBeGreaterThanOrEqual(3);
  });

  test('follows the system: dark when the system is dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    await expect(themePicker(page)).toHaveValue('system');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(root(page)).toHaveAttribute('data-theme', 'light');
  });

  test('the header picker switches, is remembered, and a link still wins', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page);
    await themePicker(page).selectOption('dark');
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    await open(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    await open(page, '?theme=projector');
    await expect(root(page)).toHaveAttribute('data-theme', 'projector');
    await themePicker(page).selectOption('system');
    await expect(root(page)).toHaveAttribute('data-theme', 'light');
  });
});

/** Rendered size in CSS px of an SVG text: its font size in viewBox units times the drawing's scale. */
async function renderedFontPx(text: Locator): Promise<number> {
  return text.evaluate((el) => {
    const svgText = el as SVGTextElement;
    const scale = svgText.getScreenCTM()?.a ?? 1;
    return Number.parseFloat(getComputedStyle(svgText).fontSize) * scale;
  });
}

/** WCAG contrast of an element's text colour against the first opaque background behind it. */
async function contrastOf(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (R ?? 0) + 0.7152 * (G ?? 0) + 0.0722 * (B ?? 0);
    };
    let back: Element | null = el;
    let background = [255, 255, 255];
    while (back) {
      const parts = rgb(getComputedStyle(back).backgroundColor);
      if (parts.length === 3 || (parts[3] ?? 0) === 1) {
        background = parts.slice(0, 3);
        break;
      }
      back = back.parentElement;
    }
    const style = getComputedStyle(el);
    const ink = rgb(el instanceof SVGElement ? style.fill : style.color);
    const [hi, lo] = [luminance(ink), luminance(background)].sort((a, b) => b - a);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  });
}

test.describe('projector mode at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('node labels at least 16 px, headline figures at least 32 px, text at least 7:1', async ({ page }) => {
    await open(page, '?theme=projector');
    const labels = page.locator('.topology .node-id');
    expect(await labels.count()).toBeGreaterThan(0);
    for (const label of await labels.all()) expect(await renderedFontPx(label)).toBeGreaterThanOrEqual(16);
    const figures = page.locator('.metric-value[data-metric]');
    expect(await figures.count()).toBeGreaterThanOrEqual(5);
    for (const figure of await figures.all()) {
      if (!(await figure.isVisible())) continue;
      const px = await figure.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(px).toBeGreaterThanOrEqual(32);
    }
    for (const text of [
      page.locator('body'),
      page.locator('.lab-title'),
      page.locator('.metric-label').first(),
      page.locator('.metric-value').first(),
      labels.first(),
    ])
      expect(await contrastOf(text)).toBeGreaterThanOrEqual(7);
    // The histogram folds away under the charts; the Log tab still shows the log when chosen.
    await page.getByRole('tab', { name: 'Charts', exact: true }).click();
    await expect(page.getByTestId('time-series-charts')).toBeVisible();
    await expect(page.locator('.histogram-panel')).toBeHidden();
    await page.getByRole('tab', { name: 'Log', exact: true }).click();
    await expect(page.getByTestId('event-log')).toBeVisible();
  });
});

test('forced colours keep every node state readable in words', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page);
  await crash(page, 'db-1');
  const words = page.locator('.topology .status-word');
  await expect(words.filter({ hasText: 'crashed' })).toHaveCount(1);
  await expect(words.filter({ hasText: 'up' }).first()).toBeVisible();
  const crashed = words.filter({ hasText: 'crashed' });
  expect(await contrastOf(crashed)).toBeGreaterThanOrEqual(4.5);
});

test.describe('live-demo tools', () => {
  test('Heal everything by button and by key; unavailable when nothing is broken', async ({ page }) => {
    await open(page);
    await expect(healButton(page)).toHaveAttribute('aria-disabled', 'true');
    await expect(healButton(page)).toHaveAccessibleDescription(/Nothing to heal/);
    await crash(page, 'db-1');
    await crash(page, 'db-4');
    await expect(healButton(page)).toHaveAttribute('aria-disabled', 'false');
    await healButton(page).click();
    await expect(node(page, 'db-1')).toHaveAccessibleName(/^db-1, [a-z ]+, up/);
    await expect(node(page, 'db-4')).toHaveAccessibleName(/^db-4, [a-z ]+, up/);
    await expect(page.getByTestId('announcer')).toContainText(/restart node db-1/i);
    await step(page);
    await crash(page, 'db-2');
    await page.keyboard.press('h');
    await expect(node(page, 'db-2')).toHaveAccessibleName(/^db-2, [a-z ]+, up/);
  });

  test('Undo last action by button and by key; unavailable with a reason before any action', async ({ page }) => {
    await open(page);
    await expect(undoButton(page)).toHaveAttribute('aria-disabled', 'true');
    await expect(undoButton(page)).toHaveAccessibleDescription(/Nothing to undo/);
    await step(page);
    await crash(page, 'db-1');
    await step(page);
    await crash(page, 'db-2');
    await undoButton(page).click();
    await expect(node(page, 'db-2')).toHaveAccessibleName(/^db-2, [a-z ]+, up/);
    await expect(node(page, 'db-1')).toHaveAccessibleName(/^db-1, [a-z ]+, crashed/);
    await expect(page.getByTestId('sim-time')).toHaveText('t = 2.0 s');
    await expect(page.getByTestId('announcer')).toContainText(/Undid Crash node db-2/);
    await page.keyboard.press('u');
    await expect(node(page, 'db-1')).toHaveAccessibleName(/^db-1, [a-z ]+, up/);
    await expect(page.getByTestId('sim-time')).toHaveText('t = 2.0 s');
    await expect(undoButton(page)).toHaveAttribute('aria-disabled', 'true');
  });
});
