import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The repository's root, where the children run (tsx resolves from there). */
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Runs a TypeScript child (`node --import tsx script …args`) that prints "ready", then one line per
 * write it has committed; kills it (-9) `afterMs` after "ready" and answers the lines it
 * acknowledged, in order. Only whole lines count: a line cut off by the kill was not acknowledged.
 * It answers once the child's output has closed, so no acknowledged line is still in the pipe.
 * A child that stops by itself is an error (with what it wrote to stderr).
 */
export function runUntilKilled(script: string, args: readonly string[], afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.startsWith('ready\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the child stopped by itself: ${err}`));
      resolve(out.split('\n').slice(1, -1));
    });
  });
}
