import { beforeEach, describe, expect, it } from 'vitest';
import { DecisionEditor } from './decision-editor.svelte';
import { FakeHost } from './test/fake-client';
import { WorkshopState } from './workshop.svelte';

let host: FakeHost;
let editor: DecisionEditor;

beforeEach(() => {
  host = new FakeHost();
  editor = new DecisionEditor(host.client, host.decision);
});

describe('the round history', () => {
  it('lists the decision’s rounds other than the one running, newest first, numbered oldest first', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    await workshop.start();
    await workshop.update({ state: 'closed' });
    workshop.dismiss();
    await workshop.start();
    workshop.stop();
    const [first, second] = host.rounds;
    await workshop.history.load();
    expect(workshop.history.past(second.id).map((r) => [r.id, r.number])).toEqual([[first.id, 1]]);
    expect(workshop.history.past(null).map((r) => r.number)).toEqual([2, 1]);
  });

  it('opens one round read-only, and lets go of it once the round is gone', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    await workshop.start();
    workshop.stop();
    await workshop.history.load();
    workshop.history.open(host.rounds[0].id);
    expect(workshop.history.opened?.number).toBe(1);
    expect(workshop.history.opened?.outcome).toEqual(['Not revealed yet.']);
    host.rounds = [];
    await workshop.history.load();
    expect(workshop.history.openId).toBeNull();
    expect(workshop.history.opened).toBeNull();
  });
});
