// Reproducible runs: a link copied after a few clicks opens, in a new page, the same run: same
// figures, same event-log hash. Bad links say what is wrong and keep the default scenario.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

test.describe('share a run by link', () => {
  test('a run played past the interactive horizon says its link will be refused, and how to run it', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.openTab('Setup');
    await page.getByLabel('Scenario').selectOption('single-server');
    await page.getByLabel('Speed').selectOption('1000');
    await page.getByRole('button', { name: 'Play' }).click();
    // An hour at 1000x is 3.6 s of wall time at best; the clock then reads h:mm:ss.
    await expect(lab.simTime).toHaveText(/^t = 1:\d\d:\d\d$/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    // One more simulated second, to be surely past the hour (lab.step reads only plain seconds).
    const paused = (await lab.simTime.textContent()) ?? '';
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(lab.simTime).not.toHaveText(paused);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    await expect(dialog.getByRole('alert')).toContainText('the lab will refuse this link and file');
    await expect(dialog.getByRole('alert')).toContainText(
      /npm run sim -- faultline-single-server-seed-\d+-t-[\d.]+s-experiment\.json/,
    );
  });

  test('a copied link reproduces the run exactly in a new page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(3);
    await lab.act(lab.node('app-2'), 'Crash node');
    await lab.step(2);
    await lab.act(lab.node('db-1'), 'Fail disk 0');
    await lab.openTab('Load');
    await page.getByRole('spinbutton', { name: /Request rate/ }).fill('900');
    await page.getByRole('spinbutton', { name: /Request rate/ }).press('Enter');
    await lab.step(4);
    const figures = async (p: LabPage) =>
      Promise.all(
        ['availability', 'p50', 'p99', 'throughput', 'acked-writes-lost'].map((m) => p.metric(m).textContent()),
      );
    const before = await figures(lab);

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    await expect(dialog).toContainText('your 3 actions');
    const hash = await dialog.getByTestId('run-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog).toContainText('Link copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await dialog.getByLabel('Link to this run').inputValue());
    expect(link.length).toBeLessThan(1500);

    const other = await context.newPage();
    const again = new LabPage(other);
    await other.goto(link);
    await expect(again.simTime).toHaveText((await lab.simTime.textContent()) ?? '');
    await expect(again.node('app-2')).toHaveAccessibleName(/crashed/);
    expect(await figures(again)).toEqual(before);
    await other.getByRole('button', { name: 'Share' }).click();
    await expect(other.getByRole('dialog', { name: 'Share this run' }).getByTestId('run-hash')).toHaveText(hash ?? '');
  });

  test('a damaged link says what is wrong and shows the default scenario', async ({ page }) => {
    const lab = new LabPage(page);
    await page.goto('./#x=N4IgLgnghgdgxgWxALhAJQKYGcD2AnAExAB');
    await expect(page.getByRole('alert')).toContainText('This link could not be opened');
    await expect(page.getByRole('alert')).toContainText('Showing the default scenario instead.');
    await expect(lab.node('app-1')).toBeVisible();
    await expect(lab.simTime).toHaveText('t = 0.0 s');
  });

  test('text from a hostile link is shown as text', async ({ page }) => {
    // A valid envelope naming a scenario that is markup: it must appear verbatim, never run.
    const hostile = await page.evaluate(async () => {
      const json = JSON.stringify({
        v: 2,
        base: '<img src=x onerror="window.pwned=1">',
        seed: 1,
        commands: [],
        atMs: 0,
      });
      return json;
    });
    const { default: LZString } = await import('lz-string');
    await page.goto(`./#x=${LZString.compressToEncodedURIComponent(hostile)}`);
    await expect(page.getByRole('alert')).toContainText('unknown scenario "<img src=x onerror="window.pwned=1">"');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test('the run saves as a file that opens again, and exports download files that parse', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(2);
    await lab.act(lab.node('app-1'), 'Crash node');
    await lab.step(3);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const hash = await dialog.getByTestId('run-hash').textContent();

    const saved = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save as file' }).click();
    const file = await (await saved).path();
    const csvDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Metrics per second (CSV)' }).click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toMatch(/^start_s,end_s,offered/);
    expect(csv).toHaveLength(6);
    const eventsDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Event log (JSON)' }).click();
    const log = JSON.parse(readFileSync(await (await eventsDownload).path(), 'utf8')) as {
      seed: number;
      events: { node: string; text: string }[];
    };
    expect(log.seed).toBe(1);
    expect(log.events.some((e) => e.node === 'app-1' && e.text === 'app-1 crashed')).toBe(true);

    // A fresh page opens the saved file and rebuilds the same run.
    await lab.open();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByLabel('Open a saved file').setInputFiles(file);
    await expect(lab.simTime).toHaveText('t = 5.0 s');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('dialog', { name: 'Share this run' }).getByTestId('run-hash')).toHaveText(hash ?? '');
  });

  test('pictures export as SVG with the link in its metadata and as PNG that decodes', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(4);
    // The dialog offers the pictures drawn on the page: the charts are in their tab.
    await lab.openTab('Charts');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const link = await dialog.getByLabel('Link to this run').inputValue();

    const svgDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Cluster (SVG)' }).click();
    const svg = readFileSync(await (await svgDownload).path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('<metadata>');
    expect(svg).toContain(link.replace(/&/g, '&amp;'));
    expect(svg).toContain('data-node-id="app-1"');

    const chart = dialog.getByRole('button', { name: /^Latency percentiles \(PNG\)$/ });
    const pngDownload = page.waitForEvent('download');
    await chart.click();
    const png = readFileSync(await (await pngDownload).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Decoded as an image: the lab's Content-Security-Policy lets images, not fetch, read data: URLs.
    const size = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    }, png.toString('base64'));
    expect(size[0]).toBeGreaterThan(200);
    expect(size[1]).toBeGreaterThan(50);
  });
});
