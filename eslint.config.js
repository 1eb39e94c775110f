import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Besides the usual checks, this file enforces the layers of docs/architecture.md. Imports point
 * one way: core ← db ← service ← hosts ← electron; the renderer knows only core and itself.
 * Only db/ imports better-sqlite3; only electron/ imports electron. `.svelte` files are linted
 * with the same rules as the renderer's `.ts` files (scripts/layer-rules.test.ts shows both bite).
 */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const CORE_PACKAGES = { regex: '^(?!zod$)[^.]', message: 'core imports nothing but zod.' };
const NODE_BUILTINS = { group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process'], message: 'core and renderer run without Node.' };
const SQLITE = { group: ['better-sqlite3'], message: 'Only db/ may import better-sqlite3.' };
const ELECTRON = { regex: '^electron(/.*)?$', message: 'Only electron/ may import electron.' };
const WORKBOOKS = { group: ['exceljs'], message: 'Workbooks are read and written by the service: the renderer sends and receives them as base64.' };
const layer = (folder, message) => ({ group: [`**/${folder}`, `**/${folder}/**`], message });
const DB_LAYER = layer('db', 'This layer may not reach the database directly.');
const SERVICE_LAYER = layer('service', 'This layer sits below service/ and may not import it.');
const HOSTS_LAYER = layer('hosts', 'This layer sits below hosts/ and may not import it.');
const ELECTRON_LAYER = layer('electron', 'Only the desktop shell is in electron/; nothing else may import it.');
const RENDERER_LAYER = layer('renderer', 'Lower layers may not import the renderer.');
const RENDERER_RULES = restrict([NODE_BUILTINS, SQLITE, ELECTRON, WORKBOOKS, DB_LAYER, SERVICE_LAYER, HOSTS_LAYER, ELECTRON_LAYER]);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
      // Maps and Dates built inside $derived, or kept as private bookkeeping (pending saves,
      // timers), are deliberate; the rule cannot tell them from state that should be reactive.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { globals: globals.browser, parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig } },
  },
  // {' — '} keeps the spaces around a dash between two elements, which plain markup would trim.
  { files: ['renderer/src/report/Report.svelte'], rules: { 'svelte/no-useless-mustaches': 'off' } },
  { files: ['bin/**/*.cjs'], languageOptions: { globals: globals.node, sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['scripts/**/*.mjs', '*.config.js'], languageOptions: { globals: globals.node } },
  // core/*.ts: a relative import starting with ../ leaves core; core/<folder>/*.ts: ../../ does.
  { files: ['core/*.ts'], ignores: ['core/*.test.ts'], rules: restrict([CORE_PACKAGES, { group: ['../*'], message: 'core may not import other layers.' }]) },
  { files: ['core/*/*.ts'], ignores: ['core/**/*.test.ts'], rules: restrict([CORE_PACKAGES, { group: ['../../*'], message: 'core may not import other layers.' }]) },
  { files: ['db/**/*.ts'], rules: restrict([ELECTRON, SERVICE_LAYER, HOSTS_LAYER, ELECTRON_LAYER, RENDERER_LAYER]) },
  { files: ['service/**/*.ts'], rules: restrict([SQLITE, ELECTRON, HOSTS_LAYER, ELECTRON_LAYER, RENDERER_LAYER]) },
  { files: ['hosts/**/*.ts'], rules: restrict([SQLITE, ELECTRON, ELECTRON_LAYER, RENDERER_LAYER]) },
  { files: ['electron/**/*.ts'], rules: restrict([SQLITE, RENDERER_LAYER]) },
  { files: ['renderer/**/*.ts', 'renderer/**/*.svelte'], rules: RENDERER_RULES },
  { files: ['e2e/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'], rules: restrict([ELECTRON]) },
  {
    files: ['**/*.test.ts'],
    ignores: ['db/**', 'electron/**'],
    rules: restrict([SQLITE, ELECTRON]),
  },
);
