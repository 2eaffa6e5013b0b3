// Every spec imports `test` and `expect` from here: a test fails if the page logs a console
// error or throws an uncaught exception, even when its own assertions pass.
import { test as base, expect } from '@playwright/test';

interface Fixtures {
  /** Console errors and uncaught page errors seen during the test; must stay empty. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors or uncaught exceptions during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
