import { describe, expect, it } from 'vitest';
import type { Score } from '../../../core/model';
import { DecisionEditor } from './decision-editor.svelte';
import { CriterionDraft, NewName, ScoreDraft } from './drafts.svelte';
import { FakeHost, settle } from './test/fake-client';

/** An "add option" form as MatrixTable wires it. */
function addOptionForm() {
  const host = new FakeHost();
  const editor = new DecisionEditor(host.client, host.decision);
  const box = new NewName();
  const submit = () => box.submit((name) => editor.change('addOption', { decisionId: editor.id, name }));
  return { host, editor, box, submit };
}

describe('NewName (the text box of an add form)', () => {
  it('is emptied once what was sent is saved', async () => {
    const { host, editor, box, submit } = addOptionForm();
    box.value = 'JAX';
    await submit();
    expect(host.callsTo('addOption')).toEqual([{ decisionId: editor.id, name: 'JAX' }]);
    expect(editor.decision.options.map((o) => o.name)).toEqual(['PyTorch', 'TensorFlow', 'JAX']);
    expect(box.value).toBe('');
  });

  it('keeps text typed while the add was being saved', async () => {
    const { host, editor, box, submit } = addOptionForm();
    const add = host.hold('addOption');
    box.value = 'JAX';
    const submitted = submit();
    await settle();
    expect(add.input.name).toBe('JAX');

    box.value = 'JAX 0.4';
    await add.release();
    await submitted;

    expect(editor.decision.options.map((o) => o.name)).toContain('JAX');
    expect(box.value).toBe('JAX 0.4');
  });

  it('keeps the text when the add is refused, and the editor says why', async () => {
    const { host, editor, box, submit } = addOptionForm();
    box.value = '   ';
    await submit();
    expect(host.methods).toEqual(['addOption', 'getDecision']);
    expect(editor.error).toBe('name: must not be empty');
    expect(editor.decision.options).toHaveLength(2);
    expect(box.value).toBe('   ');
  });
});

describe('the score and criterion dialogs', () => {
  it('start from what is stored and turn an emptied value into "no value"', () => {
    const stored: Score = { optionId: 1, criterionId: 2, value: 4, rationale: 'Eager by default', source: 'Docs' };
    const draft = new ScoreDraft(stored);
    expect([draft.value, draft.rationale, draft.source]).toEqual(['4', 'Eager by default', 'Docs']);
    draft.value = '  ';
    expect(draft.toInput(1, 2)).toEqual({ ok: true, value: { optionId: 1, criterionId: 2, value: null, rationale: 'Eager by default', source: 'Docs' } });
    expect(new ScoreDraft(undefined).value).toBe('');
    draft.value = ' 2,5 ';
    expect(draft.toInput(1, 2)).toMatchObject({ ok: true, value: { value: 2.5 } });
    draft.value = '2.5x';
    expect(draft.toInput(1, 2)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The score: “2.5x” is not a number.' } });
  });

  it('send the scale as numbers', () => {
    const host = new FakeHost();
    const draft = new CriterionDraft(host.decision.criteria[0]);
    draft.max = '10';
    expect(draft.toInput(1)).toMatchObject({ ok: true, value: { scale: { min: 1, max: 10, minLabel: 'steep learning curve, hard to debug', maxLabel: 'plain Python, debug with pdb' } } });
    draft.min = '0,5';
    expect(draft.toInput(1)).toMatchObject({ ok: true, value: { scale: { min: 0.5, max: 10 } } });
    draft.max = '';
    expect(draft.toInput(1)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Give the scale a lowest and a highest score.' } });
  });
});

describe('a points round on a phone', () => {
  it('starts from 100 points shared as evenly as whole points allow', async () => {
    const { evenPoints } = await import('../participant/participant.svelte');
    expect(evenPoints(6)).toEqual([17, 17, 17, 17, 16, 16]);
    expect(evenPoints(3)).toEqual([34, 33, 33]);
    for (const n of [1, 2, 7, 13, 100, 150]) expect(evenPoints(n).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
