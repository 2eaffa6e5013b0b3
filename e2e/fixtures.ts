// Every spec imports `test` and `expect` from here: a test fails if the page logs a console
// error, throws an uncaught exception or breaks its Content-Security-Policy, even when its own
// assertions pass.
import { test as base, expect, type Page } from '@playwright/test';

interface Fixtures {
  /** Console errors and uncaught page errors seen during the test; must stay empty. */
  pageErrors: string[];
  /** Content-Security-Policy violations in any frame of the page (and any CSP console message); must stay empty. */
  cspViolations: string[];
  /**
   * Whether the browser has already seen the first-visit offer (true unless a spec says
   * `test.use({ firstVisitSeen: false })`), so the offer's card covers nothing in other tests.
   */
  firstVisitSeen: boolean;
  /** Sets the "seen" flag before any page script runs, when firstVisitSeen is true. */
  firstVisitFlag: void;
}

/** The binding the page's violation listener reports to (see watchCsp). */
const REPORT = '__faultlineReportCspViolation';

/** Collects every CSP violation the page's frames report, and any console message about the policy. */
async function watchCsp(page: Page, violations: string[]): Promise<void> {
  await page.exposeBinding(REPORT, (_source, text: string) => violations.push(text));
  await page.addInitScript((report) => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
        const send = (window as unknown as Record<string, (text: string) => void>)[report];
        send?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'an inline resource'} on ${e.documentURI}${where}`);
      },
      true,
    );
  }, REPORT);
  const onConsole = (text: string) => {
    if (/content security policy/i.test(text)) violations.push(`console: ${text}`);
  };
  page.on('console', (message) => onConsole(message.text()));
  // Violations inside a worker reach no page listener; the browser logs them in the worker.
  page.on('worker', (worker) => worker.on('console', (message) => onConsole(message.text())));
}

/** The localStorage key of src/view/tour/firstVisitStorage.ts. */
const FIRST_VISIT_KEY = 'faultline.firstVisit.v1';

export const test = base.extend<Fixtures>({
  firstVisitSeen: [true, { option: true }],
  firstVisitFlag: [
    async ({ context, firstVisitSeen }, use) => {
      if (firstVisitSeen)
        await context.addInitScript((key) => {
          try {
            window.localStorage.setItem(key, 'seen');
          } catch {
            // A frame without storage (opaque origin) has no offer to hide.
          }
        }, FIRST_VISIT_KEY);
      await use();
    },
    { auto: true },
  ],
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
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await watchCsp(page, violations);
      await use(violations);
      expect(violations, 'Content-Security-Policy violations during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
