-- Undo and redo, per decision, kept in the store (see docs/history.md). The technique is SQLite's
-- "Automatic Undo/Redo Using SQLite" (https://www.sqlite.org/undoredo.html): triggers write the
-- SQL that reverses each row change into history_log, while the service has a step open in
-- history_recording. A step is one user action, recorded in that action's own transaction; undoing
-- it replays its statements newest first, and the triggers record the reverse as the redo step.

-- A step: the label in the person's words ("remove option “JAX”") and which stack it is on.
CREATE TABLE history_steps (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  stack        TEXT    NOT NULL CHECK (stack IN ('undo', 'redo')),
  label        TEXT    NOT NULL,
  -- What kind of change (e.g. 'weights:12'): a change like the step on top, soon after, joins it.
  kind         TEXT    NOT NULL DEFAULT '',
  created_at   TEXT    NOT NULL
);
CREATE INDEX history_steps_by_decision ON history_steps(decision_id, stack, id);

-- The statements that reverse a step's row changes, in the order the changes were made.
CREATE TABLE history_log (
  id         INTEGER PRIMARY KEY,
  step_id    INTEGER NOT NULL REFERENCES history_steps(id) ON DELETE CASCADE,
  statement  TEXT    NOT NULL
);
CREATE INDEX history_log_by_step ON history_log(step_id, id);

-- The step being recorded: set at the start of a change and cleared before it commits, both
-- inside the change's transaction, so it is NULL in every committed state.
CREATE TABLE history_recording (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  step_id  INTEGER
);
INSERT INTO history_recording (id, step_id) VALUES (1, NULL);

-- The highest id ever given to an option, criterion or scenario. New rows take the next one
-- (db/matrix.ts, db/decisions.ts, db/scenarios.ts), never an id that an undo step or a version
-- may put back: SQLite alone reuses the largest id once its row is deleted.
CREATE TABLE row_ids (
  name  TEXT    PRIMARY KEY,
  last  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO row_ids (name, last) VALUES
  ('options', (SELECT COALESCE(MAX(id), 0) FROM options)),
  ('criteria', (SELECT COALESCE(MAX(id), 0) FROM criteria)),
  ('scenarios', (SELECT COALESCE(MAX(id), 0) FROM scenarios));
CREATE TRIGGER row_ids_options AFTER INSERT ON options BEGIN
  UPDATE row_ids SET last = new.id WHERE name = 'options' AND last < new.id;
END;
CREATE TRIGGER row_ids_criteria AFTER INSERT ON criteria BEGIN
  UPDATE row_ids SET last = new.id WHERE name = 'criteria' AND last < new.id;
END;
CREATE TRIGGER row_ids_scenarios AFTER INSERT ON scenarios BEGIN
  UPDATE row_ids SET last = new.id WHERE name = 'scenarios' AND last < new.id;
END;

-- Named versions of a whole decision, as a decision-matrix/v2 document (core/interchange.ts):
-- taken at each workshop reveal, when the decision is marked decided, and by hand.
CREATE TABLE decision_versions (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  reason       TEXT    NOT NULL CHECK (reason IN ('manual', 'reveal', 'decided')),
  created_at   TEXT    NOT NULL,
  document     TEXT    NOT NULL
);
CREATE INDEX decision_versions_by_decision ON decision_versions(decision_id, id);

-- The recording triggers: what a decision is made of — its own fields (not created_at and
-- updated_at), options, criteria (with every method's inputs), scores, scenarios and AHP
-- judgments. Not workshop rounds, participants or submissions. Text is written as the bytes it
-- holds (CAST(X'…' AS TEXT)), so it comes back exactly as typed; numbers by quote(), exactly.
CREATE TRIGGER history_decisions_update AFTER UPDATE OF title, context, status, outcome_reason, weighting_method, rank_rule, chosen_option_id ON decisions WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.title IS NOT new.title OR old.context IS NOT new.context OR old.status IS NOT new.status OR old.outcome_reason IS NOT new.outcome_reason OR old.weighting_method IS NOT new.weighting_method OR old.rank_rule IS NOT new.rank_rule OR old.chosen_option_id IS NOT new.chosen_option_id) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE decisions SET ' || 'title = ' || 'CAST(' || quote(CAST(old.title AS BLOB)) || ' AS TEXT)' || ', context = ' || 'CAST(' || quote(CAST(old.context AS BLOB)) || ' AS TEXT)' || ', status = ' || 'CAST(' || quote(CAST(old.status AS BLOB)) || ' AS TEXT)' || ', outcome_reason = ' || 'CAST(' || quote(CAST(old.outcome_reason AS BLOB)) || ' AS TEXT)' || ', weighting_method = ' || 'CAST(' || quote(CAST(old.weighting_method AS BLOB)) || ' AS TEXT)' || ', rank_rule = ' || 'CAST(' || quote(CAST(old.rank_rule AS BLOB)) || ' AS TEXT)' || ', chosen_option_id = ' || quote(old.chosen_option_id) || ' WHERE id = ' || old.id);
END;
CREATE TRIGGER history_options_insert AFTER INSERT ON options WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'DELETE FROM options WHERE id = ' || new.id);
END;
CREATE TRIGGER history_options_delete AFTER DELETE ON options WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'INSERT INTO options (id, name, description, decision_id, position) VALUES (' || quote(old.id) || ', ' || 'CAST(' || quote(CAST(old.name AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.description AS BLOB)) || ' AS TEXT)' || ', ' || quote(old.decision_id) || ', ' || quote(old.position) || ')');
END;
CREATE TRIGGER history_options_update AFTER UPDATE ON options WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.name IS NOT new.name OR old.description IS NOT new.description OR old.decision_id IS NOT new.decision_id OR old.position IS NOT new.position) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE options SET ' || 'name = ' || 'CAST(' || quote(CAST(old.name AS BLOB)) || ' AS TEXT)' || ', description = ' || 'CAST(' || quote(CAST(old.description AS BLOB)) || ' AS TEXT)' || ', decision_id = ' || quote(old.decision_id) || ', position = ' || quote(old.position) || ' WHERE id = ' || old.id);
END;
CREATE TRIGGER history_criteria_insert AFTER INSERT ON criteria WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'DELETE FROM criteria WHERE id = ' || new.id);
END;
CREATE TRIGGER history_criteria_delete AFTER DELETE ON criteria WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'INSERT INTO criteria (id, name, description, direction, min_label, max_label, decision_id, scale_min, scale_max, weight, position, points, rank_place, swing) VALUES (' || quote(old.id) || ', ' || 'CAST(' || quote(CAST(old.name AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.description AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.direction AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.min_label AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.max_label AS BLOB)) || ' AS TEXT)' || ', ' || quote(old.decision_id) || ', ' || quote(old.scale_min) || ', ' || quote(old.scale_max) || ', ' || quote(old.weight) || ', ' || quote(old.position) || ', ' || quote(old.points) || ', ' || quote(old.rank_place) || ', ' || quote(old.swing) || ')');
END;
CREATE TRIGGER history_criteria_update AFTER UPDATE ON criteria WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.name IS NOT new.name OR old.description IS NOT new.description OR old.direction IS NOT new.direction OR old.min_label IS NOT new.min_label OR old.max_label IS NOT new.max_label OR old.decision_id IS NOT new.decision_id OR old.scale_min IS NOT new.scale_min OR old.scale_max IS NOT new.scale_max OR old.weight IS NOT new.weight OR old.position IS NOT new.position OR old.points IS NOT new.points OR old.rank_place IS NOT new.rank_place OR old.swing IS NOT new.swing) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE criteria SET ' || 'name = ' || 'CAST(' || quote(CAST(old.name AS BLOB)) || ' AS TEXT)' || ', description = ' || 'CAST(' || quote(CAST(old.description AS BLOB)) || ' AS TEXT)' || ', direction = ' || 'CAST(' || quote(CAST(old.direction AS BLOB)) || ' AS TEXT)' || ', min_label = ' || 'CAST(' || quote(CAST(old.min_label AS BLOB)) || ' AS TEXT)' || ', max_label = ' || 'CAST(' || quote(CAST(old.max_label AS BLOB)) || ' AS TEXT)' || ', decision_id = ' || quote(old.decision_id) || ', scale_min = ' || quote(old.scale_min) || ', scale_max = ' || quote(old.scale_max) || ', weight = ' || quote(old.weight) || ', position = ' || quote(old.position) || ', points = ' || quote(old.points) || ', rank_place = ' || quote(old.rank_place) || ', swing = ' || quote(old.swing) || ' WHERE id = ' || old.id);
END;
CREATE TRIGGER history_scores_insert AFTER INSERT ON scores WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'DELETE FROM scores WHERE option_id = ' || new.option_id || ' AND criterion_id = ' || new.criterion_id);
END;
CREATE TRIGGER history_scores_delete AFTER DELETE ON scores WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'INSERT INTO scores (option_id, criterion_id, rationale, source, value) VALUES (' || quote(old.option_id) || ', ' || quote(old.criterion_id) || ', ' || 'CAST(' || quote(CAST(old.rationale AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.source AS BLOB)) || ' AS TEXT)' || ', ' || quote(old.value) || ')');
END;
CREATE TRIGGER history_scores_update AFTER UPDATE ON scores WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.rationale IS NOT new.rationale OR old.source IS NOT new.source OR old.value IS NOT new.value) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE scores SET ' || 'rationale = ' || 'CAST(' || quote(CAST(old.rationale AS BLOB)) || ' AS TEXT)' || ', source = ' || 'CAST(' || quote(CAST(old.source AS BLOB)) || ' AS TEXT)' || ', value = ' || quote(old.value) || ' WHERE option_id = ' || old.option_id || ' AND criterion_id = ' || old.criterion_id);
END;
CREATE TRIGGER history_scenarios_insert AFTER INSERT ON scenarios WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'DELETE FROM scenarios WHERE id = ' || new.id);
END;
CREATE TRIGGER history_scenarios_delete AFTER DELETE ON scenarios WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'INSERT INTO scenarios (id, name, created_at, decision_id) VALUES (' || quote(old.id) || ', ' || 'CAST(' || quote(CAST(old.name AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.created_at AS BLOB)) || ' AS TEXT)' || ', ' || quote(old.decision_id) || ')');
END;
CREATE TRIGGER history_scenarios_update AFTER UPDATE ON scenarios WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.name IS NOT new.name OR old.created_at IS NOT new.created_at OR old.decision_id IS NOT new.decision_id) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE scenarios SET ' || 'name = ' || 'CAST(' || quote(CAST(old.name AS BLOB)) || ' AS TEXT)' || ', created_at = ' || 'CAST(' || quote(CAST(old.created_at AS BLOB)) || ' AS TEXT)' || ', decision_id = ' || quote(old.decision_id) || ' WHERE id = ' || old.id);
END;
CREATE TRIGGER history_scenario_weights_insert AFTER INSERT ON scenario_weights WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'DELETE FROM scenario_weights WHERE scenario_id = ' || new.scenario_id || ' AND criterion_id = ' || new.criterion_id);
END;
CREATE TRIGGER history_scenario_weights_delete AFTER DELETE ON scenario_weights WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'INSERT INTO scenario_weights (scenario_id, criterion_id, weight) VALUES (' || quote(old.scenario_id) || ', ' || quote(old.criterion_id) || ', ' || quote(old.weight) || ')');
END;
CREATE TRIGGER history_scenario_weights_update AFTER UPDATE ON scenario_weights WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.weight IS NOT new.weight) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE scenario_weights SET ' || 'weight = ' || quote(old.weight) || ' WHERE scenario_id = ' || old.scenario_id || ' AND criterion_id = ' || old.criterion_id);
END;
CREATE TRIGGER history_ahp_judgments_insert AFTER INSERT ON ahp_judgments WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'DELETE FROM ahp_judgments WHERE decision_id = ' || new.decision_id || ' AND more_id = ' || new.more_id || ' AND less_id = ' || new.less_id);
END;
CREATE TRIGGER history_ahp_judgments_delete AFTER DELETE ON ahp_judgments WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'INSERT INTO ahp_judgments (rowid, decision_id, more_id, less_id, ratio) VALUES (' || '(SELECT CASE WHEN EXISTS (SELECT 1 FROM ahp_judgments WHERE rowid = ' || old.rowid || ') THEN NULL ELSE ' || old.rowid || ' END), ' || quote(old.decision_id) || ', ' || quote(old.more_id) || ', ' || quote(old.less_id) || ', ' || quote(old.ratio) || ')');
END;
CREATE TRIGGER history_ahp_judgments_update AFTER UPDATE ON ahp_judgments WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.ratio IS NOT new.ratio) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE ahp_judgments SET ' || 'ratio = ' || quote(old.ratio) || ' WHERE decision_id = ' || old.decision_id || ' AND more_id = ' || old.more_id || ' AND less_id = ' || old.less_id);
END;

-- A change to a decision made while no step is recorded (by code that does not record, or a
-- future feature) would leave its undo steps describing rows that are no longer there: it forgets
-- them instead, so an undo never replays a step over a decision it does not describe.
CREATE TRIGGER history_decisions_forget_update AFTER UPDATE OF title, context, status, outcome_reason, weighting_method, rank_rule, chosen_option_id ON decisions WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.title IS NOT new.title OR old.context IS NOT new.context OR old.status IS NOT new.status OR old.outcome_reason IS NOT new.outcome_reason OR old.weighting_method IS NOT new.weighting_method OR old.rank_rule IS NOT new.rank_rule OR old.chosen_option_id IS NOT new.chosen_option_id) BEGIN
  DELETE FROM history_steps WHERE decision_id = old.id;
END;
CREATE TRIGGER history_options_forget_update AFTER UPDATE ON options WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.name IS NOT new.name OR old.description IS NOT new.description OR old.decision_id IS NOT new.decision_id OR old.position IS NOT new.position) BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;
CREATE TRIGGER history_options_forget_delete AFTER DELETE ON options WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;
CREATE TRIGGER history_criteria_forget_update AFTER UPDATE ON criteria WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.name IS NOT new.name OR old.description IS NOT new.description OR old.direction IS NOT new.direction OR old.min_label IS NOT new.min_label OR old.max_label IS NOT new.max_label OR old.decision_id IS NOT new.decision_id OR old.scale_min IS NOT new.scale_min OR old.scale_max IS NOT new.scale_max OR old.weight IS NOT new.weight OR old.position IS NOT new.position OR old.points IS NOT new.points OR old.rank_place IS NOT new.rank_place OR old.swing IS NOT new.swing) BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;
CREATE TRIGGER history_criteria_forget_delete AFTER DELETE ON criteria WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;
CREATE TRIGGER history_scores_forget_update AFTER UPDATE ON scores WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.rationale IS NOT new.rationale OR old.source IS NOT new.source OR old.value IS NOT new.value) BEGIN
  DELETE FROM history_steps WHERE decision_id = (SELECT decision_id FROM options WHERE id = old.option_id);
END;
CREATE TRIGGER history_scores_forget_delete AFTER DELETE ON scores WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL BEGIN
  DELETE FROM history_steps WHERE decision_id = (SELECT decision_id FROM options WHERE id = old.option_id);
END;
CREATE TRIGGER history_scenarios_forget_update AFTER UPDATE ON scenarios WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.name IS NOT new.name OR old.created_at IS NOT new.created_at OR old.decision_id IS NOT new.decision_id) BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;
CREATE TRIGGER history_scenarios_forget_delete AFTER DELETE ON scenarios WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;
CREATE TRIGGER history_scenario_weights_forget_update AFTER UPDATE ON scenario_weights WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.weight IS NOT new.weight) BEGIN
  DELETE FROM history_steps WHERE decision_id = (SELECT decision_id FROM scenarios WHERE id = old.scenario_id);
END;
CREATE TRIGGER history_scenario_weights_forget_delete AFTER DELETE ON scenario_weights WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL BEGIN
  DELETE FROM history_steps WHERE decision_id = (SELECT decision_id FROM scenarios WHERE id = old.scenario_id);
END;
CREATE TRIGGER history_ahp_judgments_forget_update AFTER UPDATE ON ahp_judgments WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.ratio IS NOT new.ratio) BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;
CREATE TRIGGER history_ahp_judgments_forget_delete AFTER DELETE ON ahp_judgments WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL BEGIN
  DELETE FROM history_steps WHERE decision_id = old.decision_id;
END;

