import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../db/connection';
import { loadMigrations } from '../../db/migrations';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { main } from './cli';

const folder = temporaryFolder();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('export --db only reads the store', () => {
  it('exports from a current store and leaves it byte for byte as it was, with nothing beside it', async () => {
    const dir = folder();
    const store = join(dir, 'decision-matrix.sqlite');
    openDecisionStore(store).close();
    const before = sha(store);
    const out = join(folder(), 'record.json');
    const { code, err } = await run('export', '--db', store, '--id', '1', '--out', out);
    expect([code, err]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(out, 'utf8')).decision.title).toBe('PyTorch vs TensorFlow');
    expect(sha(store)).toBe(before);
    expect(readdirSync(dir)).toEqual(['decision-matrix.sqlite']);
  });

  it('refuses an older store instead of migrating it: open it once with the app to upgrade it', async () => {
    const store = join(folder(), 'old.sqlite');
    openStore(store, { migrations: loadMigrations().slice(0, 4) }).db.close();
    const before = sha(store);
    const out = join(folder(), 'record.json');
    const { code, err } = await run('export', '--db', store, '--id', '1', '--out', out);
    expect(code).toBe(1);
    expect(err).toContain(`${store} is from an older version of Decision Matrix (schema 4; this app's is ${loadMigrations().length})`);
    expect(err).toMatch(/open it once with the app to upgrade it/);
    expect(sha(store)).toBe(before);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an empty file instead of seeding it, and names the way out', async () => {
    const dir = folder();
    const store = join(dir, 'empty.sqlite');
    writeFileSync(store, '');
    const { code, err } = await run('export', '--db', store, '--id', '1', '--out', join(folder(), 'x.json'));
    expect(code).toBe(1);
    expect(err).toContain(`${store} is empty (0 bytes), so it is not a Decision Matrix database. It was left untouched. Give --db the path of a Decision Matrix store.`);
    expect(readFileSync(store).length).toBe(0);
    expect(readdirSync(dir)).toEqual(['empty.sqlite']);
  });
});
