-- Placeholder on the `facil` branch only: 0008 belongs to another engineer's branch. Delete this
-- file when the branches merge (the migration runner refuses gaps, so this branch needs it to run).
SELECT 1;
