import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERCHANGE_FORMAT } from '../../core/interchange';
import { vector } from '../../core/testdata/vectors';
import { temporaryFolder } from '../../db/test/temporary-store';
import { main, MAX_INPUT_FILE_BYTES } from './cli';

const folder = temporaryFolder();

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

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

  it('names an unknown format and the ones it knows, and writes nothing', async () => {
    const file = await seededFile();
    const out = join(folder(), 'report.docx');
    const { code, err } = await run('export', file, '--out', out);
    expect(code).not.toBe(0);
    expect(err).toMatch(/--format must be one of pdf, json, md, csv \(got "docx"\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('usage', () => {
  it('refuses an unknown command with exit code 2', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command "frobnicate"/);
  });
});
