-- A round's result as it was at the reveal (core/round-snapshot.ts): the group result object as JSON,
-- with a version, and the criteria's and options' names then. Read instead of computing the result
-- again from today's decision, so a score edited later does not change who preferred what in a past
-- round. NULL for an open round, and for rounds revealed before this migration (computed as before).
ALTER TABLE rounds ADD COLUMN result TEXT;

-- Each participant's number in their round, given at join and never changed: "Participant 3" in an
-- anonymous round stays Participant 3 when someone who joined before is removed. Counts everyone who
-- joined, removed or not, in joining order (as existing rows are numbered here).
ALTER TABLE participants ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
UPDATE participants SET number = (SELECT COUNT(*) FROM participants q WHERE q.round_id = participants.round_id AND q.id <= participants.id);

-- What became of a round (round_outcomes, 0009) is part of the step that made it: applying the group
-- weights or keeping them as a scenario, undone, takes its "applied" / "kept as" line away with it,
-- and redone brings it back. Triggers as 0008's (see docs/history.md): while a step is recorded, each
-- row change writes the statement that reverses it; made while none is, it forgets the decision's steps.
CREATE TRIGGER history_round_outcomes_insert AFTER INSERT ON round_outcomes WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'DELETE FROM round_outcomes WHERE id = ' || new.id);
END;
CREATE TRIGGER history_round_outcomes_delete AFTER DELETE ON round_outcomes WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'INSERT INTO round_outcomes (id, round_id, kind, scenario_name, at) VALUES (' || quote(old.id) || ', ' || quote(old.round_id) || ', ' || 'CAST(' || quote(CAST(old.kind AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.scenario_name AS BLOB)) || ' AS TEXT)' || ', ' || 'CAST(' || quote(CAST(old.at AS BLOB)) || ' AS TEXT)' || ')');
END;
CREATE TRIGGER history_round_outcomes_update AFTER UPDATE ON round_outcomes WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NOT NULL AND (old.round_id IS NOT new.round_id OR old.kind IS NOT new.kind OR old.scenario_name IS NOT new.scenario_name OR old.at IS NOT new.at) BEGIN
  INSERT INTO history_log (step_id, statement) VALUES ((SELECT step_id FROM history_recording WHERE id = 1), 'UPDATE round_outcomes SET ' || 'round_id = ' || quote(old.round_id) || ', kind = ' || 'CAST(' || quote(CAST(old.kind AS BLOB)) || ' AS TEXT)' || ', scenario_name = ' || 'CAST(' || quote(CAST(old.scenario_name AS BLOB)) || ' AS TEXT)' || ', at = ' || 'CAST(' || quote(CAST(old.at AS BLOB)) || ' AS TEXT)' || ' WHERE id = ' || old.id);
END;
CREATE TRIGGER history_round_outcomes_forget_update AFTER UPDATE ON round_outcomes WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL AND (old.round_id IS NOT new.round_id OR old.kind IS NOT new.kind OR old.scenario_name IS NOT new.scenario_name OR old.at IS NOT new.at) BEGIN
  DELETE FROM history_steps WHERE decision_id = (SELECT decision_id FROM rounds WHERE id = old.round_id);
END;
CREATE TRIGGER history_round_outcomes_forget_delete AFTER DELETE ON round_outcomes WHEN (SELECT step_id FROM history_recording WHERE id = 1) IS NULL BEGIN
  DELETE FROM history_steps WHERE decision_id = (SELECT decision_id FROM rounds WHERE id = old.round_id);
END;
