// TEST-ONLY: lets the browser tests make one part of the lab fail on purpose, to prove that its
// error boundary catches the failure. A test sets `window.__faultlineCrashForTests` to a list of
// part names (e.g. ['charts']) before or after the page loads; nothing in the lab, a link, a
// file or a host message can set it, so in normal use the list is absent and nothing happens.
declare global {
  interface Window {
    /** TEST-ONLY (see crashForTests.ts): names of the parts that should fail when drawn. */
    __faultlineCrashForTests?: unknown;
  }
}

/** Throws while the test switch names `part`; call it during render, inside the part's boundary. */
export function crashIfAskedByTests(part: string): void {
  const asked = typeof window === 'undefined' ? undefined : window.__faultlineCrashForTests;
  if (Array.isArray(asked) && asked.includes(part)) {
    throw new Error(`Test switch: "${part}" was asked to fail.`);
  }
}
