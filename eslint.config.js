import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Besides the usual checks, this file enforces the layers of ARCHITECTURE.md: core imports
 * nothing but zod; only db/ imports better-sqlite3; only electron/main and electron/preload
 * import electron; the renderer knows core and its own files, never db or electron.
 */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const CORE_PACKAGES = { regex: '^(?!zod$)[^.]', message: 'core imports nothing but zod.' };
const NODE_BUILTINS = { group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process'], message: 'core and renderer run without Node.' };
const SQLITE = { group: ['better-sqlite3'], message: 'Only db/ may import better-sqlite3.' };
const ELECTRON = { regex: '^electron(/.*)?$', message: 'Only electron/main and electron/preload may import electron.' };
const DB_LAYER = { group: ['**/db/*', '**/db'], message: 'This layer may not reach the database directly.' };
const ELECTRON_LAYER = { group: ['**/electron/*', '**/electron/**'], message: 'This layer may not import the main-process side.' };
const RENDERER_LAYER = { group: ['**/renderer/**'], message: 'Lower layers may not import the renderer.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', '**/*.svelte'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  { files: ['bin/**/*.cjs'], languageOptions: { globals: globals.node, sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['scripts/**/*.mjs', '*.config.js'], languageOptions: { globals: globals.node } },
  // core/*.ts: a relative import starting with ../ leaves core; core/<folder>/*.ts: ../../ does.
  { files: ['core/*.ts'], ignores: ['core/*.test.ts'], rules: restrict([CORE_PACKAGES, { group: ['../*'], message: 'core may not import other layers.' }]) },
  { files: ['core/*/*.ts'], ignores: ['core/**/*.test.ts'], rules: restrict([CORE_PACKAGES, { group: ['../../*'], message: 'core may not import other layers.' }]) },
  { files: ['db/**/*.ts'], rules: restrict([ELECTRON, ELECTRON_LAYER, RENDERER_LAYER]) },
  { files: ['electron/service/**/*.ts', 'electron/http/**/*.ts', 'electron/*.ts'], rules: restrict([SQLITE, ELECTRON, RENDERER_LAYER]) },
  { files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'], rules: restrict([SQLITE, RENDERER_LAYER]) },
  { files: ['renderer/**/*.ts'], rules: restrict([NODE_BUILTINS, SQLITE, ELECTRON, DB_LAYER, ELECTRON_LAYER]) },
  { files: ['e2e/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'], rules: restrict([ELECTRON]) },
  {
    files: ['**/*.test.ts'],
    ignores: ['db/**'],
    rules: restrict([SQLITE, ELECTRON]),
  },
);
