// A host page cannot freeze the embedded lab: a burst of a thousand seeks costs about one (the
// latest wins), and a seek past the interactive horizon is refused with a message to the host.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LAB = 'http://localhost:4173/';
const HOST = 'http://localhost:4174';

interface Received {
  readonly data: { type: string; message?: string; summary?: { timeMs: number } };
}

async function openEmbedded(page: Page) {
  await page.goto(`${HOST}/?src=${encodeURIComponent(`${LAB}?embed&host=${HOST}`)}`);
  const lab = page.frameLocator('#lab');
  await expect(lab.locator('[data-node-id="app-1"]')).toBeVisible();
  const received = () => page.evaluate(() => (window as unknown as { received: Received[] }).received);
  await expect.poll(async () => (await received()).map((m) => m.data.type)).toContain('faultline:ready');
  return { lab, received };
}

/** Posts one message to the lab from the host page. */
async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
}

/** Posts every seek to the lab in one task of the host page: a burst, as a script in a loop would. */
async function burst(page: Page, timesMs: readonly number[]): Promise<void> {
  await page.evaluate((times) => {
    const post = (window as unknown as { send: (m: unknown) => void }).send;
    for (const timeMs of times) post({ type: 'faultline:seek', timeMs });
  }, timesMs);
}

test.describe('a host page that floods the lab', () => {
  test('a thousand seeks in one burst end at the last one, promptly', async ({ page }) => {
    const { lab, received } = await openEmbedded(page);
    const clock = lab.getByTestId('sim-time');

    // Ahead of the run: the lab simulates on to the last time only.
    const aheadStarted = Date.now();
    await burst(
      page,
      Array.from({ length: 1000 }, (_, i) => (i + 1) * 10),
    );
    await expect(clock).toHaveText('t = 10.0 s');
    const aheadMs = Date.now() - aheadStarted;

    // Back and forth inside the run: each would be a rebuild; only the last is made.
    const backStarted = Date.now();
    await burst(
      page,
      Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 9_000 : 1_000) + i),
    );
    await expect(clock).toHaveText('t = 2.0 s');
    await send(page, { type: 'faultline:getSummary' });
    await expect
      .poll(
        async () => (await received()).filter((m) => m.data.type === 'faultline:metrics').at(-1)?.data.summary?.timeMs,
      )
      .toBe(1_999);
    const backMs = Date.now() - backStarted;
    test.info().annotations.push({ type: 'measured', description: `ahead ${aheadMs} ms, back ${backMs} ms` });
    // Both answered within the assertions' default budget (5 s each), not the 30 s a burst took before.
  });

  test('a seek past the interactive horizon is refused, and the lab goes on answering', async ({ page }) => {
    const { lab, received } = await openEmbedded(page);
    await send(page, { type: 'faultline:seek', timeMs: 1e12 });
    await expect
      .poll(async () => (await received()).find((m) => m.data.type === 'faultline:error')?.data.message)
      .toContain('npm run sim');
    await expect(lab.getByRole('alert')).toContainText('npm run sim');
    await send(page, { type: 'faultline:seek', timeMs: 3000 });
    await expect(lab.getByTestId('sim-time')).toHaveText('t = 3.0 s');
  });
});
