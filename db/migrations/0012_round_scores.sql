-- Participants score too: a round may ask people to score the options on criteria the facilitator
-- picks, on each criterion's own scale, with an optional reason. The group score of a cell is the
-- mean or the median of the people's scores (score_rule, chosen at the round's start; median by
-- default). Like the weights of 0011, what a participant said outlives the criterion or option it
-- was about: no foreign key to criteria or options (their ids are never reused, row_ids, 0008), so
-- removing one — and undoing that, or restoring a version — never deletes a workshop's scores; a
-- score for a criterion or option the decision no longer has is kept and left out (the repositories
-- join on criteria and options). Scores still go with their participant and round.
ALTER TABLE rounds ADD COLUMN score_rule TEXT NOT NULL DEFAULT 'median' CHECK (score_rule IN ('mean', 'median'));

CREATE TABLE round_score_criteria (
  round_id      INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  criterion_id  INTEGER NOT NULL,
  PRIMARY KEY (round_id, criterion_id)
);

CREATE TABLE participant_scores (
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  option_id       INTEGER NOT NULL,
  criterion_id    INTEGER NOT NULL,
  value           REAL    NOT NULL,
  reason          TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (participant_id, option_id, criterion_id)
);

-- What became of a round now includes its group scores applied to the matrix ('scores-applied').
CREATE TABLE round_outcomes_next (
  id             INTEGER PRIMARY KEY,
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('applied', 'scenario', 'scores-applied')),
  scenario_name  TEXT    NOT NULL DEFAULT '',
  at             TEXT    NOT NULL
);
INSERT INTO round_outcomes_next (id, round_id, kind, scenario_name, at) SELECT id, round_id, kind, scenario_name, at FROM round_outcomes;
DROP TABLE round_outcomes;
ALTER TABLE round_outcomes_next RENAME TO round_outcomes;
CREATE INDEX round_outcomes_by_round ON round_outcomes(round_id, id);
