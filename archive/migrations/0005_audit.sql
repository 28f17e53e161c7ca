-- The audit trail: `events` becomes append-only and hash-chained. Each entry carries the hash of the one
-- before it (`prev_hash`) and its own (`hash`, over prev_hash and its content), so an edited, deleted or
-- reordered entry breaks the chain (`archive audit verify`). AUTOINCREMENT keeps the highest id ever
-- used in sqlite_sequence, so entries cut from the end are noticed too. Existing entries are sealed by
-- the program right after this migration (SQLite has no SHA-256 function).

ALTER TABLE events RENAME TO events_unsealed;

CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,                         -- who: a user's name, or the local account for the CLI
    origin     TEXT NOT NULL DEFAULT 'cli',           -- from where: 'cli', or the web client's address
    action     TEXT NOT NULL,                         -- what: ingest, view, search, metadata.edited, disposal …
    record_id  INTEGER,
    detail     TEXT,                                  -- JSON
    prev_hash  TEXT,
    hash       TEXT
);
INSERT INTO events (id, at, actor, origin, action, record_id, detail)
    SELECT id, at, actor, 'cli', action, record_id, detail FROM events_unsealed ORDER BY id;
DROP TABLE events_unsealed;
CREATE INDEX events_record ON events(record_id);
CREATE INDEX events_at ON events(at);
CREATE INDEX events_action_at ON events(action, at);

-- Append-only: these stop mistakes and careless tools; someone who drops them is caught by the chain.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events WHEN OLD.hash IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
