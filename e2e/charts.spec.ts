// The charts' readouts (mouse and keyboard), the marks for every fault and recovery whoever caused
// it, merged marks and their lists, a mark's link to its event-log line, and the playhead while
// scrubbing the timeline. Simulated time moves only by the Step button.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const charts = (page: Page) => page.getByTestId('time-series-charts');
const latencyPlot = (page: Page) => page.getByRole('slider', { name: /^Latency chart: arrow keys read/ });
const marks = (page: Page) => charts(page).getByRole('toolbar', { name: 'Marked events' });
const readoutOf = (plot: Locator) => plot.getByTestId('chart-readout');

/** Crashes app-2 at t = 2 s and steps to t = 6 s: the balancer removes it after two failed checks. */
async function crashApp2(lab: LabPage): Promise<void> {
  await lab.open();
  await lab.step(2);
  await lab.act(lab.node('app-2'), 'Crash node');
  await lab.step(4);
  await lab.openTab('Charts');
}

test.describe('chart readouts', () => {
  test('hovering a plot shows a crosshair and every series at that second, with units', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(5);
    await lab.openTab('Charts');
    const plot = latencyPlot(page);
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) throw new Error('the latency plot has no box');
    // The first five seconds fill the left of a two-minute chart: hover near the third.
    await page.mouse.move(box.x + box.width * (3 / 120), box.y + box.height / 2);
    const readout = readoutOf(plot);
    await expect(readout).toBeVisible();
    await expect(readout).toContainText(/t = 3\.0 s/);
    await expect(readout).toContainText(/p50 \d+(\.\d)? ms/);
    await expect(readout).toContainText(/p99\.9 \d+(\.\d)? ms/);
    await expect(plot.locator('.chart-crosshair')).toHaveCount(1);
    await expect(plot).toHaveAttribute('aria-valuetext', /^t = 3\.0 s · p50 \d.* ms · p95 .* · server work /);

    const throughput = page.getByRole('slider', { name: /^Throughput chart/ });
    await throughput.scrollIntoViewIfNeeded();
    const other = await throughput.boundingBox();
    if (!other) throw new Error('the throughput plot has no box');
    await page.mouse.move(other.x + other.width * (2 / 120), other.y + other.height / 2);
    await expect(readout).toHaveCount(0);
    await expect(readoutOf(throughput)).toContainText(/served \d+ req\/s/);
  });

  test('a focused plot reads second by second with the arrow keys; Escape leaves', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(4);
    await lab.openTab('Charts');
    const plot = page.getByRole('slider', { name: /^Availability chart: arrow keys read/ });
    await plot.focus();
    await page.keyboard.press('End');
    await expect(plot).toHaveAttribute('aria-valuetext', /^t = 4\.0 s · availability \d+(\.\d+)?%$/);
    await expect(readoutOf(plot)).toContainText('t = 4.0 s');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(plot).toHaveAttribute('aria-valuetext', /^t = 2\.0 s · availability/);
    await expect(plot).toHaveAttribute('aria-valuenow', '2');
    await page.keyboard.press('ArrowRight');
    await expect(readoutOf(plot)).toContainText('t = 3.0 s');
    await page.keyboard.press('Home');
    await expect(plot).toHaveAttribute('aria-valuetext', /^t = 1\.0 s/);
    await page.keyboard.press('Escape');
    await expect(readoutOf(plot)).toHaveCount(0);
    await expect(plot).toHaveAttribute('aria-valuetext', /no second picked/);
    // Escape leaves the readout only: the clock did not move.
    await expect(lab.simTime).toHaveText('t = 4.0 s');
  });
});

test.describe('chart marks', () => {
  test("the balancer's automatic removal is marked beside the user's crash, and its restoration too", async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await crashApp2(lab);
    // 30 s wide, the crash and the removal two seconds later have a marker each.
    await page.getByRole('radio', { name: '30 s' }).check();
    const toolbar = marks(page);
    await expect(toolbar.getByRole('button', { name: /^Fault: app-2 crashed at 2\.0 s, by you/ })).toHaveCount(1);
    await expect(
      toolbar.getByRole('button', { name: /^Fault: app-2 out of rotation at \d\.\d s, automatic/ }),
    ).toHaveCount(1);
    // Shapes for the eye on every chart: a fault is a downward triangle on each of the three.
    await expect(charts(page).locator('svg.chart .chart-mark-fault')).toHaveCount(6);

    await lab.act(lab.node('app-2'), 'Restart node');
    await lab.step(2);
    // The restart and the balancer taking app-2 back a second later share a marker.
    const recoveries = toolbar.getByRole('button', { name: /^2 recoveries from 6\.0 s to \d\.\d s$/ });
    await recoveries.focus();
    const list = page.getByRole('group', { name: /^2 recoveries/ });
    await expect(list.getByRole('button', { name: /Recovery: app-2 restarted \(by you\)/ })).toHaveCount(1);
    await expect(list.getByRole('button', { name: /Recovery: app-2 back in rotation \(automatic\)/ })).toHaveCount(1);
    await expect(charts(page).locator('svg.chart .chart-mark-recovery')).not.toHaveCount(0);
  });

  test('close marks merge into a count that lists them on focus, and a line opens its log line', async ({ page }) => {
    const lab = new LabPage(page);
    await crashApp2(lab);
    // Two minutes wide, the crash and the removal share one marker.
    const merged = marks(page).getByRole('button', { name: /^2 faults from 2\.0 s to \d\.\d s$/ });
    await merged.focus();
    await expect(merged).toHaveAttribute('aria-expanded', 'true');
    const list = page.getByRole('group', { name: /^2 faults from 2\.0 s/ });
    await expect(list.getByRole('button')).toHaveCount(2);
    await expect(list.getByRole('button').nth(0)).toHaveAccessibleName(/2\.0 s.*Fault: app-2 crashed \(by you\)/);
    await expect(list.getByRole('button').nth(1)).toHaveAccessibleName(/Fault: app-2 out of rotation \(automatic\)/);
    const axe = await new AxeBuilder({ page }).include('[data-testid="time-series-charts"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // Enter takes the keyboard into the list; Escape closes it and returns to the marker.
    await page.keyboard.press('Enter');
    await expect(list.getByRole('button').nth(0)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(merged).toBeFocused();
    await expect(list).toHaveCount(0);

    await merged.hover();
    const removal = list.getByRole('button', { name: /app-2 out of rotation/ });
    const seq = await removal.getAttribute('data-seq');
    await removal.click();
    await expect(lab.tab('Log')).toHaveAttribute('aria-selected', 'true');
    // The log line named by the event's seq (src/view/eventlog/showEventLine.ts) has the focus.
    const line = page.locator(`#event-line-${seq}`);
    await expect(line).toBeFocused();
    await expect(line).toContainText('app-2');
  });
});

test.describe('playhead', () => {
  test('scrubbing the timeline shows a playhead on every chart at the moment shown', async ({ page }) => {
    const lab = new LabPage(page);
    await crashApp2(lab);
    await lab.step(4);
    const playheads = charts(page).getByTestId('chart-playhead');
    await expect(playheads).toHaveCount(0);
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
    await expect(lab.simTime).toHaveText('t = 7.0 s');
    await expect(playheads).toHaveCount(3);
    await expect(playheads.first()).toHaveAttribute('data-time-s', '7.0');
    // The timeline marks the part of the run the charts show: the two minutes up to the moment.
    await expect(page.getByTestId('timeline-chart-window')).toHaveAttribute('title', 'The charts show 0.0 s to 7.0 s');
    await page.getByRole('button', { name: 'Back to the latest' }).click();
    await expect(lab.simTime).toHaveText('t = 10.0 s');
    await expect(playheads).toHaveCount(0);
  });
});
