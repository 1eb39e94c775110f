import { describe, expect, it } from 'vitest';
import { draftAsDecision } from './interchange';
import { decisionRecordMarkdown, escapeMarkdown } from './markdown';
import { buildReport } from './report';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

const seeded = () => ({ id: 1, context: pytorchVsTensorflow.decision.context, createdAt: '', updatedAt: '', ...draftAsDecision(pytorchVsTensorflow.decision) });

describe('escapeMarkdown', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert\\(1\\)\\>'],
    ['**bold** _it_ [link](x) `code` | pipe', '\\*\\*bold\\*\\* \\_it\\_ \\[link\\]\\(x\\) \\`code\\` \\| pipe'],
    ['1. not a list', '1\\. not a list'],
    ['&lt; stays literal', '\\&lt; stays literal'],
    ['two\nlines', 'two lines'],
    // A lone CR (or VT, FF, NEL, U+2028, U+2029) would end the line for some readers: a name could
    // then start a heading, a table row or a code block of its own.
    ['a\r# heading', 'a \\# heading'],
    ['a\r\n| x |', 'a \\| x \\|'],
    ['a\u2028```\u2029b\u0085c\vd\fe', 'a \\`\\`\\` b c d e'],
    ['ok\r\n2. item', 'ok 2. item'],
    ['  3. item', '  3\\. item'],
    ['\u202Eevil', '\u202Eevil'],
  ])('escapes %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('decisionRecordMarkdown', () => {
  it('states the chosen option and why once decided', () => {
    const report = buildReport({ ...seeded(), status: 'decided', chosenOptionId: 2, outcomeReason: 'we deploy to phones' });
    if (!report.ok) throw new Error(report.error.message);
    const markdown = decisionRecordMarkdown(report.value, new Date('2026-11-25T12:00:00Z'));
    expect(markdown).toContain('* Status: decided');
    expect(markdown).toContain('Chosen option: “TensorFlow”, because we deploy to phones.');
  });

  it('keeps the reason when the chosen option was removed after deciding', () => {
    const report = buildReport({ ...seeded(), status: 'decided', chosenOptionId: null, outcomeReason: 'we deploy to phones' });
    if (!report.ok) throw new Error(report.error.message);
    const markdown = decisionRecordMarkdown(report.value, new Date('2026-11-25T12:00:00Z'));
    expect(markdown).toContain('Decided, but the chosen option has since been removed; the reason given was: we deploy to phones.');
    expect(markdown).not.toContain('Chosen option:');
  });

  it('writes the MADR sections with weights, the outcome and pros and cons from the rationale', () => {
    const report = buildReport(seeded());
    if (!report.ok) throw new Error(report.error.message);
    const markdown = decisionRecordMarkdown(report.value, new Date('2026-11-25T12:00:00Z'));
    expect(markdown).toMatch(/^# PyTorch vs TensorFlow\n\n\* Status: open\n\* Date: 2026-11-25\n/);
    for (const heading of ['## Context and Problem Statement', '## Decision Drivers', '## Considered Options', '## Decision Outcome', '## Pros and Cons of the Options']) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('* Deployment and production — weight 10.0 %, benefit');
    expect(markdown).toContain('Leading option under these weights: “PyTorch”.');
    expect(markdown).toContain('| 1 | PyTorch | 83.8 % |');
    // TensorFlow's best and worst placed scores: ecosystem (5) and ease of use (3).
    expect(markdown).toMatch(/### TensorFlow\n\n\* Good, because TensorBoard.*\(Ecosystem and tools: 5 on 1–5\)\n\* Bad, because Version 2\.0/);
  });
});

describe('user text in the record', () => {
  it('cannot change its structure, whatever line breaks a name holds', () => {
    const hostile = 'Name\r| a | b |\r```\u2028# Heading\u2029> quote';
    const decision = seeded();
    decision.options[0].name = hostile;
    decision.criteria[0].name = hostile;
    const report = buildReport(decision);
    if (!report.ok) throw new Error(report.error.message);
    const markdown = decisionRecordMarkdown(report.value, new Date('2026-11-25T12:00:00Z'));
    const plainReport = buildReport(seeded());
    if (!plainReport.ok) throw new Error(plainReport.error.message);
    const plain = decisionRecordMarkdown(plainReport.value, new Date('2026-11-25T12:00:00Z'));
    // Same number of lines, headings and table rows as the record with plain names.
    const shape = (text: string) => text.split(/\r\n|[\n\r\u2028\u2029\u0085\v\f]/).map((line) => line.replace(/[^#|`>*]/g, '').slice(0, 3).replace(/[`>]/g, ''));
    expect(markdown.split('\n').length).toBe(plain.split('\n').length);
    expect(markdown).not.toMatch(/[\r\u2028\u2029\u0085\v\f]/);
    expect(shape(markdown).filter((l) => l.startsWith('#')).length).toBe(shape(plain).filter((l) => l.startsWith('#')).length);
  });
});

describe('how robust is this decision, in the record', () => {
  const record = (decision: ReturnType<typeof seeded>) => {
    const report = buildReport(decision);
    if (!report.ok) throw new Error(report.error.message);
    return decisionRecordMarkdown(report.value, new Date('2026-11-25T12:00:00Z'));
  };

  it('has the headline, the intervals, the tornado and the acceptability with its seed', () => {
    const markdown = record(seeded());
    const section = markdown.slice(markdown.indexOf('## How robust is this decision'), markdown.indexOf('## Pros and Cons'));
    expect(section).toContain('PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % \\(then TensorFlow leads\\).');
    expect(section).toContain('The leader is not fragile.');
    expect(section).toContain('A leader is fragile when it leads by under 2 points of 100');
    expect(section).toContain('| Deployment and production | 10 % | 0 % | 18.2 % | — | TensorFlow | 0 % – 18.2 % |');
    expect(section).toContain('| Deployment and production | +11.1 | 20 % | −1.1 |');
    expect(section).toMatch(/10,000 random weight vectors \(uniform over all weights; seed 1\)/);
    const rows = section.split('\n').filter((line) => /^\| (PyTorch|TensorFlow) \| [\d.]+ %/.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const shares = [...row.matchAll(/([\d.]+) %/g)].map((m) => Number(m[1]));
      expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
    }
    // Deterministic: the same decision gives the same record.
    expect(record(seeded())).toBe(markdown);
  });

  it('writes every robustness percentage by one rule: one decimal at most, no trailing zero ("100 %", not "100.0 %")', () => {
    // PyTorch scores better than TensorFlow on every criterion: first under every weight vector.
    const decision = seeded();
    const pytorch = decision.options.find((o) => o.name === 'PyTorch')!.id;
    decision.scores = decision.scores.map((s) => {
      const c = decision.criteria.find((k) => k.id === s.criterionId)!;
      const best = c.direction === 'benefit' ? c.scale.max : c.scale.min;
      const worst = c.direction === 'benefit' ? c.scale.min : c.scale.max;
      return { ...s, value: s.optionId === pytorch ? best : worst };
    });
    const markdown = record(decision);
    const section = markdown.slice(markdown.indexOf('## How robust is this decision'), markdown.indexOf('## Pros and Cons'));
    expect(section).toContain('| PyTorch | 100 % | 0 % |');
    expect(section).toContain('| TensorFlow | 0 % | 100 % |');
    const percentages = [...section.matchAll(/(\d+(?:\.\d+)?) %/g)].map((m) => m[1]);
    expect(percentages.length).toBeGreaterThan(20);
    expect(percentages.filter((p) => !/^\d+(\.[1-9])?$/.test(p))).toEqual([]);
    // The seeded decision's too.
    const seededSection = record(seeded()).split('## How robust is this decision')[1].split('## Pros and Cons')[0];
    expect([...seededSection.matchAll(/(\d+(?:\.\d+)?) %/g)].map((m) => m[1]).filter((p) => !/^\d+(\.[1-9])?$/.test(p))).toEqual([]);
  });

  it('names the options left out for missing scores, and says why when nothing can be said', () => {
    const decision = seeded();
    decision.options.push({ id: 99, name: 'JAX_[beta]', description: '' });
    expect(record(decision)).toContain('Left out: JAX\\_\\[beta\\] has missing scores.');
    decision.scores = decision.scores.filter((s) => s.optionId !== 1);
    expect(record(decision)).toMatch(/## How robust is this decision\n\nHow robust the ranking is needs two options with every score; only TensorFlow has them/);
  });

  it('never ends a sentence with "..", whatever full stops the user typed', () => {
    const decision = { ...seeded(), status: 'decided' as const, chosenOptionId: 2, outcomeReason: 'We deploy to phones.' };
    decision.criteria[0].name = 'Ease of use.';
    decision.options.push({ id: 99, name: 'JAX.', description: '' });
    decision.scores.push({ optionId: 99, criterionId: decision.criteria[1].id, value: 3, rationale: 'Fine.', source: '' });
    const markdown = record(decision);
    expect(markdown).toContain('because We deploy to phones.\n');
    expect(markdown).toContain('Missing scores for JAX.: Ease of use.');
    expect(markdown).not.toMatch(/\.\./);
  });
});
