// Lint rules, including the boundary of the simulation core (STYLE.md habit 9):
// src/sim may not import UI code or Node built-ins, nor touch wall time or unseeded randomness.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SIM_SOURCES = ['src/sim/**/*.ts'];
const SIM_TESTS = ['src/sim/**/*.test.ts'];
const PURE_MESSAGE = 'src/sim is pure: it runs in Node and in a Web Worker and knows nothing of the view.';

/** no-restricted-imports options for a file `depth` folders below src/sim (0 = src/sim/x.ts). */
function simImportRule(depth) {
  return [
    'error',
    {
      paths: builtinModules.map((name) => ({ name, message: `Node built-ins are not allowed. ${PURE_MESSAGE}` })),
      patterns: [
        { regex: '^(react|react-dom|zustand|d3)(/.*)?$', message: `UI libraries are not allowed. ${PURE_MESSAGE}` },
        { regex: '^d3-', message: `d3 modules are not allowed. ${PURE_MESSAGE}` },
        { regex: '^node:', message: `Node built-ins are not allowed. ${PURE_MESSAGE}` },
        { regex: '(^|/)(view|store|worker)(/|$)', message: `The core may not import the app. ${PURE_MESSAGE}` },
        { regex: `^(\\.\\./){${depth + 1},}`, message: `This import leaves src/sim. ${PURE_MESSAGE}` },
      ],
    },
  ];
}

const RESTRICTED_GLOBALS = [
  'Date',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'performance',
  'window',
  'document',
  'self',
  'globalThis',
  'crypto',
  'process',
  'fetch',
  'localStorage',
].map((name) => ({
  name,
  message: `No wall clock, timers or host APIs in the simulation: time is simulated and input comes through commands. ${PURE_MESSAGE}`,
}));

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-element/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'blob-report/',
    'coverage/',
    // Scratch scripts kept out of git (see .git/info/exclude).
    '**/*.tmp.*',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No `export *`: name what a module exports.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['public/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['*.{js,mjs,ts}', 'scripts/**/*.{js,mjs,ts}', 'e2e/**/*.{ts,mjs}', 'src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: SIM_SOURCES,
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: SIM_SOURCES,
    ignores: SIM_TESTS,
    rules: {
      'no-restricted-globals': ['error', ...RESTRICTED_GLOBALS],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded rng from random.ts, so a seed reproduces the run.',
        },
        // Engines may round these differently; one last bit changes a run between Node and a browser.
        ...[
          'exp',
          'log',
          'pow',
          'expm1',
          'log1p',
          'log2',
          'log10',
          'sin',
          'cos',
          'tan',
          'atan2',
          'cbrt',
          'hypot',
          'sinh',
          'cosh',
          'tanh',
        ].map((property) => ({ object: 'Math', property, message: 'Use detMath.ts (same bits in every engine).' })),
      ],
      'no-restricted-imports': simImportRule(0),
    },
  },
  // The import rule depends on how deep the file sits: `../x` leaves src/sim only from its top folder.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`src/sim/${'*/'.repeat(depth)}*.ts`],
    ignores: SIM_TESTS,
    rules: { 'no-restricted-imports': simImportRule(depth) },
  })),
]);
