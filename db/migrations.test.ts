import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from './identity';
import { loadMigrations, migrate, schemaVersion, type Migration } from './migrations';

const all = loadMigrations();
const upTo = (version: number) => all.filter((m) => m.version <= version);

describe('migration runner', () => {
  it('numbers migrations 1..n without gaps', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });

  it('rolls a failing batch back whole: no half-applied schema, user_version unchanged', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [...all, { version: all.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x); THIS IS NOT SQL;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('refuses to migrate a database newer than the app', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${all.length + 1}`);
    expect(() => migrate(db, all)).toThrow(/newer than this app/);
  });

  it('is idempotent: running it again changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db, all);
    expect(migrate(db, all)).toEqual({ from: all.length, to: all.length });
  });
});

describe('0001_initial', () => {
  const fresh = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(1));
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', 'now', 'now')").run();
    db.prepare("INSERT INTO options (id, decision_id, name, position) VALUES (1, 1, 'A', 0)").run();
    db.prepare("INSERT INTO criteria (id, decision_id, name, scale_min, scale_max, weight, position) VALUES (1, 1, 'C', 1, 5, 10, 0)").run();
    db.prepare('INSERT INTO scores (option_id, criterion_id, value) VALUES (1, 1, 4)').run();
    return db;
  };

  it('creates the decision tables at user_version 1', () => {
    const db = fresh();
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'criteria' }, { name: 'decisions' }, { name: 'options' }, { name: 'scores' }]);
  });

  it('deletes options, criteria and scores with their decision', () => {
    const db = fresh();
    db.prepare('DELETE FROM decisions WHERE id = 1').run();
    for (const table of ['options', 'criteria', 'scores']) expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
  });

  it.each([
    ['a negative weight', "INSERT INTO criteria (decision_id, name, scale_min, scale_max, weight, position) VALUES (1, 'X', 1, 5, -1, 1)"],
    ['a reversed scale', "INSERT INTO criteria (decision_id, name, scale_min, scale_max, weight, position) VALUES (1, 'X', 5, 1, 1, 1)"],
    ['an unknown direction', "INSERT INTO criteria (decision_id, name, direction, scale_min, scale_max, weight, position) VALUES (1, 'X', 'sideways', 1, 5, 1, 1)"],
    ['a score for a missing option', 'INSERT INTO scores (option_id, criterion_id, value) VALUES (99, 1, 3)'],
    ['a second score for the same cell', 'INSERT INTO scores (option_id, criterion_id, value) VALUES (1, 1, 3)'],
  ])('refuses %s', (_, sql) => {
    const db = fresh();
    expect(() => db.prepare(sql).run()).toThrow();
  });
});

describe('0002_decision_outcome', () => {
  const upgraded = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(1));
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'Made before 0002', 'now', 'now')").run();
    db.prepare("INSERT INTO options (id, decision_id, name, position) VALUES (7, 1, 'A', 0)").run();
    migrate(db, upTo(2));
    return db;
  };

  it('keeps existing decisions, now open with no chosen option', () => {
    const db = upgraded();
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT title, status, chosen_option_id, outcome_reason FROM decisions').get()).toEqual({
      title: 'Made before 0002',
      status: 'open',
      chosen_option_id: null,
      outcome_reason: '',
    });
  });

  it('forgets the chosen option when that option is removed', () => {
    const db = upgraded();
    db.prepare("UPDATE decisions SET status = 'decided', chosen_option_id = 7 WHERE id = 1").run();
    db.prepare('DELETE FROM options WHERE id = 7').run();
    expect(db.prepare('SELECT status, chosen_option_id FROM decisions').get()).toEqual({ status: 'decided', chosen_option_id: null });
  });

  it('refuses an unknown status', () => {
    const db = upgraded();
    expect(() => db.prepare("UPDATE decisions SET status = 'maybe'").run()).toThrow();
  });
});

describe('0003_workshop_rounds', () => {
  const withRound = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(3));
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', 'now', 'now')").run();
    db.prepare("INSERT INTO criteria (id, decision_id, name, scale_min, scale_max, weight, position) VALUES (5, 1, 'C', 1, 5, 1, 0)").run();
    db.prepare("INSERT INTO rounds (id, decision_id, join_code, created_at) VALUES (1, 1, 'ABCDEF', 'now')").run();
    db.prepare("INSERT INTO participants (id, round_id, token_hash, joined_at) VALUES (1, 1, 'h1', 'now')").run();
    db.prepare('INSERT INTO submissions (participant_id, criterion_id, weight) VALUES (1, 5, 3)').run();
    return db;
  };

  it('keeps one live round per join code, but closed rounds may share it', () => {
    const db = withRound();
    expect(() => db.prepare("INSERT INTO rounds (decision_id, join_code, created_at) VALUES (1, 'ABCDEF', 'now')").run()).toThrow();
    db.prepare("UPDATE rounds SET state = 'closed' WHERE id = 1").run();
    db.prepare("INSERT INTO rounds (decision_id, join_code, created_at) VALUES (1, 'ABCDEF', 'now')").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM rounds').get()).toEqual({ n: 2 });
  });

  it('refuses unknown states and rules, negative weights, and duplicate tokens', () => {
    const db = withRound();
    expect(() => db.prepare("UPDATE rounds SET state = 'paused'").run()).toThrow();
    expect(() => db.prepare("UPDATE rounds SET rule = 'mode'").run()).toThrow();
    expect(() => db.prepare('UPDATE submissions SET weight = -1').run()).toThrow();
    expect(() => db.prepare("INSERT INTO participants (round_id, token_hash, joined_at) VALUES (1, 'h1', 'now')").run()).toThrow();
  });

  it('drops rounds with their decision', () => {
    const db = withRound();
    db.prepare('DELETE FROM decisions WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM participants').get()).toEqual({ n: 0 });
  });
});

describe('0004_scenarios', () => {
  it('keeps named weight sets per decision and drops them with it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(4));
    expect(schemaVersion(db)).toBe(4);
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', 'now', 'now')").run();
    db.prepare("INSERT INTO criteria (id, decision_id, name, scale_min, scale_max, weight, position) VALUES (5, 1, 'C', 1, 5, 1, 0)").run();
    db.prepare("INSERT INTO scenarios (id, decision_id, name, created_at) VALUES (1, 1, 'S', 'now')").run();
    db.prepare('INSERT INTO scenario_weights (scenario_id, criterion_id, weight) VALUES (1, 5, 20)').run();
    expect(() => db.prepare('INSERT INTO scenario_weights (scenario_id, criterion_id, weight) VALUES (1, 5, 3)').run()).toThrow();
    expect(() => db.prepare('UPDATE scenario_weights SET weight = -1').run()).toThrow();
    db.prepare('DELETE FROM decisions WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM scenario_weights').get()).toEqual({ n: 0 });
  });
});

describe('0005_store_identity', () => {
  it('marks the store with APPLICATION_ID and names it once, at random', () => {
    const marked = () => {
      const db = new Database(':memory:');
      migrate(db, upTo(5));
      return db;
    };
    const [a, b] = [marked(), marked()];
    expect(a.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const row = a.prepare('SELECT id, store_id AS storeId, write_count AS writeCount FROM store_identity').all();
    expect(row).toEqual([{ id: 1, storeId: expect.stringMatching(/^[0-9a-f]{32}$/), writeCount: 0 }]);
    expect(b.prepare('SELECT store_id FROM store_identity').pluck().get()).not.toBe((row[0] as { storeId: string }).storeId);
    expect(() => a.prepare("INSERT INTO store_identity VALUES (2, 'x', 0)").run()).toThrow();
  });
});

describe('0009_round_outcome', () => {
  const withRound = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(9));
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', 'now', 'now')").run();
    db.prepare("INSERT INTO rounds (id, decision_id, join_code, created_at) VALUES (1, 1, 'ABCDEF', 'now')").run();
    return db;
  };

  it('keeps what became of a round, refuses an unknown kind, and goes with its round', () => {
    const db = withRound();
    db.prepare("INSERT INTO round_outcomes (round_id, kind, at) VALUES (1, 'applied', 'now')").run();
    db.prepare("INSERT INTO round_outcomes (round_id, kind, scenario_name, at) VALUES (1, 'scenario', 'Team view', 'now')").run();
    expect(db.prepare('SELECT kind, scenario_name AS name FROM round_outcomes ORDER BY id').all()).toEqual([
      { kind: 'applied', name: '' },
      { kind: 'scenario', name: 'Team view' },
    ]);
    expect(() => db.prepare("INSERT INTO round_outcomes (round_id, kind, at) VALUES (1, 'ignored', 'now')").run()).toThrow();
    expect(() => db.prepare("INSERT INTO round_outcomes (round_id, kind, at) VALUES (2, 'applied', 'now')").run()).toThrow();
    db.prepare('DELETE FROM rounds WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM round_outcomes').get()).toEqual({ n: 0 });
  });
});

describe('0011_submissions_outlive_criteria', () => {
  it('keeps a participant’s weight when its criterion is deleted (undo can bring the criterion back), and drops it with the participant', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(10));
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', 'now', 'now')").run();
    db.prepare("INSERT INTO criteria (id, decision_id, name, scale_min, scale_max, weight, position) VALUES (5, 1, 'C', 1, 5, 1, 0)").run();
    db.prepare("INSERT INTO rounds (id, decision_id, join_code, created_at) VALUES (1, 1, 'ABCDEF', 'now')").run();
    db.prepare("INSERT INTO participants (id, round_id, token_hash, joined_at) VALUES (1, 1, 'h1', 'now')").run();
    db.prepare('INSERT INTO submissions (participant_id, criterion_id, weight) VALUES (1, 5, 3)').run();
    migrate(db, upTo(11));
    expect(db.prepare('SELECT participant_id AS p, criterion_id AS c, weight FROM submissions').all()).toEqual([{ p: 1, c: 5, weight: 3 }]);
    db.prepare('DELETE FROM criteria WHERE id = 5').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 1 });
    expect(() => db.prepare('INSERT INTO submissions (participant_id, criterion_id, weight) VALUES (1, 6, -1)').run()).toThrow();
    expect(() => db.prepare('INSERT INTO submissions (participant_id, criterion_id, weight) VALUES (2, 6, 1)').run()).toThrow();
    db.prepare('DELETE FROM participants WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 0 });
  });
});

describe('0012_round_scores', () => {
  it('keeps a participant’s scores when their option or criterion is deleted, drops them with the participant, and keeps every earlier outcome', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(11));
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', 'now', 'now')").run();
    db.prepare("INSERT INTO criteria (id, decision_id, name, scale_min, scale_max, weight, position) VALUES (5, 1, 'C', 1, 5, 1, 0)").run();
    db.prepare("INSERT INTO options (id, decision_id, name, position) VALUES (7, 1, 'O', 0)").run();
    db.prepare("INSERT INTO rounds (id, decision_id, join_code, created_at) VALUES (1, 1, 'ABCDEF', 'now')").run();
    db.prepare("INSERT INTO round_outcomes (round_id, kind, scenario_name, at) VALUES (1, 'scenario', 'Room', 'then')").run();
    db.prepare("INSERT INTO participants (id, round_id, token_hash, joined_at) VALUES (1, 1, 'h1', 'now')").run();
    migrate(db, upTo(12));
    expect(db.prepare('SELECT score_rule AS rule FROM rounds').get()).toEqual({ rule: 'median' });
    expect(() => db.prepare("UPDATE rounds SET score_rule = 'geometric-mean'").run()).toThrow();
    expect(db.prepare('SELECT round_id AS r, kind, scenario_name AS name, at FROM round_outcomes').all()).toEqual([{ r: 1, kind: 'scenario', name: 'Room', at: 'then' }]);
    db.prepare("INSERT INTO round_outcomes (round_id, kind, at) VALUES (1, 'scores-applied', 'now')").run();
    expect(() => db.prepare("INSERT INTO round_outcomes (round_id, kind, at) VALUES (1, 'guessed', 'now')").run()).toThrow();
    db.prepare('INSERT INTO round_score_criteria (round_id, criterion_id) VALUES (1, 5)').run();
    db.prepare("INSERT INTO participant_scores (participant_id, option_id, criterion_id, value, reason) VALUES (1, 7, 5, 4, 'fast')").run();
    db.prepare('DELETE FROM options WHERE id = 7').run();
    db.prepare('DELETE FROM criteria WHERE id = 5').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM participant_scores').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM round_score_criteria').get()).toEqual({ n: 1 });
    db.prepare('DELETE FROM participants WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM participant_scores').get()).toEqual({ n: 0 });
    db.prepare('DELETE FROM rounds WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM round_score_criteria').get()).toEqual({ n: 0 });
  });
});

describe('0013_round_snapshot', () => {
  it('numbers the participants of each round in joining order, the removed too, and keeps existing rounds without a kept result', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(12));
    db.prepare("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', 'now', 'now')").run();
    db.prepare("INSERT INTO rounds (id, decision_id, join_code, state, created_at) VALUES (1, 1, 'ABCDEF', 'closed', 'now'), (2, 1, 'GHJKMN', 'revealed', 'now')").run();
    db.prepare("INSERT INTO participants (id, round_id, token_hash, joined_at, removed_at) VALUES (1, 1, 'h1', 'now', NULL), (2, 2, 'h2', 'now', NULL), (3, 1, 'h3', 'now', 'now'), (4, 1, 'h4', 'now', NULL)").run();
    migrate(db, upTo(13));
    expect(db.prepare('SELECT id, round_id AS round, number FROM participants ORDER BY id').all()).toEqual([
      { id: 1, round: 1, number: 1 },
      { id: 2, round: 2, number: 1 },
      { id: 3, round: 1, number: 2 },
      { id: 4, round: 1, number: 3 },
    ]);
    expect(db.prepare('SELECT result FROM rounds').pluck().all()).toEqual([null, null]);
  });
});
