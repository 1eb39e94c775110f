import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { createHandlers } from '../../service/handlers';
import { WorkshopController } from './controller';

const folder = temporaryFolder();

describe('WorkshopController', () => {
  it('runs the workshop server only while a round is live, and hands out its join link', async () => {
    const db = openDecisionStore(join(folder(), 'store.sqlite'));
    const controller = new WorkshopController(db, { hostname: '127.0.0.1', port: 0, staticDir: folder() });
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

    const closed = handlers.updateRound({ roundId: started.value.id, state: 'closed' });
    expect(closed.ok && closed.value.joinUrl).toBeNull();
    await controller.roundsChanged();
    expect(controller.url).toBeNull();
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
