import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary would be, without triggering the electron package's download on
 * require (which fails on machines with no network access to its host).
 */
export function electronBinary(): { path: string | null; why: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, why: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary, why: '' } : { path: null, why: `the Electron binary is missing (${binary})` };
}
