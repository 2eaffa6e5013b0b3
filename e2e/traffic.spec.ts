// Requests you can watch move: marks travel while playing, stop at a cut link with a cross,
// become streams at high speed, and do not move at all with reduced motion or the toggle off.
// The canvas reports what it drew in data attributes (moving marks, crosses, its animation clock).
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const canvas = (lab: LabPage) => lab.page.getByTestId('traffic-canvas');
const count = async (lab: LabPage, name: 'moving' | 'lost' | 'clock') =>
  Number((await canvas(lab).getAttribute(`data-${name}`)) ?? '0');

test('requests move along the links while playing, and stop when paused', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(canvas(lab)).toHaveAttribute('data-mode', 'dots');
  await expect(page.getByTestId('traffic-legend')).toContainText(/Each dot ≈ \d+ requests/);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => count(lab, 'moving')).toBeGreaterThan(3);
  // The animation clock runs: the marks are somewhere else a moment later.
  const clock = await count(lab, 'clock');
  await expect.poll(() => count(lab, 'clock')).toBeGreaterThan(clock + 200);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Paused: the marks already on their way arrive, then nothing moves.
  await expect.poll(() => count(lab, 'moving'), { timeout: 15_000 }).toBe(0);
});

test('a partitioned link shows marks stopping at the cut with a cross', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.act(lab.link('lb~app-1'), 'Partition link');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => count(lab, 'lost')).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('at 100x traffic flows as streams; with the toggle off nothing moves, and the choice is remembered', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await expect(canvas(lab)).toHaveAttribute('data-mode', 'streams');
  await expect(canvas(lab)).toHaveAttribute('data-every', '0');
  await expect(page.getByTestId('traffic-legend')).toContainText('stream whose width is its rate');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  const toggle = page.getByRole('button', { name: 'Moving requests' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(canvas(lab)).toHaveAttribute('data-mode', 'still');
  await lab.step(2);
  expect(await count(lab, 'moving')).toBe(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Moving requests' })).toHaveAttribute('aria-pressed', 'false');
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing moves: widths and rates only', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await expect(canvas(lab)).toHaveAttribute('data-mode', 'still');
    await expect(page.getByTestId('traffic-legend')).toContainText('Motion is off');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => lab.seconds()).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await count(lab, 'moving')).toBe(0);
    expect(await count(lab, 'clock')).toBe(0);
  });
});
