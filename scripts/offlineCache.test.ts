import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fillServiceWorker } from './offlineCache';

const TEMPLATE = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');

describe('fillServiceWorker', () => {
  it("puts the build's version and files into the service worker", () => {
    const filled = fillServiceWorker(TEMPLATE, 'abc123', ['./', 'assets/index-x.js']);
    expect(filled).toContain('const VERSION = "abc123";');
    expect(filled).toContain('const FILES = ["./","assets/index-x.js"];');
    expect(filled).not.toContain("const VERSION = 'dev';");
  });

  it('refuses a service worker without the lines to fill, rather than ship one that never updates', () => {
    expect(() => fillServiceWorker("const CACHE = 'faultline-v1';", 'abc123', [])).toThrow(/lacks the lines/);
  });
});
