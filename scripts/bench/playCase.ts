// Opens the lab in headless Chromium against a running preview server (port 4180, or
// BENCH_PORT) and plays one scenario at one speed: the start shared by the diagnostic scripts.
// Requests do not move unless BENCH_MOTION=on.
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';
import { reactCommitCounter } from './reactCommits';

/** The scenario picker sits in the rail's Setup tab (or, in older layouts, on the page). */
export async function chooseScenario(page: Page, scenario: string): Promise<void> {
  const picker = page.getByLabel('Scenario');
  const setupTab = page.getByRole('tab', { name: 'Setup' });
  await picker.or(setupTab).first().waitFor();
  if (!(await picker.isVisible())) await setupTab.click();
  await picker.selectOption(scenario);
}

export async function playCase(
  scenario: string,
  speed: string,
  css?: string,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const motion = process.env.BENCH_MOTION === 'on' ? 'on' : 'off';
  await page.addInitScript(
    `localStorage.setItem('faultline.motion', '${motion}'); localStorage.setItem('faultline.firstVisit.v1', 'seen');`,
  );
  await page.addInitScript(reactCommitCounter());
  await page.goto(`http://localhost:${process.env.BENCH_PORT ?? '4180'}/`);
  await chooseScenario(page, scenario);
  await page.locator('[data-node-id="app-1"]').waitFor();
  await page.getByLabel('Speed').selectOption(speed);
  if (css) await page.addStyleTag({ content: css });
  await page.getByRole('button', { name: 'Play' }).click();
  return { browser, page };
}
