-- Running a round in a real room: a round has a name the facilitator gives it (empty when none),
-- and the facilitator can remove a participant (a duplicate, someone who left): a removed
-- participant stays on record with when they were removed, and their weights no longer count.
ALTER TABLE rounds ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN removed_at TEXT;
