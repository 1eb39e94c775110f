// `npm run docs:pictures`: remakes the pictures in docs/ from the specs that reach each screen
// (a plain test run never writes them; see e2e/docs-pictures.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const specs = ['e2e/specs/matrix.spec.ts', 'e2e/specs/export.spec.ts', 'e2e/specs/workshop.spec.ts'];
const grep = 'as the README shows it|writes a PDF of the seeded decision|three people join by code';
const run = spawnSync(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...specs, '--grep', grep], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DOCS_PICTURES: '1' },
});
process.exit(run.status ?? 1);
