import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { createHandlers } from '../../service/handlers';
import { WorkshopController } from './controller';

const folder = temporaryFolder();

describe('WorkshopController', () => {
  it('runs the workshop server while a round is live and a while after, saying the round is closed, and hands out its join link', async () => {
    const db = openDecisionStore(join(folder(), 'store.sqlite'));
    const controller = new WorkshopController(db, { hostname: '127.0.0.1', port: 0, staticDir: folder(), lingerMs: 300 });
    const handlers = createHandlers(db, controller);
    expect(controller.url).toBeNull();

    const started = handlers.startRound({ decisionId: 1, anonymous: false, rule: 'mean', weighing: 'sliders', minutes: 5 });
    if (!started.ok) throw new Error(started.error.message);
    await controller.roundsChanged();
    expect(controller.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const round = handlers.getRound({ roundId: started.value.id });
    expect(round.ok && round.value.joinUrl).toBe(`${controller.url}/join?code=${started.value.code}`);
    const answer = await fetch(`${controller.url}/w/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: started.value.code }) });
    expect(answer.status).toBe(200);

    const url = controller.url;
    const closed = handlers.updateRound({ roundId: started.value.id, state: 'closed' });
    expect(closed.ok && closed.value.joinUrl).toBeNull();
    await controller.roundsChanged();
    // Still answering: a phone opening the link now reads that the round is closed, not a connection error.
    expect(controller.lingering).toBe(true);
    const page = await fetch(`${url}/join?code=${started.value.code}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This round is closed');

    // A round started meanwhile keeps the same server and address.
    const next = handlers.startRound({ decisionId: 1, anonymous: false, rule: 'mean', weighing: 'sliders', minutes: 5 });
    await controller.roundsChanged();
    expect(controller.lingering).toBe(false);
    expect(controller.url).toBe(url);
    handlers.updateRound({ roundId: next.ok ? next.value.id : 0, state: 'closed' });
    await controller.roundsChanged();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await controller.roundsChanged();
    expect(controller.url).toBeNull();
    await expect(fetch(`${url}/join?code=${started.value.code}`)).rejects.toThrow();
    await controller.close();
    db.close();
  });

  it('applies revealed group weights to the decision as slider points', async () => {
    const db = openDecisionStore(join(folder(), 'store.sqlite'));
    const handlers = createHandlers(db);
    const round = handlers.startRound({ decisionId: 1, anonymous: true, rule: 'mean', weighing: 'sliders', minutes: null });
    if (!round.ok) throw new Error(round.error.message);
    expect(handlers.applyGroupWeights({ roundId: round.value.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    handlers.updateRound({ roundId: round.value.id, state: 'revealed' });
    expect(handlers.applyGroupWeights({ roundId: round.value.id })).toMatchObject({ ok: false, error: { message: 'Nobody has submitted weights yet.' } });
    db.close();
  });
});
