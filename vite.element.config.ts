// The element build: `<faultline-lab>` as one ES module with everything in it (React, the lab,
// its CSS as strings, the simulation worker inlined), plus a plain demo page beside it.
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const COMPARE_WORKER_URL = /new URL\((['"])[^'"]*\/compareWorker\.ts\1,\s*import\.meta\.url\)/;

/**
 * Keeps the build to one file: comparing runs (the only user of the compare worker, which would
 * be a second file) is never offered in an embed, so its worker is replaced by a clear error.
 */
function withoutCompareWorker(): Plugin {
  return {
    name: 'faultline-element-without-compare-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/compare/runComparison.ts')) return null;
      if (!COMPARE_WORKER_URL.test(code)) this.error('runComparison.ts no longer starts compareWorker.ts as expected.');
      const fail = `(() => { throw new Error('Comparing runs is not part of <faultline-lab>; open the full lab.'); })()`;
      return { code: code.replace(COMPARE_WORKER_URL, fail), map: null };
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
  plugins: [react(), withoutCompareWorker(), elementFiles()],
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
