// Exports that stand alone: a chart picture downloaded from the Share dialog carries its title,
// legend, labelled axes, time range, fault marks and a caption with the seed and link; its PNG
// is the same picture at twice the size; every file is named for the run and moment, the same
// name for the same moment; the CSV's columns name their units.
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

/** Clicks a button in the dialog and returns the download it starts: its name and contents. */
async function download(page: Page, button: Locator): Promise<{ name: string; body: Buffer }> {
  const started = page.waitForEvent('download');
  await button.click();
  const file: Download = await started;
  return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

/** What a reader of the SVG file sees, parsed by the browser's own XML parser. */
function readSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    // A part's lines are separate <text> elements: read them as words apart.
    const linesOf = (e: Element) => (e.localName === 'text' ? [e] : [...e.querySelectorAll('text')]);
    const textOf = (selector: string) =>
      [...doc.querySelectorAll(selector)].map((e) =>
        linesOf(e)
          .map((line) => line.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: textOf('[data-part="title"]')[0],
      timeRange: textOf('[data-part="time-range"]')[0],
      legend: textOf('[data-part="legend-entry"]'),
      dashes: [...doc.querySelectorAll('[data-part="legend-entry"] line')].map((l) =>
        l.getAttribute('stroke-dasharray'),
      ),
      yLabel: textOf('[data-part="y-label"]')[0],
      xLabel: textOf('[data-part="x-label"]')[0],
      marks: textOf('[data-part="marks-list"]')[0],
      caption: textOf('[data-part="caption"]')[0],
      href: doc.querySelector('[data-part="link"]')?.getAttribute('href'),
      metadataHref: doc.querySelector('metadata > *')?.getAttribute('href'),
      background: doc.querySelector('svg > rect')?.getAttribute('fill'),
    };
  }, text);
}

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this run' });
  return { dialog, link: await dialog.getByLabel('Link to this run').inputValue() };
}

/** Three seconds, a crash, three more: a run with one fault mark, at t = 6.0 s. */
async function runWithCrash(lab: LabPage): Promise<void> {
  await lab.step(3);
  await lab.act(lab.node('app-2'), 'Crash node');
  await lab.step(3);
}

test.describe('exports that stand alone', () => {
  test('the latency chart downloads as an SVG with title, legend, axes, time range and caption', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await runWithCrash(lab);
    // The Charts tab is not open: chart pictures are built from the run's data, not the page.
    const { dialog, link } = await openShare(page);
    const button = dialog.getByRole('button', { name: 'Latency percentiles (SVG)' });
    const first = await download(page, button);
    expect(first.name).toMatch(/^faultline-default-seed-\d+-t-6\.0s-latency\.svg$/);
    const svg = await readSvg(page, first.body.toString('utf8'));
    expect(svg.errors).toBe(0);
    expect(svg.root).toBe('svg');
    expect(svg.title).toBe('Latency percentiles');
    expect(svg.timeRange).toMatch(/^t = 0\.0–6\.0 s · /);
    expect(svg.legend).toEqual(expect.arrayContaining(['p50 (median)', 'p95', 'p99', 'p99.9', 'server work (mean)']));
    expect(svg.legend.some((entry) => /^p99 target \d+ ms$/.test(entry))).toBe(true);
    expect(new Set(svg.dashes.filter((d) => d)).size).toBeGreaterThanOrEqual(4);
    expect(svg.yLabel).toBe('Latency (ms)');
    expect(svg.xLabel).toBe('Simulated time (s)');
    // Marked as on the page's charts, the run's own events too: kind, what happened, who set it off.
    expect(svg.marks).toMatch(/^1 t = 3\.0 s: fault: app-2 \S+ \(by you\) 2 t = [\d.]+ s: .*app-2.*\(automatic\)/);
    const seed = /seed-(\d+)-/.exec(first.name)?.[1];
    expect(svg.caption).toContain(`(default), seed ${seed}, at t = 6.0 s`);
    expect(svg.caption?.replace(/ /g, '')).toContain(link);
    expect(svg.href).toBe(link);
    expect(svg.metadataHref).toBe(link);
    expect(svg.background).toBe('#ffffff');

    // The same moment exported again: the same name and the same picture.
    const again = await download(page, button);
    expect(again.name).toBe(first.name);
    expect(again.body.equals(first.body)).toBe(true);
  });

  test('the PNG is the same picture at twice its size', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await runWithCrash(lab);
    const { dialog } = await openShare(page);
    const svg = await download(page, dialog.getByRole('button', { name: 'Throughput (SVG)' }));
    const png = await download(page, dialog.getByRole('button', { name: 'Throughput (PNG)' }));
    expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
    expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // A PNG's IHDR chunk holds its width and height at bytes 16 and 20.
    const { width, height } = await readSvg(page, svg.body.toString('utf8'));
    expect([png.body.readUInt32BE(16), png.body.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
    expect(width).toBe(960);
  });

  test('every download is named for the run and moment, and the CSV names its units', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await runWithCrash(lab);
    const { dialog } = await openShare(page);
    const names: string[] = [];
    for (const name of ['Save as file', 'Metrics per second (CSV)', 'Event log (JSON)', 'Cluster (SVG)']) {
      const file = await download(page, dialog.getByRole('button', { name }));
      names.push(file.name);
      if (name.includes('CSV')) {
        const header = file.body.toString('utf8').split('\r\n')[0]?.split(',') ?? [];
        expect(header).toContain('availability_ratio');
        expect(header).toContain('offered_requests');
        expect(header.every((column) => /_(s|ms|rps|ratio|requests|attempts)$/.test(column))).toBe(true);
      }
    }
    const prefix = /^faultline-default-seed-\d+-t-6\.0s-/.exec(names[0] ?? '')?.[0] ?? 'no prefix';
    expect(names).toEqual([
      `${prefix}experiment.json`,
      `${prefix}metrics.csv`,
      `${prefix}events.json`,
      `${prefix}cluster.svg`,
    ]);
  });

  test('in the dark theme the cluster picture is still dark on white, with a title and caption', async ({ page }) => {
    const lab = new LabPage(page);
    await page.goto('./?theme=dark');
    await expect(lab.node('app-1')).toBeVisible();
    await lab.step(2);
    const { dialog, link } = await openShare(page);
    const file = await download(page, dialog.getByRole('button', { name: 'Cluster (SVG)' }));
    // The drawing's inlined style="…" attributes are left out of what the page parses: the lab's
    // Content-Security-Policy reports them even in a parsed document it never shows.
    const svg = await readSvg(page, file.body.toString('utf8').replace(/ style="[^"]*"/g, ''));
    expect(svg.errors).toBe(0);
    expect(svg.title).toBe('Cluster');
    expect(svg.timeRange).toMatch(/^t = 2\.0 s · /);
    expect(svg.caption).toContain('seed');
    expect(svg.href).toBe(link);
    expect(svg.background).toBe('#ffffff');
    // The drawing's own backdrop is the light theme's panel, and the page kept its dark theme.
    expect(file.body.toString('utf8')).toMatch(
      /<rect x="[\d.]+" y="\d+" width="\d+" height="\d+" fill="#fff(fff)?"\/>/,
    );
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});
