import { defineConfig, devices } from '@playwright/test';
import { budgetMs, EXPECT_BUDGET_MS, LOADED_S } from './e2e/budgets';
import { chromiumLaunchOptions } from './scripts/chromium';

const PORT = 4173;
const HOST_PORT = 4174;
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  // Sized from measured durations on a busy machine (e2e/budgets.ts), never by luck.
  timeout: budgetMs(LOADED_S.ordinaryTest),
  expect: { timeout: EXPECT_BUDGET_MS },
  workers: CI ? 1 : 2,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        // Playwright cannot download its own browser everywhere; use the system Chromium
        // (scripts/ensure-chromium.mjs checks that it exists before the tests start).
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: [
    {
      // vite build without tsc: `npm test` type-checks on its own, and a type error elsewhere must not
      // keep the browser tests from starting.
      command: `npx vite build && npx vite build --config vite.element.config.ts && npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !CI,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // A second origin that embeds the lab (e2e/embed.spec.ts).
      command: `node e2e/host/server.mjs`,
      url: `http://localhost:${HOST_PORT}`,
      env: { HOST_PORT: String(HOST_PORT) },
      reuseExistingServer: !CI,
    },
  ],
});
