-- Marks the file as Decision Matrix's own, so a store is recognised before anything writes to it:
-- SQLite's application_id (header offset 68) becomes 0x444D7478, "DMtx" in ASCII (also
-- APPLICATION_ID in db/identity.ts; a test checks the two agree). Stores made before this
-- migration have application_id 0 and are recognised by their exact schema instead.
PRAGMA application_id = 1145926776;

-- One row naming this store (random, fixed at creation) and counting its committed write
-- transactions (db/connection.ts inTransaction adds one to each). Every -wal our writes leave
-- therefore carries this row: a -wal whose copy names another store, or does not continue this
-- file's count, is refused rather than applied (db/wal-fit.ts).
CREATE TABLE store_identity (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  store_id     TEXT    NOT NULL,
  write_count  INTEGER NOT NULL
);
INSERT INTO store_identity (id, store_id, write_count) VALUES (1, lower(hex(randomblob(16))), 0);
