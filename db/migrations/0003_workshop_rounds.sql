-- Workshop rounds: people in the room give their own weights for a decision's criteria.
-- Rounds are history: closing one keeps it, and a new round never overwrites an old one.
CREATE TABLE rounds (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  join_code    TEXT    NOT NULL,
  state        TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'revealed', 'closed')),
  anonymous    INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  rule         TEXT    NOT NULL DEFAULT 'geometric-mean' CHECK (rule IN ('mean', 'geometric-mean', 'median')),
  share_result INTEGER NOT NULL DEFAULT 0 CHECK (share_result IN (0, 1)),
  ends_at      TEXT,
  created_at   TEXT    NOT NULL,
  closed_at    TEXT
);
CREATE INDEX rounds_by_decision ON rounds(decision_id, id);
-- A join code is unique among rounds that are not closed.
CREATE UNIQUE INDEX rounds_live_code ON rounds(join_code) WHERE state <> 'closed';

CREATE TABLE participants (
  id            INTEGER PRIMARY KEY,
  round_id      INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  display_name  TEXT    NOT NULL DEFAULT '',
  token_hash    TEXT    NOT NULL UNIQUE,
  joined_at     TEXT    NOT NULL,
  submitted_at  TEXT
);
CREATE INDEX participants_by_round ON participants(round_id);

CREATE TABLE submissions (
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  criterion_id    INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
  weight          REAL    NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (participant_id, criterion_id)
);
