// The browser host a benchmark measures: the built CLI's `web`, in a process of its own, on a data
// folder of its own (the seeded decision only), spoken to over HTTP as the app does.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export interface BenchHost {
  /** The link the host prints, token and all. */
  appUrl: string;
  origin: string;
  token: string;
  /** A contract method called over HTTP; its value, or an error naming the method when refused. */
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  /** Ends the host and removes its data folder. */
  stop(): void;
}

/**
 * Starts a host and waits for its link. `prewarmPdf: false` keeps it from starting Chromium for
 * PDFs in the background, which would share the cores with what is measured.
 */
export async function startBenchHost(name: string, { prewarmPdf = true } = {}): Promise<BenchHost> {
  const dataDir = mkdtempSync(join(tmpdir(), `decision-matrix-bench-${name}-`));
  const server = spawn(process.execPath, [join(root, 'bin/decision-matrix.cjs'), 'web', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: prewarmPdf ? process.env : { ...process.env, DECISION_MATRIX_PDF_PREWARM: '0' },
  });
  const stop = () => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const appUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`the browser host stopped (exit code ${code}) before printing its link`)));
  });
  const { origin, hash } = new URL(appUrl);
  const token = hash.replace('#token=', '');
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const answer = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-decision-matrix-token': token },
      body: JSON.stringify(input),
    }).then((r) => r.json());
    if (!answer.ok) {
      stop();
      throw new Error(`${method}: ${answer.error.message}`);
    }
    return answer.value as T;
  };
  return { appUrl, origin, token, call, stop };
}
