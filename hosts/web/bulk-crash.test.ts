import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from '../../core/templates';
import type { Db } from '../../db/connection';
import { listDecisions } from '../../db/decisions';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';

const folder = temporaryFolder();
const ROOT = join(import.meta.dirname, '..', '..');
const WRITER = join(import.meta.dirname, 'test', 'bulk-crash-writer.ts');
const KILLS = 12;
/** How long a writer may take to reach the line its kill is timed from. */
const CLOCK_WAIT_MS = 10_000;

/** What a decision must hold, row for row. */
interface Shape {
  options: number;
  criteria: number;
  scores: number;
}

const EMPTY: Shape = { options: 0, criteria: 0, scores: 0 };
const SEED = templates[0].document.decision;

/** When a kill is timed from: the writer's "ready", or the first time its first import has written `percent` of its rows. */
type Clock = 'ready' | { percent: number };

/** Whether the whole lines in `out` include the one the kill is timed from. */
function clockStarted(out: string, clock: Clock): boolean {
  if (!out.startsWith('ready\n')) return false;
  if (clock === 'ready') return true;
  const lines = out.split('\n').slice(0, -1);
  return lines.some((line) => line.startsWith('writing ') && Number(line.split(' ')[1]) >= clock.percent);
}

/**
 * Runs the writer and kills it (-9) `afterMs` after its `clock` line. Answers the whole lines it
 * printed after "ready", once its output has closed. Like runUntilKilled (db/test/kill-after-ready.ts),
 * which only starts the clock at "ready". A writer that has not reached its clock line
 * CLOCK_WAIT_MS after it was started is stopped, and that is an error.
 */
function writeUntilKilled(file: string, run: number, smallWriteMs: number | null, clock: Clock, afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const args = [file, String(run), ...(smallWriteMs ? [String(smallWriteMs)] : [])];
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let aimed = false;
    let why = '';
    const late = setTimeout(() => {
      why = `the writer never reached ${JSON.stringify(clock)}`;
      child.kill('SIGKILL');
    }, CLOCK_WAIT_MS);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!aimed && clockStarted(out, clock)) {
        aimed = true;
        clearTimeout(late);
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_, signal) => {
      clearTimeout(late);
      if (why) return reject(new Error(why));
      if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped by itself: ${err}`));
      resolve(out.split('\n').slice(1, -1));
    });
  });
}

/** Everything the writers said across the runs: what each decision they wrote must hold, and which ones they acknowledged. */
class Ledger {
  /** Every decision a writer set out to write, by title: an unacknowledged one may be there or not, but only whole. */
  readonly shapes = new Map<string, Shape>();
  /** Acknowledged decisions: id → title. */
  readonly acknowledged = new Map<number, string>();
  acknowledgedImports = 0;
  /** Kills while an import was under way (said "importing", not yet answered). */
  underWay = 0;
  /** …of which after its worker had said it was writing rows: its transaction open, or (rarely) just committed. */
  midWrite = 0;

  /** Takes one run's lines and counts where its kill landed; answers the title of the import under way then, or null. */
  take(lines: readonly string[]): string | null {
    let importing: string | null = null;
    let writing = false;
    for (const line of lines) {
      const [kind, ...rest] = line.split(' ');
      if (kind === 'importing') {
        const [options, criteria, ...title] = rest;
        importing = title.join(' ');
        writing = false;
        this.shapes.set(importing, { options: Number(options), criteria: Number(criteria), scores: Number(options) * Number(criteria) });
      } else if (kind === 'writing') {
        writing = rest.slice(1).join(' ') === importing;
      } else if (kind === 'imported') {
        const [id, options, criteria, cells, ...title] = rest;
        expect(this.shapes.get(title.join(' '))).toEqual({ options: Number(options), criteria: Number(criteria), scores: Number(cells) });
        this.acknowledged.set(Number(id), title.join(' '));
        this.acknowledgedImports++;
        importing = null;
      } else if (kind === 'creating') {
        this.shapes.set(rest.join(' '), EMPTY);
      } else if (kind === 'created') {
        const [id, ...title] = rest;
        this.acknowledged.set(Number(id), title.join(' '));
      } else throw new Error(`the writer said "${line}"`);
    }
    if (importing) this.underWay++;
    if (importing && writing) this.midWrite++;
    return importing;
  }
}

const count = (db: Db, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).pluck().get() as number);

/** Score rows per decision, counted through their option; rows whose option and criterion belong to different decisions, apart. */
function scoresByDecision(db: Db): { scores: Map<number, number>; crossed: number } {
  const rows = db.prepare('SELECT o.decision_id AS id, COUNT(*) AS n FROM scores s JOIN options o ON o.id = s.option_id GROUP BY o.decision_id').all() as { id: number; n: number }[];
  const crossed = db
    .prepare('SELECT COUNT(*) FROM scores s JOIN options o ON o.id = s.option_id JOIN criteria c ON c.id = s.criterion_id WHERE o.decision_id <> c.decision_id')
    .pluck()
    .get() as number;
  return { scores: new Map(rows.map((r) => [r.id, r.n])), crossed };
}

/**
 * The store after a restart: whole, every acknowledged decision in it, and nothing half written:
 * each decision listed is the seed or one a writer set out to write, with all of its rows, and the
 * tables hold no rows beyond those. Answers the titles listed.
 */
function checkStore(file: string, ledger: Ledger): Set<string> {
  const db = openDecisionStore(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const listed = listDecisions(db);
    const { scores, crossed } = scoresByDecision(db);
    expect(crossed).toBe(0);
    const shapeOf = (id: number): Shape => {
      const d = listed.find((l) => l.id === id)!;
      return { options: d.optionCount, criteria: d.criterionCount, scores: scores.get(id) ?? 0 };
    };
    const seed = listed.filter((d) => d.title === SEED.title);
    expect(seed).toHaveLength(1);
    expect(shapeOf(seed[0].id)).toEqual({ options: SEED.options.length, criteria: SEED.criteria.length, scores: SEED.scores.length });
    const titles = new Map(listed.map((d) => [d.id, d.title]));
    for (const [id, title] of ledger.acknowledged) expect(titles.get(id), `acknowledged decision ${id}`).toBe(title);
    for (const d of listed) {
      if (d === seed[0]) continue;
      expect(ledger.shapes.has(d.title), `decision ${d.id} "${d.title}" was never written`).toBe(true);
      expect(shapeOf(d.id), `decision ${d.id} "${d.title}"`).toEqual(ledger.shapes.get(d.title));
    }
    // Each written once: a call tried again after the worker was done must not have landed twice.
    expect(new Set(listed.map((d) => d.title)).size).toBe(listed.length);
    const sum = (pick: (s: Shape) => number) => listed.reduce((total, d) => total + pick(shapeOf(d.id)), 0);
    expect({ options: count(db, 'options'), criteria: count(db, 'criteria'), scores: count(db, 'scores') }).toEqual({
      options: sum((s) => s.options),
      criteria: sum((s) => s.criteria),
      scores: sum((s) => s.scores),
    });
    return new Set(titles.values());
  } finally {
    db.close();
  }
}

/**
 * How run `run` is made and killed, in turns of four: twice anywhere in the first three or so
 * imports; once as the first import has written a random share of its rows; once around its commit
 * and answer (after its last progress report). Small writes meanwhile on the first two of each four,
 * so imports are also answered with no other write waiting for the store.
 */
function plan(run: number): [smallWriteMs: number | null, clock: Clock, afterMs: number] {
  const smallWriteMs = run % 4 < 2 ? 150 : null;
  if (run % 2 === 0) return [smallWriteMs, 'ready', 200 + Math.random() * 2800];
  if (run % 4 === 1) return [smallWriteMs, { percent: 1 + Math.random() * 85 }, Math.random() * 10];
  return [smallWriteMs, { percent: 90 }, Math.random() * 80];
}

describe('kill -9 while big imports are written by the bulk worker thread', () => {
  it(`keeps every acknowledged import and shows no half-written one (${KILLS} kills)`, { timeout: 90_000 }, async () => {
    const file = join(folder(), 'decision-matrix.sqlite');
    const ledger = new Ledger();
    // Imports under way at the kill that were found whole: committed, but killed before they were answered.
    let committedUnanswered = 0;
    const started = performance.now();
    for (let run = 0; run < KILLS; run++) {
      const lines = await writeUntilKilled(file, run, ...plan(run));
      const underWay = ledger.take(lines);
      if (checkStore(file, ledger).has(underWay ?? '')) committedUnanswered++;
    }
    expect(ledger.acknowledgedImports).toBeGreaterThan(0);
    // Otherwise the test proves nothing about the imports.
    expect(ledger.underWay).toBeGreaterThanOrEqual(KILLS / 2);
    expect(ledger.midWrite).toBeGreaterThanOrEqual(3);
    console.info(
      `bulk crash test: ${KILLS} kills, ${ledger.underWay} during an import (${ledger.midWrite} once its rows were being written, ` +
        `${committedUnanswered} after its commit but before its answer); ${ledger.acknowledgedImports} acknowledged imports and ` +
        `${ledger.acknowledged.size - ledger.acknowledgedImports} small writes, all present; ${Math.round(performance.now() - started)} ms`,
    );
  });
});
