import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpDaily } from '../../db/backups';
import { listDecisions } from '../../db/decisions';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { runCli } from './test/run-cli';

const folder = temporaryFolder();

const run = runCli;

describe('decision-matrix restore', () => {
  it('puts the latest good backup in place of a damaged store in one step, keeping the damaged file', async () => {
    const dir = folder();
    const store = join(dir, 'decision-matrix.sqlite');
    const db = openDecisionStore(store);
    const backup = await backUpDaily(db, dir, new Date('2026-11-02T10:00:00Z'));
    db.close();
    const bytes = readFileSync(store);
    bytes.fill(0x5a, 4096 + 8, 3 * 4096);
    writeFileSync(store, bytes);

    const refused = await run('web', '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`To put it in place, close the app and run: decision-matrix restore --data-dir "${dir}"`);

    const { code, out, err } = await run('restore', '--data-dir', dir);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(new RegExp(`^Restored ${store} from ${backup}\\. The store that was there is kept as ${store}\\.before-restore-[0-9T-]+Z\\. Start the app to use it\\.\\n$`));
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toHaveLength(1);
    const reopened = openDecisionStore(store);
    expect(listDecisions(reopened).map((d) => d.title)).toEqual(['PyTorch vs TensorFlow']);
    reopened.close();
  });

  it('refuses an unknown option with the usage line', async () => {
    const { code, err } = await run('restore', '--frobnicate');
    expect(code).toBe(2);
    expect(err).toMatch(/Usage: decision-matrix restore \[--data-dir DIR\] \[--backup FILE\]/);
  });
});
