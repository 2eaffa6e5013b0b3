// The `<faultline-lab>` custom element on a plain static page from another origin (the element
// build in dist-element/, served by e2e/host/server.mjs): it renders, steps, runs beside a second
// element independently, says what is wrong with a bad attribute, and leaves the page's own styles.
import { expect, test } from './fixtures';

const DEMO = 'http://localhost:4174/element/index.html';

test.describe('custom element', () => {
  test('two elements on a plain page show the lab and run independently', async ({ page }) => {
    await page.goto(DEMO);
    const first = page.locator('#lab-default');
    const second = page.locator('#lab-single');
    await expect(first.locator('[data-node-id="app-1"]')).toBeVisible();
    await expect(second.locator('[data-node-id]').first()).toBeVisible();
    await expect(first.getByTestId('sim-time')).toHaveText('t = 0.0 s');

    await first.getByRole('button', { name: 'Step' }).click();
    await expect(first.getByTestId('sim-time')).toHaveText('t = 1.0 s');
    await expect(second.getByTestId('sim-time')).toHaveText('t = 0.0 s');
    await second.getByRole('button', { name: 'Step' }).click();
    await second.getByRole('button', { name: 'Step' }).click();
    await expect(second.getByTestId('sim-time')).toHaveText('t = 2.0 s');
    await expect(first.getByTestId('sim-time')).toHaveText('t = 1.0 s');

    // Embed chrome: no lessons or sharing; `hide` took out the second one's histogram.
    await expect(first.getByRole('button', { name: 'Lessons' })).toHaveCount(0);
    await expect(first.getByRole('link', { name: 'Open in Faultline' })).toBeHidden();
    await expect(first.getByRole('heading', { name: 'Latency distribution' })).toBeVisible();
    await expect(second.getByRole('heading', { name: 'Latency distribution' })).toHaveCount(0);

    // One shared style sheet, scoped: the host page keeps its own body and headings.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    const styles = await page.evaluate(() => ({
      bodyFont: getComputedStyle(document.body).fontFamily,
      bodyBackground: getComputedStyle(document.body).backgroundColor,
      headingSize: getComputedStyle(document.querySelector('body > h1') as Element).fontSize,
      display: getComputedStyle(document.querySelector('faultline-lab') as Element).display,
    }));
    expect(styles.bodyFont).toContain('Georgia');
    expect(styles.bodyBackground).toBe('rgba(0, 0, 0, 0)');
    expect(styles.headingSize).toBe('32px');
    expect(styles.display).toBe('block');
  });

  test('keyboard shortcuts act only on the lab that has focus', async ({ page }) => {
    await page.goto(DEMO);
    const first = page.locator('#lab-default');
    const second = page.locator('#lab-single');
    await expect(first.locator('[data-node-id="app-1"]')).toBeVisible();
    // Keys typed on the page itself leave both labs alone.
    await page.locator('body > h1').click();
    await page.keyboard.press('.');
    await expect(first.getByTestId('sim-time')).toHaveText('t = 0.0 s');
    await expect(second.getByTestId('sim-time')).toHaveText('t = 0.0 s');
    // With focus in the second lab, the step key steps that lab only.
    await second.locator('[data-node-id]').first().focus();
    await page.keyboard.press('.');
    await expect(second.getByTestId('sim-time')).toHaveText('t = 1.0 s');
    await expect(first.getByTestId('sim-time')).toHaveText('t = 0.0 s');
  });

  test('a bad attribute is named in the element, and removing an element stops only it', async ({ page }) => {
    await page.goto(DEMO);
    await expect(page.locator('#lab-default [data-node-id="app-1"]')).toBeVisible();
    await page.evaluate(() => {
      const lab = document.createElement('faultline-lab');
      lab.id = 'lab-bad';
      lab.setAttribute('scenario', 'nope');
      lab.setAttribute('seed', 'abc');
      document.body.append(lab);
    });
    const bad = page.locator('#lab-bad');
    await expect(bad.getByRole('alert')).toContainText('could not start');
    await expect(bad.getByRole('alert')).toContainText(
      'The attribute "scenario" is "nope"; it must be one of default, single-server, large, data-system.',
    );
    await expect(bad.getByRole('alert')).toContainText(
      'The attribute "seed" is "abc"; it must be a whole number from 0 to 4294967295.',
    );

    // Fixing the attributes starts the lab.
    await page.evaluate(() => {
      const lab = document.getElementById('lab-bad') as Element;
      lab.setAttribute('seed', '3');
      lab.setAttribute('scenario', 'single-server');
    });
    await expect(bad.getByRole('alert')).toHaveCount(0);
    await expect(bad.getByTestId('sim-time')).toHaveText('t = 0.0 s');

    await page.evaluate(() => document.getElementById('lab-single')?.remove());
    await expect(page.locator('faultline-lab')).toHaveCount(2);
    await page.locator('#lab-default').getByRole('button', { name: 'Step' }).click();
    await expect(page.locator('#lab-default').getByTestId('sim-time')).toHaveText('t = 1.0 s');
  });

  test('an experiment attribute opens the shared run; a damaged one says so', async ({ page }) => {
    const { default: LZString } = await import('lz-string');
    const shared = { v: 2, base: 'single-server', seed: 9, commands: [], atMs: 4000 };
    const payload = LZString.compressToEncodedURIComponent(JSON.stringify(shared));
    await page.goto(DEMO);
    await page.evaluate((x) => {
      const labs: [string, string][] = [
        ['lab-shared', x],
        ['lab-broken-link', 'not-an-experiment'],
      ];
      for (const [id, value] of labs) {
        const lab = document.createElement('faultline-lab');
        lab.id = id;
        lab.setAttribute('experiment', value);
        document.body.append(lab);
      }
    }, payload);
    // The run is rebuilt up to the moment it was shared.
    await expect(page.locator('#lab-shared').getByTestId('sim-time')).toHaveText('t = 4.0 s');
    await expect(page.locator('#lab-broken-link').getByRole('alert')).toContainText(
      'The attribute "experiment" could not be opened',
    );
  });
});
