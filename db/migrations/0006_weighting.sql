-- How each decision's weights are elicited, and every method's inputs, kept side by side so a
-- switch of method loses nothing. The slider values stay in criteria.weight (direct).
ALTER TABLE decisions ADD COLUMN weighting_method TEXT NOT NULL DEFAULT 'direct'
  CHECK (weighting_method IN ('direct', 'points', 'rank', 'swing', 'ahp'));
ALTER TABLE decisions ADD COLUMN rank_rule TEXT NOT NULL DEFAULT 'roc'
  CHECK (rank_rule IN ('roc', 'rank-sum', 'reciprocal'));

-- points: out of 100; rank_place: 1 is most important, equal places tie; swing: 0-100.
ALTER TABLE criteria ADD COLUMN points REAL CHECK (points IS NULL OR points >= 0);
ALTER TABLE criteria ADD COLUMN rank_place INTEGER CHECK (rank_place IS NULL OR rank_place >= 1);
ALTER TABLE criteria ADD COLUMN swing REAL CHECK (swing IS NULL OR (swing >= 0 AND swing <= 100));

-- AHP: "more" matters `ratio` times as much as "less" (Saaty's 1-9); one judgment per pair.
CREATE TABLE ahp_judgments (
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  more_id      INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
  less_id      INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
  ratio        REAL    NOT NULL CHECK (ratio >= 1 AND ratio <= 9),
  CHECK (more_id <> less_id)
);
CREATE UNIQUE INDEX ahp_judgments_one_per_pair ON ahp_judgments(decision_id, min(more_id, less_id), max(more_id, less_id));
