// Opens the lab in headless Chromium against a running preview server (port 4180, or
// BENCH_PORT) and plays one scenario at one speed: the start shared by the diagnostic scripts.
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';

export async function playCase(
  scenario: string,
  speed: string,
  css?: string,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`http://localhost:${process.env.BENCH_PORT ?? '4180'}/`);
  await page.getByLabel('Scenario').selectOption(scenario);
  await page.locator('[data-node-id="app-1"]').waitFor();
  await page.getByLabel('Speed').selectOption(speed);
  if (css) await page.addStyleTag({ content: css });
  await page.getByRole('button', { name: 'Play' }).click();
  return { browser, page };
}
