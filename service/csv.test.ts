import { describe, expect, it } from 'vitest';
import { draftAsDecision } from '../core/interchange';
import type { Decision } from '../core/model';
import { pytorchVsTensorflow } from '../core/templates/pytorch-vs-tensorflow';
import { csvToDraft, decisionToCsv, neutraliseFormula } from './csv';

const seeded = (): Decision => ({ id: 1, context: '', createdAt: '', updatedAt: '', ...draftAsDecision(pytorchVsTensorflow.decision) });

const imported = (text: string, title = 'Imported') => {
  const result = csvToDraft(text, title);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** What the person reads when a file is refused: the first line says so, then one line per problem. */
const refusal = (text: string) => {
  const result = csvToDraft(text, 'Imported');
  if (result.ok) throw new Error('expected the import to be refused');
  const [first, ...problems] = result.error.message.split('\n');
  return { first, problems };
};
const problemsOf = (text: string) => refusal(text).problems;

describe('decisionToCsv', () => {
  it('writes one row per criterion with weight, direction, scale, one column per option, then their rationales and sources', () => {
    const lines = decisionToCsv(seeded()).split('\r\n');
    expect(lines[0]).toBe('Criterion,Weight,Direction,Min,Max,PyTorch,TensorFlow,Rationale: PyTorch,Source: PyTorch,Rationale: TensorFlow,Source: TensorFlow');
    expect(lines[1]).toMatch(/^Ease of use,25,benefit,1,5,5,3,[^,]/);
    expect(lines[4]).toMatch(/^Deployment and production,10,benefit,1,5,3,5,/);
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', "'=SUM(1)"])('neutralises the formula %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('neutralises formulas in names and rationales but keeps negative numbers as numbers', () => {
    const decision = seeded();
    decision.options[0].name = '=cmd|"/c calc"!A1';
    decision.scores[0].rationale = '@SUM(1)';
    decision.criteria[0].scale = { min: -5, max: 5, minLabel: '', maxLabel: '' };
    const csv = decisionToCsv(decision);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv.split('\r\n')[1]).toMatch(/^Ease of use,25,benefit,-5,5,5,3,'@SUM\(1\),/);
  });

  it('writes weights as a person would type them: four significant digits', () => {
    const decision = seeded();
    decision.criteria[0].weight = 19.757520785401336;
    decision.criteria[1].weight = 0.000123456;
    const lines = decisionToCsv(decision).split('\r\n');
    expect(lines[1]).toMatch(/^Ease of use,19\.76,/);
    expect(lines[2]).toMatch(/^Dynamic vs static computation graphs,0\.0001235,/);
  });

  it('writes the weights a rank order gives, as percentages, since a spreadsheet cannot hold the order', () => {
    const decision = seeded();
    decision.weighting = { ...decision.weighting, method: 'rank', rule: 'rank-sum', order: decision.criteria.map((c) => c.id) };
    const weights = decisionToCsv(decision).split('\r\n').slice(1, 7).map((line) => Number(line.split(',')[1]));
    // Rank sum over six: 6/21, 5/21 … 1/21.
    expect(weights).toEqual([28.57, 23.81, 19.05, 14.29, 9.524, 4.762]);
  });

  it('round-trips through import: names, weights, directions, scores, rationales and sources', () => {
    const decision = seeded();
    decision.options[1].name = "'=SUM(1)";
    decision.criteria[2].name = '=SUM(A1:A3)';
    const { draft, notes } = imported(decisionToCsv(decision), 'Round trip');
    expect(notes).toEqual([]);
    expect(draft.options.map((o) => o.name)).toEqual(['PyTorch', "'=SUM(1)"]);
    expect(draft.criteria.map((c) => [c.name, c.weight, c.direction])).toEqual(decision.criteria.map((c) => [c.name, c.weight, c.direction]));
    expect(draft.scores).toHaveLength(12);
    const text = (scores: { value: number | null; rationale: string; source: string }[]) => scores.map((s) => [s.value, s.rationale, s.source]);
    expect(text(draft.scores)).toEqual(text(pytorchVsTensorflow.decision.scores.map((s) => ({ value: s.value, rationale: s.rationale ?? '', source: s.source ?? '' }))));
    const again = decisionToCsv({ ...decision, ...draftAsDecision(draft) });
    expect(again).toBe(decisionToCsv(decision));
  });
});

describe('csvToDraft', () => {
  it('accepts a BOM, CRLF line ends, quoted commas and leaves empty score cells unscored', () => {
    const { draft } = imported('\uFEFFCriterion,Weight,Direction,"Kafka, managed",RabbitMQ\r\nThroughput,3,benefit,5,\r\nCost,1,cost,2,4\r\n', 'Queues');
    expect(draft.options.map((o) => o.name)).toEqual(['Kafka, managed', 'RabbitMQ']);
    expect(draft.criteria.map((c) => [c.name, c.weight, c.direction, c.scale.min, c.scale.max])).toEqual([
      ['Throughput', 3, 'benefit', 1, 5],
      ['Cost', 1, 'cost', 1, 5],
    ]);
    expect(draft.scores.map((s) => [s.option, s.criterion, s.value])).toEqual([
      ['o0', 'c0', 5],
      ['o0', 'c1', 2],
      ['o1', 'c1', 4],
    ]);
  });

  it('reads a European spreadsheet: semicolons, decimal commas, a BOM, percentages', () => {
    const { draft, notes } = imported('\uFEFFCriterion;Weight;Direction;Min;Max;Kafka;RabbitMQ\r\nThroughput;19,8%;benefit;1;5;4,5;3\r\nCost;80,2 %;cost;0;10;2,25;7\r\n');
    expect(draft.criteria.map((c) => [c.name, c.weight, c.scale.min, c.scale.max])).toEqual([
      ['Throughput', 19.8, 1, 5],
      ['Cost', 80.2, 0, 10],
    ]);
    expect(draft.scores.map((s) => s.value)).toEqual([4.5, 3, 2.25, 7]);
    expect(notes).toEqual([]);
  });

  it('reads tab-separated text, as pasted from a spreadsheet, and an Excel sep= line', () => {
    expect(imported('Criterion\tWeight\tDirection\tA\nSpeed\t1,5\tbenefit\t4\n').draft.criteria[0].weight).toBe(1.5);
    const { draft } = imported('sep=;\r\nCriterion;Weight;Direction;A\r\nSpeed;2;benefit;4\r\n');
    expect(draft.criteria.map((c) => [c.name, c.weight])).toEqual([['Speed', 2]]);
  });

  it('reads percentages in a comma-separated file too', () => {
    expect(imported('Criterion,Weight,Direction,A\nSpeed,19.8%,benefit,4\n').draft.criteria[0].weight).toBe(19.8);
  });

  it('refuses a decimal comma that could be a thousands separator, saying both readings', () => {
    expect(problemsOf('Criterion;Weight;Direction;A\nSpeed;1,500;benefit;4\n')).toEqual(['row 2, column "Weight": "1,500" could be read two ways: write 1.500 or 1500']);
  });

  it('leaves out a column of notes and says so, rather than reading it as an option', () => {
    const { draft, notes } = imported('Criterion,Weight,Direction,Min,Max,Kafka,RabbitMQ,Notes\nSpeed,2,benefit,1,5,4,3,checked by Ana\nCost,1,cost,1,5,2,4,\n');
    expect(draft.options.map((o) => o.name)).toEqual(['Kafka', 'RabbitMQ']);
    expect(notes).toEqual(['column "Notes": not read: its cells are text, not scores, so it is not taken as an option']);
  });

  it('keeps an option column nobody has scored yet', () => {
    expect(imported('Criterion,Weight,Direction,Kafka,NATS\nSpeed,2,benefit,4,\n').draft.options.map((o) => o.name)).toEqual(['Kafka', 'NATS']);
  });

  it('ignores empty columns past the table, as spreadsheets save them', () => {
    expect(imported('Criterion;Weight;Direction;A;;\nSpeed;2;benefit;4;;\n').draft.options.map((o) => o.name)).toEqual(['A']);
  });

  it('says when the scale was not given, and what it is then', () => {
    expect(imported('Criterion,Weight,Direction,A\nSpeed,2,benefit,4\n').notes).toEqual(['row 1: there are no Min and Max columns, so every criterion is scored from 1 to 5']);
    expect(imported('Criterion,Weight,Direction,Min,Max,A\nSpeed,2,benefit,0,,4\n').notes).toEqual(['row 2, column "Max": empty, so the scale of "Speed" ends at 5']);
    expect(imported('Criterion,Weight,Direction,Max,A\nSpeed,2,benefit,10,4\n').notes).toEqual(['row 1: there is no Min column, so every scale starts at 1']);
  });

  it('reads rationales and sources from their columns, in any order, and keeps a rationale without a score', () => {
    const { draft } = imported('Criterion,Weight,Direction,Source: A,A,B,Rationale: A\nSpeed,2,benefit,bench.md,4,3,fast enough\nCost,1,cost,,,2,to be checked\n');
    expect(draft.options.map((o) => o.name)).toEqual(['A', 'B']);
    expect(draft.scores.map((s) => [s.option, s.criterion, s.value, s.rationale, s.source])).toEqual([
      ['o0', 'c0', 4, 'fast enough', 'bench.md'],
      ['o1', 'c0', 3, '', ''],
      ['o0', 'c1', null, 'to be checked', ''],
      ['o1', 'c1', 2, '', ''],
    ]);
  });

  it('takes off the apostrophe that kept a formula as text', () => {
    const { draft } = imported(`Criterion,Weight,Direction,'=SUM(1),Rationale: '=SUM(1)\n'+1,2,benefit,4,'@me\n`);
    expect(draft.options[0].name).toBe('=SUM(1)');
    expect(draft.criteria[0].name).toBe('+1');
    expect(draft.scores[0].rationale).toBe('@me');
  });

  it('reports every problem with its row and column', () => {
    expect(
      problemsOf(['Criterion,Weight,Direction,A,B', ',2,benefit,3,3', 'Speed,,sideways,3,9', 'Docs,"1,5",cost,abc,2', 'Cost,1,cost,80%,2'].join('\n')),
    ).toEqual([
      'row 2, column "Criterion": the criterion name is empty',
      'row 3, column "Weight": the weight is empty',
      'row 3, column "Direction": "sideways" must be benefit or cost',
      'row 3, column "B": 9 is outside the scale 1–5',
      'row 4, column "Weight": "1,5" is not a number (write decimals with a dot: 1.5)',
      'row 4, column "A": "abc" is not a number',
      'row 5, column "A": "80%" (80) is outside the scale 1–5',
    ]);
  });

  it('says which separator it read the file with when it refuses it', () => {
    expect(refusal('Criterion;Weight;Direction;A\nSpeed;x;benefit;4\n').first).toBe('The CSV file (separated by semicolons) was not imported:');
  });

  it('names a decimal comma that split a row into too many cells', () => {
    expect(problemsOf('Criterion,Weight,Direction,A\nSpeed,1,5,benefit,3\n')).toEqual([
      'row 2: has 5 cells but the header has 4 (a decimal comma, like 1,5, splits a cell in two)',
    ]);
  });

  it('names ragged rows', () => {
    expect(problemsOf('Criterion,Weight,Direction,A,B\nSpeed,1,benefit,3\n')[0]).toBe('row 2: has 4 cells but the header has 5');
  });

  it('names an unterminated quote', () => {
    expect(problemsOf('Criterion,Weight,Direction,A\n"Speed,1,benefit,3\n').join('\n')).toMatch(/unterminated quote/);
  });

  it('names duplicate and missing headers, and a header missing over a column with content', () => {
    expect(problemsOf('Criterion,Weight,A,a\nSpeed,1,3,3\n')).toEqual(['row 1, column "a": this header appears twice', 'row 1: there is no "Direction" column']);
    expect(problemsOf('Criterion,Weight,Direction,,A\nSpeed,1,benefit,2,3\n')).toEqual(['row 1, column 4: the header is empty']);
  });

  it('names a rationale column for an option the file does not have', () => {
    expect(problemsOf('Criterion,Weight,Direction,A,Rationale: B\nSpeed,1,benefit,3,why\n')).toEqual(['row 1, column "Rationale: B": there is no option column named "B" for these rationales']);
  });

  it('says how to separate columns when none of comma, semicolon or tab does', () => {
    expect(problemsOf('Criterion|Weight|Direction|A\nSpeed|1|benefit|3\n')).toEqual(['row 1: the header has only one column: separate the columns with commas, semicolons or tabs']);
  });

  it('refuses an empty file and a file without criteria', () => {
    expect(csvToDraft('', 'x')).toMatchObject({ ok: false, error: { message: expect.stringContaining('The file is empty') } });
    expect(problemsOf('Criterion,Weight,Direction,A\n')).toEqual(['row 2: there are no criteria rows under the header']);
  });
});
