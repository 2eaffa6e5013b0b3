// The service worker: after one visit the lab works offline; a new deploy shows on the next visit
// and the old deploy's cache goes; a missing file is an error, never the lab's page.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { copyOfBuild, secondDeploy, startSite, type Site } from './host/deploys';
import { LabPage } from './labPage';

/** Waits until the service worker controls the page (it claims pages as soon as it is active). */
async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const deployMarker = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--faultline-deploy').trim());

test('the lab opens offline after the first visit', async ({ page, context }) => {
  const lab = new LabPage(page);
  await lab.open();
  await underServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(lab.node('app-1')).toBeVisible();
  await lab.step(2);
  await expect(lab.simTime).toHaveText('t = 2.0 s');
  await context.setOffline(false);
});

test.describe('deploys', () => {
  let site: Site;
  test.afterEach(async () => site.close());

  test('a new deploy shows on the next visit, and the old cache is deleted', async ({ page, context }) => {
    // Three page loads and a service worker install each: 8-10 s measured on a busy 2-core machine.
    test.slow();
    const lab = new LabPage(page);
    site = await startSite(copyOfBuild());
    await page.goto(site.url);
    await expect(lab.node('app-1')).toBeVisible();
    await underServiceWorker(page);
    const [firstCache] = await cacheNames(page);
    expect(firstCache).toMatch(/^faultline-[0-9a-f]{16}$/);

    const second = secondDeploy('Faultline, second deploy');
    site.deploy(second.folder);
    await page.reload();
    await expect(page).toHaveTitle('Faultline, second deploy');
    await expect(lab.node('app-1')).toBeVisible();
    expect(await deployMarker(page)).toBe("'Faultline, second deploy'");
    // The second deploy's worker takes over and keeps only its own cache.
    await expect.poll(() => cacheNames(page)).toEqual([`faultline-${second.version}`]);

    // Offline, the second deploy is what the cache has.
    await context.setOffline(true);
    await page.reload();
    await expect(page).toHaveTitle('Faultline, second deploy');
    await lab.step(1);
    await expect(lab.simTime).toHaveText('t = 1.0 s');
    await context.setOffline(false);
  });

  test('a missing file is an error, never the page in its place', async ({ page, pageErrors }) => {
    site = await startSite(copyOfBuild());
    await page.goto(site.url);
    await underServiceWorker(page);
    // This server answers unknown addresses with the page (as some hosts do); the worker must not.
    const answer = await page.evaluate(async () => {
      const response = await fetch('./assets/no-such-file-123.js');
      return { status: response.status, type: response.headers.get('content-type') };
    });
    expect(answer).toEqual({ status: 404, type: 'text/plain' });
    // The browser logs the 404 as an error; that one is what this test asked for.
    expect(pageErrors).toEqual([expect.stringContaining('status of 404')]);
    pageErrors.length = 0;
  });
});
