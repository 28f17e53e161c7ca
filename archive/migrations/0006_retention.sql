-- Retention: legal holds, and the disposal records that outlive disposed records.

CREATE TABLE holds (
    record_id   INTEGER PRIMARY KEY REFERENCES records(id),
    reason      TEXT NOT NULL,
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE TABLE disposals (
    record_id       INTEGER PRIMARY KEY,              -- the disposed record's id, never given to another
    disposed_at     TEXT NOT NULL,
    actor           TEXT NOT NULL,
    origin          TEXT NOT NULL,
    authority       TEXT NOT NULL,                    -- the decision that approved it ("Quyết định số …")
    sha256          TEXT NOT NULL,
    size            INTEGER NOT NULL,
    filename        TEXT NOT NULL,
    classification  TEXT NOT NULL,                    -- kept so that only those who could see it learn of it
    compartments    TEXT,
    retention       TEXT NOT NULL,                    -- the period that had ended, and the rule it came from
    metadata        TEXT NOT NULL,                    -- JSON: the record's metadata as it was
    purged          INTEGER NOT NULL DEFAULT 0        -- 1 once index and store no longer hold it
);
CREATE INDEX disposals_unpurged ON disposals(record_id) WHERE purged = 0;
