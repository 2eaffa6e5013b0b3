// The lab as a user meets it: faults caused by mouse or keyboard, time advanced through the
// playback controls, and the reliability figures answering. Runs are deterministic (seed 1), so
// each figure checked here is the same on every run.
import { expect, test } from './fixtures';
import { LabPage } from './labPage';
import { LessonPage } from './lessonPage';

test.describe('faults by click, metrics that answer', () => {
  test('crashing an app server dips availability until health checks remove it', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    // Without retries every request sent to the dead server fails, so the dip is plain to see.
    await lab.openTab('Policy');
    await page.getByLabel('Retry strategy').selectOption('none');
    await lab.step(12);
    expect(await lab.metricValue('availability')).toBe(100);
    await lab.act(lab.node('app-1'), 'Crash node');
    await expect(lab.node('app-1')).toHaveAccessibleName(/^app-1, app server, crashed/);
    await lab.step(2);
    expect(await lab.metricValue('availability')).toBeLessThan(99.5);
    await lab.openTab('Log');
    await expect(page.getByRole('log')).toContainText('out of rotation');
    // Ten seconds after detection, the last ten windows are clean again.
    await lab.step(12);
    expect(await lab.metricValue('availability')).toBe(100);
    await page.screenshot({ path: 'e2e/screenshots/lab-crash-recovered.png', fullPage: true });
  });

  test('failing every disk that holds a partition loses acknowledged writes', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(10);
    expect(await lab.metricValue('acked-writes-lost')).toBe(0);
    // Partition 0 keeps its three replicas on disk 0 of db-1, db-2 and db-3 (one per rack).
    for (const db of ['db-1', 'db-2', 'db-3']) {
      await lab.act(lab.node(db), 'Fail disk 0');
      await expect(lab.node(db)).toHaveAccessibleName(/disk 0 failed/);
    }
    await expect.poll(() => lab.metricValue('acked-writes-lost')).toBeGreaterThan(0);
    expect(await lab.metricValue('under-replicated')).toBeGreaterThan(0);
    await page.screenshot({ path: 'e2e/screenshots/lab-disks-lost.png', fullPage: true });
  });

  test('a partitioned link is drawn cut and the requests across it fail', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.openTab('Policy');
    await page.getByLabel('Retry strategy').selectOption('none');
    await lab.step(3);
    await lab.act(lab.link('lb~app-2'), 'Partition link');
    await expect(lab.link('lb~app-2')).toHaveAccessibleName(/^lb~app-2, link, cut/);
    await lab.step(2);
    expect(await lab.metricValue('availability')).toBeLessThan(99.5);
    await page.screenshot({ path: 'e2e/screenshots/lab-link-cut.png', fullPage: true });
  });

  test('a load spike raises p99', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.step(5);
    const before = await lab.metricValue('p99');
    expect(before).toBeGreaterThan(0);
    await lab.openTab('Load');
    await page.getByRole('button', { name: 'Spike load' }).click();
    await lab.step(5);
    expect(await lab.metricValue('p99')).toBeGreaterThan(before * 3);
    await page.screenshot({ path: 'e2e/screenshots/lab-spike.png', fullPage: true });
  });
});

test('keyboard only: step, crash a server from its menu, watch it announced', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.locator('body').press('.'); // step shortcut
  await expect(lab.simTime).toHaveText('t = 1.0 s');
  // Tab into the cluster picture (one Tab stop), arrow to the first app server, open its menu with Enter.
  await new LessonPage(page).arrowToNode('app-1');
  await expect(lab.node('app-1')).toBeFocused();
  await page.keyboard.press('Enter');
  const crash = page.getByRole('menuitem', { name: 'Crash node', exact: true });
  await expect(page.getByRole('menu')).toBeVisible();
  for (let i = 0; i < 10 && !(await crash.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(crash).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lab.node('app-1')).toHaveAccessibleName(/^app-1, app server, crashed/);
  await expect(page.getByTestId('announcer')).toContainText('app-1');
  // Focus is back on app-1 (where Space would open its menu); on the Play button Space plays and pauses.
  await page.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});
