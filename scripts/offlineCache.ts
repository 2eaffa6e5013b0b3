// Build step for the offline cache: fills the service worker (public/sw.js) with this build's
// version and file list. The version is a hash of every file the build writes, so each deploy that
// changes anything gets a new cache name, and the new worker drops the old caches.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const SERVICE_WORKER = 'sw.js';
const VERSION_LINE = /^const VERSION = 'dev';$/m;
const FILES_LINE = /^const FILES = \[\];$/m;

/** The public folder's files (copied as they are), by their path in the build; not the worker itself. */
function publicFiles(publicDir: string): string[] {
  if (!publicDir) return [];
  return readdirSync(publicDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(publicDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((name) => name !== SERVICE_WORKER);
}

/** Puts the build's version and files into the service worker template's two marked lines. */
export function fillServiceWorker(template: string, version: string, files: readonly string[]): string {
  if (!VERSION_LINE.test(template) || !FILES_LINE.test(template)) {
    throw new Error(
      `${SERVICE_WORKER} lacks the lines the build fills in: "const VERSION = 'dev';" and "const FILES = [];"`,
    );
  }
  return template
    .replace(VERSION_LINE, `const VERSION = ${JSON.stringify(version)};`)
    .replace(FILES_LINE, `const FILES = ${JSON.stringify(files)};`);
}

export function offlineCache(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'faultline-offline-cache',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle(options, bundle) {
      const hash = createHash('sha256');
      const built = Object.keys(bundle).sort();
      for (const name of built) {
        const file = bundle[name];
        hash.update(name).update(file?.type === 'chunk' ? file.code : (file?.source ?? ''));
      }
      const fromPublic = publicFiles(config.publicDir);
      for (const name of fromPublic) hash.update(name).update(readFileSync(join(config.publicDir, name)));
      const outFile = resolve(config.root, options.dir ?? config.build.outDir, SERVICE_WORKER);
      const template = readFileSync(outFile, 'utf8');
      hash.update(template);
      // The page is cached under the folder's own address, which is how it is opened.
      const files = [
        './',
        ...[...built, ...fromPublic].filter((name) => name !== 'index.html' && !name.endsWith('.map')),
      ];
      writeFileSync(outFile, fillServiceWorker(template, hash.digest('hex').slice(0, 16), files));
    },
  };
}
