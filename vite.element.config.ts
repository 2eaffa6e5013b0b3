// The element build: `<faultline-lab>` as one ES module with everything in it (React, the lab,
// its CSS as strings, the simulation worker inlined), plus a plain demo page beside it.
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Workers an embed never starts: comparing runs and running many seeds are full-lab features. */
const FULL_LAB_WORKERS = [
  { module: '/compare/runComparison.ts', worker: 'compareWorker', what: 'Comparing runs' },
  { module: '/sweep/browserPool.ts', worker: 'sweepWorker', what: 'Running many seeds' },
];

const workerUrl = (worker: string) => new RegExp(`new URL\\((['"])[^'"]*/${worker}\\.ts\\1,\\s*import\\.meta\\.url\\)`);

/**
 * Keeps the build to one file: the workers of features never offered in an embed (each would be
 * a second file) are replaced by a clear error.
 */
function withoutFullLabWorkers(): Plugin {
  return {
    name: 'faultline-element-without-full-lab-workers',
    enforce: 'pre',
    transform(code, id) {
      const entry = FULL_LAB_WORKERS.find((w) => id.endsWith(w.module));
      if (!entry) return null;
      const url = workerUrl(entry.worker);
      if (!url.test(code)) this.error(`${entry.module} no longer starts ${entry.worker}.ts as expected.`);
      const fail = `(() => { throw new Error('${entry.what} is not part of <faultline-lab>; open the full lab.'); })()`;
      return { code: code.replace(url, fail), map: null };
    },
  };
}

/** Adds the demo page and its style sheet; drops the extracted CSS file, which the module adopts itself. */
function elementFiles(): Plugin {
  return {
    name: 'faultline-element-files',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const name of Object.keys(bundle)) if (name.endsWith('.css')) delete bundle[name];
        this.emitFile({
          type: 'asset',
          fileName: 'index.html',
          source: readFileSync(new URL('./src/element/demo.html', import.meta.url), 'utf8'),
        });
        this.emitFile({
          type: 'asset',
          fileName: 'demo.css',
          source: readFileSync(new URL('./src/element/demo.css', import.meta.url), 'utf8'),
        });
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), withoutFullLabWorkers(), elementFiles()],
  // Library mode leaves `process.env` alone for the consumer's bundler; this file goes to browsers.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: 'dist-element',
    emptyOutDir: true,
    lib: {
      entry: 'src/element/index.tsx',
      formats: ['es'],
      fileName: () => 'faultline-lab.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false },
    },
  },
});
