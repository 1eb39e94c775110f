import { describe, expect, it } from 'vitest';
import { draftAsDecision } from '../core/interchange';
import { pytorchVsTensorflow } from '../core/templates/pytorch-vs-tensorflow';
import { csvToDraft, decisionToCsv, neutraliseFormula } from './csv';

const seeded = () => ({ id: 1, context: '', createdAt: '', updatedAt: '', ...draftAsDecision(pytorchVsTensorflow.decision) });

const problemsOf = (text: string) => {
  const result = csvToDraft(text, 'Imported');
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error.message.split('\n').slice(1);
};

describe('decisionToCsv', () => {
  it('writes one row per criterion with weight, direction, scale and one column per option', () => {
    const lines = decisionToCsv(seeded()).split('\r\n');
    expect(lines[0]).toBe('Criterion,Weight,Direction,Min,Max,PyTorch,TensorFlow');
    expect(lines[1]).toBe('Ease of use,25,benefit,1,5,5,3');
    expect(lines[4]).toBe('Deployment and production,10,benefit,1,5,3,5');
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises the formula %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('neutralises formulas in names but keeps negative numbers as numbers', () => {
    const decision = seeded();
    decision.options[0].name = '=cmd|"/c calc"!A1';
    decision.criteria[0].scale = { min: -5, max: 5, minLabel: '', maxLabel: '' };
    const csv = decisionToCsv(decision);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv.split('\r\n')[1]).toBe('Ease of use,25,benefit,-5,5,5,3');
  });

  it('round-trips through import', () => {
    const draft = csvToDraft(decisionToCsv(seeded()), 'Round trip');
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.options.map((o) => o.name)).toEqual(['PyTorch', 'TensorFlow']);
    expect(draft.value.criteria.map((c) => [c.name, c.weight, c.direction])).toEqual(pytorchVsTensorflow.decision.criteria.map((c) => [c.name, c.weight, c.direction]));
    expect(draft.value.scores).toHaveLength(12);
  });
});

describe('csvToDraft', () => {
  it('accepts a BOM, CRLF line ends, quoted commas and leaves empty score cells unscored', () => {
    const draft = csvToDraft('\uFEFFCriterion,Weight,Direction,"Kafka, managed",RabbitMQ\r\nThroughput,3,benefit,5,\r\nCost,1,cost,2,4\r\n', 'Queues');
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.options.map((o) => o.name)).toEqual(['Kafka, managed', 'RabbitMQ']);
    expect(draft.value.criteria.map((c) => [c.name, c.weight, c.direction, c.scale.min, c.scale.max])).toEqual([
      ['Throughput', 3, 'benefit', 1, 5],
      ['Cost', 1, 'cost', 1, 5],
    ]);
    expect(draft.value.scores.map((s) => [s.option, s.criterion, s.value])).toEqual([
      ['o0', 'c0', 5],
      ['o0', 'c1', 2],
      ['o1', 'c1', 4],
    ]);
  });

  it('reports every problem with its row and column', () => {
    expect(
      problemsOf(['Criterion,Weight,Direction,A,B', ',2,benefit,3,3', 'Speed,,sideways,3,9', 'Docs,"1,5",cost,abc,2'].join('\n')),
    ).toEqual([
      'row 2, column "Criterion": the criterion name is empty',
      'row 3, column "Weight": the weight is empty',
      'row 3, column "Direction": "sideways" must be benefit or cost',
      'row 3, column "B": 9 is outside the scale 1–5',
      'row 4, column "Weight": "1,5" is not a number (write decimals with a dot: 1.5)',
      'row 4, column "A": "abc" is not a number',
    ]);
  });

  it('names a decimal comma that split a row into too many cells', () => {
    expect(problemsOf('Criterion,Weight,Direction,A\nSpeed,1,5,benefit,3\n')).toEqual([
      'row 2: has 5 cells but the header has 4 (a decimal comma, like 1,5, splits a cell in two)',
    ]);
  });

  it('names ragged rows', () => {
    expect(problemsOf('Criterion,Weight,Direction,A,B\nSpeed,1,benefit,3\n')[0]).toMatch(/^row 2: has 4 cells but the header has 5/);
  });

  it('names an unterminated quote', () => {
    expect(problemsOf('Criterion,Weight,Direction,A\n"Speed,1,benefit,3\n').join('\n')).toMatch(/unterminated quote/);
  });

  it('names duplicate and missing headers', () => {
    expect(problemsOf('Criterion,Weight,A,a\nSpeed,1,3,3\n')).toEqual(['row 1, column "a": this header appears twice', 'row 1, column "Direction": this column is missing']);
  });

  it('refuses an empty file and a file without criteria', () => {
    expect(csvToDraft('', 'x')).toMatchObject({ ok: false, error: { message: expect.stringContaining('The file is empty') } });
    expect(problemsOf('Criterion,Weight,Direction,A\n')).toEqual(['row 2: there are no criteria rows under the header']);
  });
});
