-- The catalog: the archive's system of record. The search index is derived from these tables.

CREATE TABLE records (
    id              INTEGER PRIMARY KEY,
    sha256          TEXT NOT NULL UNIQUE,           -- identity of the original bytes in store/
    size            INTEGER NOT NULL,
    mime            TEXT NOT NULL,
    filename        TEXT NOT NULL,
    source_path     TEXT,
    title           TEXT,
    language        TEXT,
    issued          TEXT,                           -- ISO date
    doc_number      TEXT,
    doc_type        TEXT,
    issuer          TEXT,
    classification  TEXT NOT NULL DEFAULT 'unclassified',
    retention       TEXT,
    extractor       TEXT,
    pages           INTEGER,
    batch_id        INTEGER REFERENCES batches(id),
    ingested_at     TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    rev             INTEGER NOT NULL DEFAULT 1,     -- bumped by every change the index must see
    indexed_rev     INTEGER                         -- rev last committed to the index; NULL = not yet
);
CREATE INDEX records_pending_index ON records(id) WHERE indexed_rev IS NULL OR indexed_rev <> rev;

CREATE TABLE texts (
    record_id   INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    content     TEXT NOT NULL
);

CREATE TABLE batches (
    id           INTEGER PRIMARY KEY,
    command      TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    status       TEXT NOT NULL DEFAULT 'running',  -- running | finished | interrupted
    counts       TEXT                               -- JSON: outcome -> count
);

CREATE TABLE batch_files (
    id         INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES batches(id),
    path       TEXT NOT NULL,
    status     TEXT NOT NULL,                       -- added | duplicate | unsupported | failed
    record_id  INTEGER,
    reason     TEXT,
    sha256     TEXT,
    at         TEXT NOT NULL
);
CREATE INDEX batch_files_batch ON batch_files(batch_id);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    record_id  INTEGER,
    detail     TEXT                                 -- JSON
);
CREATE INDEX events_record ON events(record_id);
