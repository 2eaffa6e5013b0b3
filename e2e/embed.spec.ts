// The lab embedded in a page from another origin: it shows the experiment with minimal chrome,
// answers the host's postMessage API, tells the host about faults and metrics, and ignores
// messages from any origin but the one named by `?host=`.
import { expect, test } from './fixtures';

const LAB = 'http://localhost:4173/';
const HOST = 'http://localhost:4174';

interface Received {
  readonly origin: string;
  readonly data: { type: string; summary?: { timeMs: number; logHash: string }; description?: string };
}

test.describe('embedding', () => {
  test('an iframe on another origin works and answers the postMessage API', async ({ page }) => {
    await page.goto(`${HOST}/?src=${encodeURIComponent(`${LAB}?embed&host=${HOST}`)}`);
    const lab = page.frameLocator('#lab');
    await expect(lab.locator('[data-node-id="app-1"]')).toBeVisible();
    // Minimal chrome: no lesson or share buttons, no editing panels; a way to the full lab.
    await expect(lab.getByRole('button', { name: 'Lessons' })).toHaveCount(0);
    await expect(lab.getByRole('heading', { name: 'Policy' })).toHaveCount(0);
    await expect(lab.getByRole('link', { name: 'Open in Faultline' })).toBeVisible();
    const received = () => page.evaluate(() => (window as unknown as { received: Received[] }).received);
    await expect.poll(async () => (await received()).map((m) => m.data.type)).toContain('faultline:ready');
    expect((await received()).every((m) => m.origin === 'http://localhost:4173')).toBe(true);

    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({ type: 'faultline:seek', timeMs: 5000 }),
    );
    await expect(lab.getByTestId('sim-time')).toHaveText('t = 5.0 s');
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({ type: 'faultline:getSummary' }),
    );
    await expect
      .poll(
        async () => (await received()).filter((m) => m.data.type === 'faultline:metrics').at(-1)?.data.summary?.timeMs,
      )
      .toBe(5000);

    // A fault caused inside the lab is reported to the host.
    await lab.locator('[data-node-id="app-2"]').click();
    await lab.getByRole('menuitem', { name: 'Crash node', exact: true }).click();
    await expect
      .poll(async () =>
        (await received()).filter((m) => m.data.type === 'faultline:fault').map((m) => m.data.description),
      )
      .toContainEqual(expect.stringContaining('app-2'));

    await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'faultline:play' }));
    await expect(lab.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'faultline:pause' }));
    await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('messages from another origin are ignored', async ({ page }) => {
    // The same host page, served from 127.0.0.1: a different origin from the allowed one.
    await page.goto(`http://127.0.0.1:4174/?src=${encodeURIComponent(`${LAB}?embed&host=${HOST}`)}`);
    const lab = page.frameLocator('#lab');
    await expect(lab.locator('[data-node-id="app-1"]')).toBeVisible();
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({ type: 'faultline:seek', timeMs: 5000 }),
    );
    await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'faultline:play' }));
    // Step once inside the lab: time moves only by its own controls, the host's messages had no effect.
    await lab.getByRole('button', { name: 'Step' }).click();
    await expect(lab.getByTestId('sim-time')).toHaveText('t = 1.0 s');
    await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();
    // Nothing was posted to this page either: the lab writes only to its allowed origin.
    expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
  });
});
