-- Decisions, their options and criteria (each with a weight), and one score per option x criterion.
CREATE TABLE decisions (
  id          INTEGER PRIMARY KEY,
  title       TEXT    NOT NULL,
  context     TEXT    NOT NULL DEFAULT '',
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);

CREATE TABLE options (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  description  TEXT    NOT NULL DEFAULT '',
  position     INTEGER NOT NULL
);
CREATE INDEX options_by_decision ON options(decision_id, position);

CREATE TABLE criteria (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  description  TEXT    NOT NULL DEFAULT '',
  direction    TEXT    NOT NULL DEFAULT 'benefit' CHECK (direction IN ('benefit', 'cost')),
  scale_min    REAL    NOT NULL,
  scale_max    REAL    NOT NULL,
  min_label    TEXT    NOT NULL DEFAULT '',
  max_label    TEXT    NOT NULL DEFAULT '',
  weight       REAL    NOT NULL CHECK (weight >= 0),
  position     INTEGER NOT NULL,
  CHECK (scale_min < scale_max)
);
CREATE INDEX criteria_by_decision ON criteria(decision_id, position);

CREATE TABLE scores (
  option_id     INTEGER NOT NULL REFERENCES options(id) ON DELETE CASCADE,
  criterion_id  INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
  value         REAL,
  rationale     TEXT    NOT NULL DEFAULT '',
  source        TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (option_id, criterion_id)
);
CREATE INDEX scores_by_criterion ON scores(criterion_id);
