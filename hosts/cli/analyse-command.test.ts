import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERCHANGE_FORMAT } from '../../core/interchange';
import { pytorchVsTensorflow } from '../../core/templates/pytorch-vs-tensorflow';
import { temporaryFolder } from '../../db/test/temporary-store';
import { runCli } from './test/run-cli';

const folder = temporaryFolder();

const run = runCli;

function file(name: string, content: unknown): string {
  const path = join(folder(), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const seededFile = () => file('seeded.json', pytorchVsTensorflow);

describe('decision-matrix analyse', () => {
  it('says PyTorch stays first unless Deployment and production rises above 18.2 %, in the issue’s fields and the file’s ids', async () => {
    const { code, out, err } = await run('analyse', seededFile(), '--draws', '2000');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['leader', 'headline', 'fragile', 'criteria', 'tornado', 'acceptability']);
    expect(report.leader).toBe('pytorch');
    expect(report.headline).toBe('PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then TensorFlow leads)');
    expect(report.fragile).toBe(false);

    const deployment = report.criteria.find((c: { criterion: string }) => c.criterion === 'deployment');
    expect(Object.keys(deployment)).toEqual(['criterion', 'name', 'weight', 'winner', 'ranking']);
    expect(deployment.name).toBe('Deployment and production');
    expect(deployment.weight).toBeCloseTo(0.1, 15);
    expect(deployment.winner).toEqual({ from: 0, to: expect.closeTo(2 / 11, 12), below: null, above: 'tensorflow' });
    expect(Object.keys(deployment.ranking)).toEqual(['from', 'to']);
    expect(report.criteria.map((c: { criterion: string }) => c.criterion)).toEqual(pytorchVsTensorflow.decision.criteria.map((c) => c.id));

    expect(Object.keys(report.tornado[0])).toEqual(['criterion', 'low', 'high']);
    expect(report.tornado[0]).toEqual({ criterion: 'ease-of-use', low: expect.closeTo(-0.1, 12), high: expect.closeTo(0.2, 12) });

    const { acceptability } = report;
    // The fields, and how the draws were made.
    expect(Object.keys(acceptability)).toEqual(['mode', 'draws', 'seed', 'within', 'attempts', 'acceptanceRate', 'maxError', 'options']);
    expect(acceptability).toMatchObject({ within: null, attempts: 2000, acceptanceRate: 1 });
    expect(acceptability).toMatchObject({ mode: 'uniform', draws: 2000, seed: 1 });
    const [pytorch, tensorflow] = acceptability.options;
    expect(Object.keys(pytorch)).toEqual(['option', 'name', 'ranks', 'centralWeights']);
    expect([pytorch.option, tensorflow.option]).toEqual(['pytorch', 'tensorflow']);
    expect(pytorch.ranks[0] + pytorch.ranks[1]).toBeCloseTo(1, 12);
    expect(pytorch.ranks[0] + tensorflow.ranks[0]).toBeCloseTo(1, 12);
    expect(Object.keys(pytorch.centralWeights)).toEqual(pytorchVsTensorflow.decision.criteria.map((c) => c.id));
  });

  it('defaults to 10,000 uniform draws with seed 1, and the same seed prints the same numbers', async () => {
    const path = seededFile();
    const first = await run('analyse', path);
    expect(JSON.parse(first.out).acceptability).toMatchObject({ mode: 'uniform', draws: 10_000, seed: 1 });
    expect((await run('analyse', path)).out).toBe(first.out);
    const other = await run('analyse', path, '--seed', '2');
    expect(JSON.parse(other.out).acceptability.seed).toBe(2);
    expect(other.out).not.toBe(first.out);
  });

  it('runs the ordinal and interval modes, --within in points', async () => {
    const path = seededFile();
    for (const args of [['--mode', 'ordinal'], ['--mode', 'interval', '--within', '2.5']]) {
      const { code, out } = await run('analyse', path, '--draws', '500', '--seed', '7', ...args);
      expect(code).toBe(0);
      const { acceptability } = JSON.parse(out);
      expect(acceptability).toMatchObject({ mode: args[1], draws: 500, seed: 7 });
      if (args[1] === 'interval') {
        // Its setting is reported with the share of proposals the ± 2.5-point box accepted.
        expect(acceptability.within).toBe(0.025);
        expect(acceptability.attempts).toBeGreaterThanOrEqual(500);
        expect(acceptability.acceptanceRate).toBeCloseTo(500 / acceptability.attempts, 12);
      }
    }
  });

  it('leaves out an option with missing scores and says so on stderr, keeping stdout to the fields', async () => {
    const draft = structuredClone(pytorchVsTensorflow);
    draft.decision.options.push({ id: 'jax', name: 'JAX', description: '' });
    draft.decision.scores.push({ option: 'jax', criterion: 'performance', value: 5, rationale: '', source: '' });
    const { code, out, err } = await run('analyse', file('partial.json', draft), '--draws', '100');
    expect(code).toBe(0);
    expect(err).toBe('decision-matrix: note: Left out: JAX has missing scores.\n');
    expect(JSON.parse(out).acceptability.options.map((o: { option: string }) => o.option)).toEqual(['pytorch', 'tensorflow']);
  });

  it('rejects a bad file with one line naming it, and exits 1', async () => {
    const path = file('bad.json', '{"format": "decision-matrix/v1", ');
    const { code, out, err } = await run('analyse', path);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/: not valid JSON/);
    expect(err).toContain(path);
  });

  it('says in one line when there is nothing to compare', async () => {
    const single = { format: INTERCHANGE_FORMAT, decision: { title: 'T', options: [{ id: 'a', name: 'A' }], criteria: [{ id: 'c', name: 'C', scale: { min: 1, max: 5 }, weight: 1 }], scores: [{ option: 'a', criterion: 'c', value: 3 }] } };
    const path = file('single.json', single);
    const { code, err } = await run('analyse', path);
    expect(code).toBe(1);
    expect(err).toBe(`decision-matrix: ${path}: How robust the ranking is needs at least two options to compare.\n`);
  });

  it.each([
    [['--mode', 'random'], /--mode must be one of uniform, ordinal, interval \(got "random"\)/],
    [['--draws', '0'], /--draws must be a whole number from 1 to 10000000 \(got "0"\)/],
    [['--draws', 'many'], /--draws must be a whole number/],
    [['--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295/],
    [['--within', '5'], /--within applies to --mode interval only/],
    [['--mode', 'interval', '--within', '0'], /--within must be a number of points above 0/],
    [['--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { code, out, err } = await run('analyse', seededFile(), ...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('needs exactly one file', async () => {
    const { code, err } = await run('analyse');
    expect(code).toBe(2);
    expect(err).toMatch(/analyse takes one file/);
  });
});

describe('analyse on a file weighed by another method', () => {
  it('analyses the weights the file’s method gives (a rank order with deployment first makes TensorFlow the leader)', async () => {
    const { analyseReport } = await import('./analyse-command');
    const { parseDecisionDocumentText } = await import('../../core/interchange');
    const { pytorchVsTensorflow } = await import('../../core/templates/pytorch-vs-tensorflow');
    const ids = pytorchVsTensorflow.decision.criteria.map((c) => c.id);
    const text = JSON.stringify({ format: 'decision-matrix/v2', decision: { ...pytorchVsTensorflow.decision, weighting: { method: 'rank', rule: 'roc', order: [ids[3], ids[0], ids[1], ids[2], ids[4], ids[5]] } } });
    const parsed = parseDecisionDocumentText(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { report } = analyseReport(parsed.value.decision, { mode: 'uniform', draws: 200, seed: 1, within: 0.05 });
    const tensorflow = pytorchVsTensorflow.decision.options[1].id;
    expect(report.leader).toBe(tensorflow);
    expect(report.criteria.find((c) => c.criterion === ids[3])!.weight).toBeCloseTo(0.4083, 4);
  });
});
