-- Handing files on: preservation copies (PDF/A) of each record, this archive's identity, what came in from
-- another archive's transfer packages, and transfer records of what was handed on.

CREATE TABLE renditions (
    record_id    INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    status       TEXT NOT NULL,                  -- pending (no tool yet) | done | failed
    sha256       TEXT,                           -- of the PDF/A copy beside the original in the store
    size         INTEGER,
    tool         TEXT,                           -- ocrmypdf | libreoffice, with its version
    part         TEXT,                           -- PDF/A part and conformance read back from the copy: 2, B
    conformance  TEXT,
    reason       TEXT,                           -- why pending or failed
    made_at      TEXT NOT NULL
);
CREATE INDEX renditions_pending ON renditions(record_id) WHERE status <> 'done';

CREATE TABLE archive_identity (
    key    TEXT PRIMARY KEY,                     -- archive_id: a UUID made once, named in every package
    value  TEXT NOT NULL
);

CREATE TABLE imports (
    source_archive  TEXT NOT NULL,               -- the archive_id of the home that made the package
    source_id       INTEGER NOT NULL,            -- the record's id there
    record_id       INTEGER NOT NULL,            -- here: the new record, or the one holding the same bytes
    status          TEXT NOT NULL,               -- added | duplicate
    package         TEXT NOT NULL,               -- the package's External-Identifier
    source_name     TEXT,                        -- the source's Source-Organization
    imported_at     TEXT NOT NULL,
    PRIMARY KEY (source_archive, source_id)
);
CREATE INDEX imports_record ON imports(record_id);

CREATE TABLE transfers (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    origin        TEXT NOT NULL,
    recipient     TEXT NOT NULL,                 -- the archive the files went to
    decision      TEXT NOT NULL,                 -- the decision or minutes of handing over ("Biên bản …")
    file_code     TEXT,                          -- the hồ sơ handed on, when by file
    package       TEXT,                          -- the package's External-Identifier, when one was checked
    records       TEXT NOT NULL,                 -- JSON: [{id, sha256, filename, title, classification, …}]
    removed       INTEGER NOT NULL DEFAULT 0,    -- 1: local copies are to go (0: kept)
    purged        INTEGER NOT NULL DEFAULT 0     -- 1 once index and store no longer hold them
);

-- Records handed on and removed here: their ids are never given again, and a reader learns nothing new.
CREATE TABLE transferred (
    record_id       INTEGER PRIMARY KEY,
    transfer_id     INTEGER NOT NULL REFERENCES transfers(id),
    sha256          TEXT NOT NULL,
    classification  TEXT NOT NULL,
    compartments    TEXT
);
