import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDecision, listDecisions } from '../../db/decisions';
import { openDecisionStore } from '../../db/seed';
import { runUntilKilled } from '../../db/test/kill-after-ready';
import { temporaryFolder } from '../../db/test/temporary-store';

const folder = temporaryFolder();
const WRITER = join(import.meta.dirname, 'test', 'crash-writer.ts');
const KILLS = 15;

/** Runs the writer, kills it (-9) `afterMs` after it is ready, and answers the lines it acknowledged. */
const writeUntilKilled = (file: string, run: number, afterMs: number, checkpointPages: number | null) =>
  runUntilKilled(WRITER, [file, String(run), ...(checkpointPages ? [String(checkpointPages)] : [])], afterMs);

describe('kill -9 while writes stream through the service', () => {
  it(`loses no acknowledged write and never leaves a damaged store (${KILLS} kills)`, { timeout: 60_000 }, async () => {
    const file = join(folder(), 'decision-matrix.sqlite');
    const created = new Map<number, string>();
    const updated = new Set<number>();
    let acknowledged = 0;
    const started = performance.now();
    for (let run = 0; run < KILLS; run++) {
      const lines = await writeUntilKilled(file, run, 20 + Math.random() * 180, run % 2 === 1 ? 8 : null);
      acknowledged += lines.length;
      for (const line of lines) {
        const [kind, id, ...title] = line.split(' ');
        if (kind === 'created') created.set(Number(id), title.join(' '));
        else updated.add(Number(id));
      }
      // The next start: the store opens (its own -wal accepted), whole, with every acknowledged write.
      const db = openDecisionStore(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const titles = new Map(listDecisions(db).map((d) => [d.id, d.title]));
      for (const [id, title] of created) expect(titles.get(id)).toBe(title);
      for (const id of updated) expect(getDecision(db, id)?.context).toBe(`context of ${created.get(id)}`);
      db.close();
    }
    expect(created.size).toBeGreaterThan(0);
    console.info(`crash test: ${KILLS} kills, ${acknowledged} acknowledged writes, all present; ${Math.round(performance.now() - started)} ms`);
  });
});
