import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { offlineCache } from './scripts/offlineCache.ts';

/**
 * The lab's Content-Security-Policy: its own scripts, styles, workers and images only; no inline
 * script and no eval. Pictures for PNG export are drawn from blob: URLs, and Vite may inline small
 * images as data: URLs. React and D3 set styles through the CSSOM, which the policy allows, so no
 * 'unsafe-inline' for styles either. docs/embedding.md gives the same policy as a header for hosts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Adds the policy as a meta tag to the built page only: the dev server injects inline scripts of
 * its own (React Fast Refresh), which the policy would rightly block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'faultline-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // Relative asset URLs, so the built app works under any base path (e.g. GitHub Pages).
  base: './',
  plugins: [react(), contentSecurityPolicy(), offlineCache()],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Budgets from measured durations, not luck: with both cores kept busy (and more test runs
    // beside), the slowest test without a budget of its own took 13.4 s (a 3,000-event property
    // test); three times that allows a machine twice as slow with headroom. Slower tests
    // (lesson claims, property suites) state their own budgets from their own measurements.
    testTimeout: 45_000,
    // Vitest leaves one core to itself by default, which on a 2-core machine runs the tests on one
    // core only (the suite took 344 s under load that way). The tests are CPU-bound and the runner
    // is mostly idle, so every core runs test files.
    maxWorkers: availableParallelism(),
    hookTimeout: 45_000,
  },
});
