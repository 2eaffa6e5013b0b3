// Hostile input through the real page: a link nested thousands of levels deep, a link naming a
// node its cluster lacks, page options a course author mistyped, and a custom element with a
// deeply nested experiment. Each shows a message in words and leaves a lab that still runs.
import LZString from 'lz-string';
import { expect, test } from './fixtures';
import { LabPage } from './labPage';

const ELEMENT_PAGE = 'http://localhost:4174/element/index.html';

/** An experiment whose edits nest `levels` objects deep, packed as a link's `x` value. */
function nestedExperiment(levels: number): string {
  const edits = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  return LZString.compressToEncodedURIComponent(
    `{"v":2,"base":"default","seed":1,"commands":[],"atMs":0,"edits":${edits}}`,
  );
}

const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data));

test.describe('hostile input', () => {
  test('a link nested 5,000 levels deep is refused in words and the default lab still steps', async ({ page }) => {
    const lab = new LabPage(page);
    await page.goto(`./#x=${nestedExperiment(5000)}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText("The experiment's edits are nested 5,000 levels deep; at most 32 are allowed.");
    await expect(alert).toContainText('Showing the default scenario instead.');
    await expect(lab.node('app-1')).toBeVisible();
    await lab.step(1);
    await expect(lab.simTime).toHaveText('t = 1.0 s');
  });

  test('a link naming a node its cluster lacks opens that cluster from the start, and it plays', async ({ page }) => {
    const lab = new LabPage(page);
    const commands = [
      { atMs: 1000, command: { type: 'crashNode', nodeId: 'app-1' } },
      { atMs: 2000, command: { type: 'crashNode', nodeId: 'db-9' } },
    ];
    await page.goto(`./#x=${pack({ v: 2, base: 'single-server', seed: 9, commands, atMs: 5000 })}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Command 2 (Crash node) names node "db-9", which this scenario does not have.');
    await expect(alert).toContainText('Showing its cluster from the start, without them.');
    // The link's own single-server cluster, not the default one, and none of its actions.
    await expect(lab.node('db-1')).toBeVisible();
    await expect(lab.node('app-2')).toHaveCount(0);
    await expect(lab.node('app-1')).not.toHaveAccessibleName(/crashed/);
    await expect(lab.simTime).toHaveText('t = 0.0 s');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => lab.seconds()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('a saved file nested 100,000 levels deep is refused in the dialog and the lab still steps', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    const edits = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const json = `{"v":2,"base":"default","seed":1,"commands":[],"atMs":0,"edits":${edits}}`;
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    await dialog
      .getByLabel('Open a saved file')
      .setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect(dialog).toContainText(
      "deep.json could not be opened: The experiment's edits are nested 100,000 levels deep; at most 32 are allowed.",
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await lab.step(1);
    await expect(lab.simTime).toHaveText('t = 1.0 s');
  });

  test('mistyped page options name the option and what it allows', async ({ page }) => {
    const lab = new LabPage(page);
    await page.goto('./?speed=abc');
    await expect(page.getByRole('alert')).toContainText(
      'The page option "speed" is "abc"; it must be one of 0.25, 0.5, 1, 2, 5, 10, 50, 100, 1000 (times real time), so it was ignored.',
    );
    await expect(page.getByRole('alert')).not.toContainText('NaN');
    await lab.step(1);

    await page.goto('./#lesson=disks-at-scale&step=100');
    const lessons = page.getByRole('dialog', { name: 'Lessons' });
    await expect(lessons.getByRole('alert')).toContainText(/has \d+ steps, not 100\./);
    await expect(lessons.getByRole('alert')).not.toContainText('whole number');
  });

  test('an element with a deeply nested experiment says so and starts once it is fixed', async ({ page }) => {
    await page.goto(ELEMENT_PAGE);
    await expect(page.locator('#lab-default [data-node-id="app-1"]')).toBeVisible();
    await page.evaluate((x) => {
      const lab = document.createElement('faultline-lab');
      lab.id = 'lab-deep';
      lab.setAttribute('experiment', x);
      document.body.append(lab);
    }, nestedExperiment(5000));
    const deep = page.locator('#lab-deep');
    await expect(deep.getByRole('alert')).toContainText(
      'The attribute "experiment" could not be opened: The experiment\'s edits are nested 5,000 levels deep; at most 32 are allowed.',
    );

    // Still alive: a good experiment starts its lab, which steps.
    await page.evaluate(
      (x) => document.getElementById('lab-deep')?.setAttribute('experiment', x),
      pack({ v: 2, base: 'single-server', seed: 3, commands: [], atMs: 2000 }),
    );
    await expect(deep.getByRole('alert')).toHaveCount(0);
    await expect(deep.getByTestId('sim-time')).toHaveText('t = 2.0 s');
    await deep.getByRole('button', { name: 'Step' }).click();
    await expect(deep.getByTestId('sim-time')).toHaveText('t = 3.0 s');
  });
});
