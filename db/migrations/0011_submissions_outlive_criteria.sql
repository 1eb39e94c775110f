-- What a participant said about a criterion outlives the criterion: removing one (and undoing that
-- removal, redoing it, or restoring a version without it) must never delete a workshop's weights,
-- closed rounds' included. A weight for a criterion the decision no longer has is kept and left out
-- (the repositories join on criteria); criterion ids are never reused (row_ids, 0008), so a
-- criterion brought back by undo finds its weights again. The weights still go with their participant.
CREATE TABLE submissions_kept (
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  criterion_id    INTEGER NOT NULL,
  weight          REAL    NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (participant_id, criterion_id)
);
INSERT INTO submissions_kept (participant_id, criterion_id, weight) SELECT participant_id, criterion_id, weight FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_kept RENAME TO submissions;
