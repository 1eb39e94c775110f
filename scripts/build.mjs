// Builds everything the hosts run: the renderer (Vite), the node bundles for the CLI and the
// Electron main process (ESM), the sandboxed preload (CommonJS), and the SQL migrations.
import { build as esbuild } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

rmSync(join(dist, 'node'), { recursive: true, force: true });
rmSync(join(dist, 'preload'), { recursive: true, force: true });

await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', legalComments: 'none' };
await esbuild({
  ...node,
  // bulk-worker: the worker thread both hosts start for big imports and copies (service/bulk/), found beside them.
  entryPoints: { cli: join(root, 'hosts/cli/cli.ts'), main: join(root, 'electron/main/main.ts'), 'bulk-worker': join(root, 'service/bulk/bulk-worker.ts') },
  outdir: join(dist, 'node'),
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  // Loaded from node_modules at run time: native code, a browser download, or (exceljs, ~2.5 MB) only when a workbook is read or written.
  external: ['electron', 'better-sqlite3', 'playwright-core', 'exceljs'],
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await esbuild({
  ...node,
  entryPoints: { preload: join(root, 'electron/preload/preload.ts') },
  outdir: join(dist, 'preload'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
});

mkdirSync(join(dist, 'node', 'migrations'), { recursive: true });
cpSync(join(root, 'db', 'migrations'), join(dist, 'node', 'migrations'), { recursive: true });
console.log('built dist/renderer, dist/node (cli, main, bulk-worker, migrations), dist/preload');
