import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERCHANGE_FORMAT, parseDecisionDocumentText, type DecisionDocument } from '../core/interchange';
import { openStore } from '../db/connection';
import { temporaryFolder } from '../db/test/temporary-store';
import { createHandlers } from './handlers';

const folder = temporaryFolder();

/** Text in any script: emoji, right-to-left marks and overrides, combining marks, astral characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('🧪🚀 emoji', '\u202Eevil\u202C', 'שלום עולם', 'مرحبا', 'e\u0301\u0302', '<img src=x onerror=alert(1)>', 'a\u0000b', '  spaces  '),
);
const aName = anyText.filter((t) => t.trim().length > 0);

const documentArbitrary = fc
  .record({
    title: aName,
    context: anyText,
    options: fc.array(fc.record({ name: aName, description: anyText }), { minLength: 1, maxLength: 4 }),
    criteria: fc.array(
      fc.record({
        name: aName,
        description: anyText,
        direction: fc.constantFrom('benefit' as const, 'cost' as const),
        min: fc.integer({ min: -100, max: 100 }),
        span: fc.double({ min: 0.5, max: 1000, noNaN: true }),
        weight: fc.double({ min: 0, max: 1e6, noNaN: true }),
        minLabel: anyText,
        maxLabel: anyText,
      }),
      { minLength: 1, maxLength: 4 },
    ),
    fractions: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { minLength: 16, maxLength: 16 }),
    rationale: anyText,
    decided: fc.boolean(),
    reason: anyText,
  })
  .map(({ title, context, options, criteria, fractions, rationale, decided, reason }): DecisionDocument => ({
    format: INTERCHANGE_FORMAT,
    decision: {
      title,
      context,
      options: options.map((o, i) => ({ id: `o${i}`, ...o })),
      criteria: criteria.map((c, i) => ({
        id: `c${i}`,
        name: c.name,
        description: c.description,
        direction: c.direction,
        scale: { min: c.min, max: c.min + c.span, minLabel: c.minLabel, maxLabel: c.maxLabel },
        weight: c.weight,
      })),
      scores: options.flatMap((_, o) =>
        criteria.map((c, i) => ({
          option: `o${o}`,
          criterion: `c${i}`,
          value: fractions[(o * 4 + i) % 16] === null ? null : c.min + fractions[(o * 4 + i) % 16]! * c.span,
          rationale,
          source: '',
        })),
      ),
      outcome: decided ? { status: 'decided', chosenOption: 'o0', reason } : { status: 'open', chosenOption: null, reason },
    },
  }));

describe('JSON round trip through the store', () => {
  it('exports exactly what was imported, in any script, with every number finite', async () => {
    const { db } = openStore(join(folder(), 'store.sqlite'));
    const handlers = createHandlers(db);
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async (document) => {
        const written = JSON.stringify(document);
        const parsed = parseDecisionDocumentText(written);
        if (!parsed.ok) throw new Error(parsed.error.message);
        const imported = await handlers.importDecision({ text: written });
        if (!imported.ok) throw new Error(imported.error.message);
        const exported = handlers.exportDecision({ decisionId: imported.value.decision.id });
        if (!exported.ok) throw new Error(exported.error.message);
        const text = JSON.stringify(exported.value);
        expect(text).not.toMatch(/NaN|Infinity/);
        // Ids are the file's own keys; everything else comes back as written.
        const strip = (d: DecisionDocument) => ({
          ...d.decision,
          outcome: { ...d.decision.outcome, chosenOption: d.decision.outcome.chosenOption === null ? null : 'chosen' },
          options: d.decision.options.map(({ id: _, ...o }) => o),
          criteria: d.decision.criteria.map(({ id: _, ...c }) => c),
          scores: d.decision.scores.map(({ option: _o, criterion: _c, ...s }) => s),
        });
        expect(strip(JSON.parse(text))).toEqual(strip(parsed.value));
      }),
      { numRuns: 150 },
    );
    db.close();
  });
});
