-- A decision that a big import or copy is still writing (service/bulk/). It is written in many short
-- transactions, so that other writes never wait long behind it, and stays hidden from every read
-- (db/decisions.ts) until its last transaction removes its row here. A row whose writer process is
-- gone (a crash, a kill, the app closed half way) marks a decision that was never finished: the next
-- start removes that decision (db/unfinished.ts), so an import is kept whole or not at all.
CREATE TABLE decisions_being_written (
  decision_id  INTEGER PRIMARY KEY REFERENCES decisions(id) ON DELETE CASCADE,
  writer_pid   INTEGER NOT NULL
);
