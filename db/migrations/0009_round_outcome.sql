-- What became of a workshop round's group weights: applied to the decision's weights, kept as a
-- named scenario (the name as it was kept; the scenario may be renamed or deleted later), or
-- neither (no row). One row per action, in the order they were taken.
CREATE TABLE round_outcomes (
  id             INTEGER PRIMARY KEY,
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('applied', 'scenario')),
  scenario_name  TEXT    NOT NULL DEFAULT '',
  at             TEXT    NOT NULL
);
CREATE INDEX round_outcomes_by_round ON round_outcomes(round_id, id);
