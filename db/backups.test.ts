import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpDaily } from './backups';
import { listDecisions } from './decisions';
import { openDecisionStore } from './seed';
import { temporaryFolder } from './test/temporary-store';

const folder = temporaryFolder();

describe('backUpDaily', () => {
  it('writes one readable copy a day and keeps the latest seven', async () => {
    const data = folder();
    const db = openDecisionStore(join(data, 'decision-matrix.sqlite'));
    const first = await backUpDaily(db, data, new Date('2026-11-01T10:00:00Z'));
    expect(first).toBe(join(data, 'backups', 'decision-matrix-2026-11-01.sqlite'));
    expect(await backUpDaily(db, data, new Date('2026-11-01T18:00:00Z'))).toBeNull();

    const copy = new Database(first!, { readonly: true });
    expect(listDecisions(copy).map((d) => d.title)).toEqual(['PyTorch vs TensorFlow']);
    copy.close();

    for (let day = 2; day <= 10; day++) await backUpDaily(db, data, new Date(Date.UTC(2026, 10, day)));
    const kept = readdirSync(join(data, 'backups')).sort();
    expect(kept).toHaveLength(7);
    expect(kept[0]).toBe('decision-matrix-2026-11-04.sqlite');
    expect(kept.at(-1)).toBe('decision-matrix-2026-11-10.sqlite');
    db.close();
  });
});
