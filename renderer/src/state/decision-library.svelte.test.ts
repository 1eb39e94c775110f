import { describe, expect, it } from 'vitest';
import type { Client } from '../../../core/contract';
import { fail, ok } from '../../../core/result';
import { DecisionLibrary } from './decision-library.svelte';
import { templateDecision } from './test/fake-client';

/** A host that answers a spreadsheet import with a decision and notes, creating with another, everything else with an empty list. */
function host(notes: string[], size = { optionCount: 2, criterionCount: 6 }) {
  const calls: { method: string; input: unknown }[] = [];
  const client = new Proxy({} as Client, {
    get: (_target, method) =>
      method === 'then'
        ? undefined
        : async (input: unknown) => {
            calls.push({ method: String(method), input });
            if (method === 'importXlsx' || method === 'importCsv') return ok({ decision: { id: 9, title: 'Imported', updatedAt: '', ...size }, notes });
            if (method === 'importDecision') return fail('invalid-input', 'not valid JSON (Unexpected end of JSON input)');
            if (method === 'getDecision') return ok(templateDecision((input as { decisionId: number }).decisionId));
            if (method === 'bulkProgress') return ok(null);
            return method === 'createDecision' ? ok(templateDecision(10)) : ok([]);
          },
  });
  return { calls, library: new DecisionLibrary(client) };
}

describe('DecisionLibrary.importSpreadsheet', () => {
  it('sends a workbook as base64, titled by its file name, and opens the decision', async () => {
    const { calls, library } = host([]);
    const bytes = Uint8Array.from([80, 75, 3, 4, 255]);
    expect(await library.importSpreadsheet(new File([bytes], 'Vendors 2026.xlsx'))).toBe(true);
    expect(calls.find((c) => c.method === 'importXlsx')?.input).toEqual({ title: 'Vendors 2026', base64: Buffer.from(bytes).toString('base64') });
    expect(library.editor?.id).toBe(9);
    expect(library.notes).toBeNull();
  });

  it('sends a CSV as text and keeps its notes until another decision is opened', async () => {
    const { calls, library } = host(['column "Notes": not read: its cells are text, not scores, so it is not taken as an option']);
    await library.importSpreadsheet(new File(['Criterion;Weight;Direction;A\n'], 'queues.csv'));
    expect(calls.find((c) => c.method === 'importCsv')?.input).toEqual({ title: 'queues', text: 'Criterion;Weight;Direction;A\n' });
    expect(library.notes).toEqual({ file: 'queues.csv', lines: ['column "Notes": not read: its cells are text, not scores, so it is not taken as an option'] });
    await library.create('Another');
    expect(library.notes).toBeNull();
  });

  it('lists a decision too big to draw at once without opening it, and says so', async () => {
    const { calls, library } = host([], { optionCount: 150, criterionCount: 1000 });
    await library.create('Open now');
    expect(await library.importSpreadsheet(new File(['Criterion,Weight\n'], 'Big.csv'))).toBe(true);
    expect(library.editor?.id).toBe(10);
    expect(calls.filter((c) => c.method === 'getDecision')).toEqual([]);
    expect(library.notes).toEqual({
      file: 'Big.csv',
      lines: ['Not opened: “Imported” has 150,000 score cells (150 options × 1,000 criteria), which takes the app a long time to draw. It is in the list; open it from there when you need it.'],
    });
  });

  it('reads a file given to the other import as what it is: a CSV to the JSON import, a JSON file to the spreadsheet import', async () => {
    const { calls, library } = host([]);
    expect(await library.importFile(new File(['Criterion,Weight,Direction,A\nCost,1,cost,2\n'], 'queues.csv'))).toBe(true);
    expect(calls.map((c) => c.method)).toContain('importCsv');
    await library.importSpreadsheet(new File(['{"format": "decision-matrix/v2"'], 'broken.json'));
    expect(library.error).toMatch(/^broken\.json: not valid JSON/);
    expect(calls.filter((c) => c.method === 'importCsv')).toHaveLength(1);
    // The host reads the JSON file; the app shows its refusal with the file's name.
    expect(calls.find((c) => c.method === 'importDecision')?.input).toEqual({ text: '{"format": "decision-matrix/v2"' });
  });
});
