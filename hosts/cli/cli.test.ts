import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERCHANGE_FORMAT } from '../../core/interchange';
import { pytorchVsTensorflow } from '../../core/templates/pytorch-vs-tensorflow';
import { vector } from '../../core/testdata/vectors';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { MAX_INPUT_FILE_BYTES } from './cli';
import { runCli } from './test/run-cli';

const folder = temporaryFolder();

const run = runCli;

function weightedSumFile(): string {
  const v = vector('weighted-sum-tie') as { criteria: string[]; weights: number[]; options: Record<string, number[]> };
  const document = {
    format: INTERCHANGE_FORMAT,
    decision: {
      title: 'Weighted sum model example',
      options: Object.keys(v.options).map((id) => ({ id, name: id })),
      criteria: v.criteria.map((id, i) => ({ id, name: id, scale: { min: 0, max: 100 }, weight: v.weights[i] })),
      scores: Object.entries(v.options).flatMap(([option, values]) => values.map((value, i) => ({ option, criterion: v.criteria[i], value }))),
    },
  };
  const file = join(folder(), 'weighted-sum.json');
  writeFileSync(file, JSON.stringify(document));
  return file;
}

describe('decision-matrix score', () => {
  it('scores the published weighted-sum example to the published numbers, A2 and A3 tied first', async () => {
    const { code, out } = await run('score', weightedSumFile());
    expect(code).toBe(0);
    const report = JSON.parse(out);
    const byOption = Object.fromEntries(report.ranking.map((r: { option: string }) => [r.option, r]));
    expect(byOption.A1.total).toBeCloseTo(0.215, 12);
    expect(byOption.A2.total).toBeCloseTo(0.22, 12);
    expect(byOption.A3.total).toBeCloseTo(0.22, 12);
    expect(report.ranking.map((r: { option: string; rank: number }) => [r.option, r.rank])).toEqual([
      ['A2', 1],
      ['A3', 1],
      ['A1', 3],
    ]);
    expect(byOption.A3.contributions.find((c: { criterion: string }) => c.criterion === 'C3').contribution).toBeCloseTo(0.12, 12);
    expect(report.weights.map((w: { weight: number }) => w.weight)).toEqual([0.2, 0.15, 0.4, 0.25]);
  });

  it.each([
    ['a file that is not JSON', '{"format": "decision-matrix/v1", ', /: not valid JSON/],
    ['a score out of scale', JSON.stringify({ format: INTERCHANGE_FORMAT, decision: { title: 'T', options: [{ id: 'a', name: 'A' }], criteria: [{ id: 'c', name: 'C', scale: { min: 1, max: 5 }, weight: 1 }], scores: [{ option: 'a', criterion: 'c', value: 6 }] } }), /: decision\.scores\[0\]\.value: 6 is outside the scale 1–5/],
    ['the wrong format', JSON.stringify({ format: 'something-else', decision: {} }), /: format: must be "decision-matrix\/v2" \(or the older "decision-matrix\/v1"\)/],
  ])('rejects %s with one line naming the problem, and exits non-zero', async (_, text, message) => {
    const file = join(folder(), 'bad.json');
    writeFileSync(file, text);
    const { code, out, err } = await run('score', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
    expect(err).toContain(file);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(folder(), 'huge.json');
    writeFileSync(file, Buffer.alloc(MAX_INPUT_FILE_BYTES + 1, 32));
    const { code, err } = await run('score', file);
    expect(code).toBe(1);
    expect(err).toMatch(/over the 10 MB limit/);
  });

  it('says so when the file does not exist', async () => {
    const { code, err } = await run('score', '/no/such/decision.json');
    expect(code).toBe(1);
    expect(err).toBe('decision-matrix: /no/such/decision.json: no such file\n');
  });
});

/** A v2 file: the given criteria (ids as names, capitalised), two options scored on each, and a weighting. */
function weighedFile(name: string, criteria: readonly string[], weighting: unknown): string {
  const document = {
    format: INTERCHANGE_FORMAT,
    decision: {
      title: name,
      options: [
        { id: 'x', name: 'X' },
        { id: 'y', name: 'Y' },
      ],
      criteria: criteria.map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1), scale: { min: 0, max: 1 }, weight: 1 })),
      // X scores full marks on the first criterion only, so its total is that criterion's weight.
      scores: criteria.flatMap((criterion, i) => [
        { option: 'x', criterion, value: i === 0 ? 1 : 0 },
        { option: 'y', criterion, value: i === 0 ? 0 : 1 },
      ]),
      weighting,
    },
  };
  const file = join(folder(), `${name}.json`);
  writeFileSync(file, JSON.stringify(document));
  return file;
}

function drinks() {
  const v = vector('ahp-drinks') as unknown as {
    items: string[];
    judgments: [string, string, number][];
    expected_weights: Record<string, number>;
    expected_lambda_max: number;
    expected_consistency_index: number;
    expected_consistency_ratio: number;
  };
  return { v, judgments: v.judgments.map(([more, less, ratio]) => ({ more, less, ratio })) };
}

describe('decision-matrix score with a weighting method (decision-matrix/v2)', () => {
  it("weighs by AHP: Saaty's drinks example to the published weights, λmax, CI and CR", async () => {
    const { v, judgments } = drinks();
    const { code, out, err } = await run('score', weighedFile('drinks', v.items, { method: 'ahp', judgments }));
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    for (const { criterion, weight } of report.weights) expect(weight.toFixed(4), criterion).toBe(v.expected_weights[criterion].toFixed(4));
    const { weighting } = report;
    expect(weighting).toMatchObject({ method: 'ahp', name: 'AHP pairwise comparison', warnings: [] });
    expect(weighting.consistency.lambdaMax.toFixed(4)).toBe(v.expected_lambda_max.toFixed(4));
    expect(weighting.consistency.index.toFixed(4)).toBe(v.expected_consistency_index.toFixed(4));
    expect(weighting.consistency.ratio.toFixed(4)).toBe(v.expected_consistency_ratio.toFixed(4));
    expect(weighting.consistency).toMatchObject({ judged: 21, pairs: 21, flagged: false, mostInconsistent: { more: 'water', less: 'wine', ratio: 9 } });
    const weightOf = Object.fromEntries(report.weights.map((w: { criterion: string; weight: number }) => [w.criterion, w.weight]));
    expect(weighting.consistency.mostInconsistent.suggested).toBeCloseTo(weightOf.water / weightOf.wine, 10);
    // The ranking uses these weights: X scores on coffee alone.
    expect(report.ranking.find((r: { option: string }) => r.option === 'x').total).toBeCloseTo(weightOf.coffee, 12);
  });

  it('weighs by rank-order centroid to the published weights for 3, 4 and 5 criteria', async () => {
    const { expected } = vector('rank-order-centroid') as { expected: Record<string, number[]> };
    for (const [n, weights] of Object.entries(expected)) {
      const ids = ['speed', 'cost', 'docs', 'community', 'licence'].slice(0, Number(n));
      // Most important last in the file, first in the order: the order is what counts.
      const order = [...ids].reverse();
      const { code, out } = await run('score', weighedFile(`roc-${n}`, ids, { method: 'rank', rule: 'roc', order }));
      expect(code).toBe(0);
      const report = JSON.parse(out);
      expect(report.weighting).toEqual({ method: 'rank', name: 'Rank order (rank-order centroid)', rule: 'roc', warnings: [] });
      const weightOf = Object.fromEntries(report.weights.map((w: { criterion: string; weight: number }) => [w.criterion, w.weight]));
      expect(order.map((id) => weightOf[id].toFixed(4)), `n = ${n}`).toEqual(weights.map((w) => w.toFixed(4)));
    }
  });

  it('reports the points left and the method of a 100-points file', async () => {
    const { out } = await run('score', weighedFile('points', ['speed', 'cost'], { method: 'points' }));
    expect(JSON.parse(out).weighting).toMatchObject({ method: 'points', name: '100 points', pointsLeft: 98 });
  });

  it('names the pair of a judgment off Saaty\'s scale, in one line, and exits 1', async () => {
    const file = weighedFile('off-scale', ['coffee', 'tea', 'water'], {
      method: 'ahp',
      judgments: [
        { more: 'water', less: 'tea', ratio: 3 },
        { more: 'coffee', less: 'tea', ratio: 12 },
      ],
    });
    const { code, out, err } = await run('score', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`decision-matrix: ${file}: decision.weighting.judgments[1].ratio: the judgment "Coffee" over "Tea" must be from 1 to 9 on Saaty's scale (got 12)\n`);
  });

  it('names, in one line, the criteria a set of judgments leaves unlinked, and exits 1', async () => {
    const file = weighedFile('unlinked', ['coffee', 'tea', 'water', 'milk'], {
      method: 'ahp',
      judgments: [
        { more: 'water', less: 'tea', ratio: 3 },
        { more: 'coffee', less: 'tea', ratio: 2 },
      ],
    });
    const { code, out, err } = await run('score', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('decision-matrix: "Milk" is not linked to the other criteria by any chain of comparisons: compare it with at least one of the others.\n');
  });

  it('exports a file\'s weighting to JSON with the export\'s ids', async () => {
    const file = weighedFile('judged', ['coffee', 'tea'], { method: 'ahp', judgments: [{ more: 'tea', less: 'coffee', ratio: 5 }] });
    const outFile = join(folder(), 'judged-export.json');
    const { code, err } = await run('export', file, '--out', outFile);
    expect(err).toBe('');
    expect(code).toBe(0);
    const exported = JSON.parse(readFileSync(outFile, 'utf8'));
    expect(exported.format).toBe('decision-matrix/v2');
    const [coffee, tea] = exported.decision.criteria.map((c: { id: string }) => c.id);
    expect(exported.decision.weighting).toEqual({ method: 'ahp', judgments: [{ more: tea, less: coffee, ratio: 5 }] });
    // The robustness analysis rides along, under the file's method and ids, and the file reads back.
    expect(exported.analysis.criteria.map((c: { criterion: string }) => c.criterion)).toEqual([coffee, tea]);
    expect(exported.analysis.criteria[1].weight).toBeCloseTo(5 / 6, 12);
    expect((await run('score', outFile)).code).toBe(0);
  });
});

describe('decision-matrix template', () => {
  it('lists the built-in decisions, PyTorch vs TensorFlow first', async () => {
    const { code, out } = await run('template');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('pytorch-vs-tensorflow\tPyTorch vs TensorFlow');
  });

  it('prints a template that the score command accepts', async () => {
    const { out } = await run('template', 'pytorch-vs-tensorflow');
    const file = join(folder(), 'start.json');
    writeFileSync(file, out);
    const scored = await run('score', file);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.out).ranking[0].name).toBe('PyTorch');
  });

  it('names an unknown template', async () => {
    const { code, err } = await run('template', 'nope');
    expect(code).toBe(1);
    expect(err).toMatch(/no built-in decision named "nope"/);
  });
});

describe('decision-matrix export (formats that need no browser)', () => {
  async function seededFile() {
    const file = join(folder(), 'seeded.json');
    writeFileSync(file, (await run('template', 'pytorch-vs-tensorflow')).out);
    return file;
  }

  it('writes the Markdown record whether the format is named md, Markdown or by a .markdown file', async () => {
    const file = await seededFile();
    for (const [args, name] of [
      [['--format', 'md'], 'a.md'],
      [['--format', 'Markdown'], 'b.txt'],
      [[], 'c.markdown'],
    ] as const) {
      const out = join(folder(), name);
      const { code, err } = await run('export', file, '--out', out, ...args);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/^# PyTorch vs TensorFlow\n/);
    }
  });

  it('carries a decision file’s workshop rounds into its Markdown record and its JSON export', async () => {
    const document = JSON.parse(readFileSync(await seededFile(), 'utf8'));
    const keys = document.decision.criteria.map((c: { id: string }) => c.id);
    const weights = (values: number[]) => Object.fromEntries(keys.map((k: string, i: number) => [k, values[i]]));
    document.decision.rounds = [
      {
        state: 'closed',
        rule: 'mean',
        createdAt: '2026-11-30T09:00:00.000Z',
        closedAt: '2026-11-30T09:30:00.000Z',
        outcomes: [{ kind: 'applied', at: '2026-11-30T09:29:00.000Z' }],
        participants: [
          { name: 'Ana', weights: weights([5, 5, 20, 35, 15, 20]) },
          { name: 'Bo', weights: weights([30, 30, 10, 5, 15, 10]) },
        ],
      },
    ];
    const file = join(folder(), 'with-round.json');
    writeFileSync(file, JSON.stringify(document));
    const md = join(folder(), 'with-round.md');
    expect((await run('export', file, '--out', md)).code).toBe(0);
    const markdown = readFileSync(md, 'utf8');
    expect(markdown).toContain('### Round 1 · 30 November 2026, 09:00 UTC');
    expect(markdown).toContain('* Participants: 2 people gave weights of 2 who joined: Ana, Bo');
    expect(markdown).toContain('* What became of it: Applied to the decision’s weights \\(30 November 2026, 09:29 UTC\\).');
    const json = join(folder(), 'again.json');
    expect((await run('export', file, '--out', json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).decision.rounds[0]).toMatchObject({ closedAt: '2026-11-30T09:30:00.000Z', outcomes: [{ kind: 'applied' }], participants: [{ name: 'Ana' }, { name: 'Bo' }] });
  });

  it('names an unknown format and the ones it knows, and writes nothing', async () => {
    const file = await seededFile();
    const out = join(folder(), 'report.docx');
    const { code, err } = await run('export', file, '--out', out);
    expect(code).not.toBe(0);
    expect(err).toBe('decision-matrix: the format follows --out\'s extension, and ".docx" is not one of pdf, json, md, csv, xlsx: name the file so, or add --format pdf|json|md|csv|xlsx\n');
    expect(existsSync(out)).toBe(false);
    expect((await run('export', file, '--out', out, '--format', 'docx')).err).toMatch(/--format must be one of pdf, json, md, csv, xlsx \(got "docx"\)/);
  });

  it('says when the folder to write in does not exist, in one line', async () => {
    const missing = join(folder(), 'no-such-folder');
    const out = join(missing, 'record.md');
    const { code, err } = await run('export', await seededFile(), '--out', out);
    expect(code).toBe(1);
    expect(err).toBe(`decision-matrix: cannot write ${out}: the folder ${missing} does not exist\n`);
  });

  it('exports from a data folder’s store with --data-dir DIR --id ID, as `list` names it', async () => {
    const dataDir = folder();
    openDecisionStore(join(dataDir, 'decision-matrix.sqlite')).close();
    const out = join(dataDir, 'record.md');
    expect(await run('export', '--data-dir', dataDir, '--id', '1', '--out', out)).toMatchObject({ code: 0, out: `wrote ${out}\n` });
    expect(readFileSync(out, 'utf8')).toContain('PyTorch vs TensorFlow');
    expect((await run('export', '--data-dir', dataDir, '--db', join(dataDir, 'x.sqlite'), '--id', '1', '--out', out)).err).toMatch(/^decision-matrix: give --db FILE or --data-dir DIR, not both\n/);
  });

  it.each([
    [['--colour', 'red'], 'unknown option --colour'],
    [['--out'], '--out needs a value'],
  ])('words a usage mistake for a person: %j', async (args, message) => {
    const { code, err } = await run('export', ...args);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe(`decision-matrix: ${message}`);
  });
});

describe('usage', () => {
  it('refuses an unknown command with exit code 2', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command "frobnicate"/);
  });
});

describe('--help on a command', () => {
  it.each(['web', 'export', 'score', 'analyse', 'template'])('%s --help prints its usage, exits 0 and touches nothing', async (command) => {
    const dataDir = join(folder(), 'never-created');
    const { code, out, err } = await run(command, '--help', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(new RegExp(`^Usage:\\n\\s+decision-matrix ${command}`));
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('decision-matrix list', () => {
  it('lists a store’s decisions with their ids, as text or JSON, and leaves the store as it was', async () => {
    const { openDecisionStore } = await import('../../db/seed');
    const createHashes = (file: string) => readFileSync(file).toString('base64');
    const dir = folder();
    const store = join(dir, 'decision-matrix.sqlite');
    const db = openDecisionStore(store);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = createHashes(store);
    const text = await run('list', '--db', store);
    expect(text.code).toBe(0);
    expect(text.out).toBe('1\tPyTorch vs TensorFlow\n');
    const json = await run('list', '--data-dir', dir, '--json');
    expect(JSON.parse(json.out)).toEqual([{ id: 1, title: 'PyTorch vs TensorFlow', updatedAt: expect.any(String) }]);
    expect(createHashes(store)).toBe(before);
    expect(existsSync(`${store}-wal`)).toBe(false);
  });

  it('names the file when there is no store', async () => {
    const { code, err } = await run('list', '--db', join(folder(), 'none.sqlite'));
    expect(code).toBe(1);
    expect(err).toMatch(/none\.sqlite: no such file/);
  });
});

describe('every refusal of a file, in one line', () => {
  /** A value anywhere in the seeded file replaced by something a hand-edited file might hold. */
  const strange = fc.constantFrom<unknown>('', ' ', -1, 0, 1e308, 'x'.repeat(50), null, true, [], {}, 'line one\nline two', '\u2028', 7.5);
  const places: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Array.isArray(value) ? value.slice(0, 2).entries() : Object.entries(value)) {
      places.push([...path, key]);
      walk(child, [...path, key]);
    }
  };
  walk(pytorchVsTensorflow, []);

  it('property: score on a file with any one value changed exits 0 with JSON, or 1 with one line naming the file', async () => {
    const file = join(folder(), 'bent.json');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...places), strange, async (path, value) => {
        const document = structuredClone(pytorchVsTensorflow) as unknown as Record<string | number, unknown>;
        let parent = document;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path.at(-1)!] = value;
        writeFileSync(file, JSON.stringify(document));
        const { code, out, err } = await run('score', file);
        if (code === 0) {
          expect(() => JSON.parse(out)).not.toThrow();
          return;
        }
        expect(code).toBe(1);
        expect(out).toBe('');
        expect(err.endsWith('\n') && err.slice(0, -1).split(/\r\n|\r|\n|\u2028|\u2029/)).toHaveLength(1);
        expect(err.startsWith(`decision-matrix: ${file}: `)).toBe(true);
        expect(err).not.toMatch(/\bundefined\b|\bNaN\b|\[object /);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
