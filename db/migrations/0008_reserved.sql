-- Placeholder on the `record` branch only: 0008 belongs to another engineer's branch. Delete this
-- file when the branches merge (the migration runner refuses gaps, so the record branch needs it to run).
SELECT 1;
