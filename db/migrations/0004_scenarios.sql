-- Named weight sets for a decision ("Research-heavy", "Workshop 25 Nov"), applied on demand.
CREATE TABLE scenarios (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  created_at   TEXT    NOT NULL
);
CREATE INDEX scenarios_by_decision ON scenarios(decision_id, id);

CREATE TABLE scenario_weights (
  scenario_id   INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  criterion_id  INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
  weight        REAL    NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (scenario_id, criterion_id)
);
