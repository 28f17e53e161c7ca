-- Hồ sơ (files): the fonds (phông) an archive holds, each year's file plan (danh mục hồ sơ), the files
-- themselves (planned or opened ad hoc, open until the matter closes), which documents are filed where and
-- in what order, holds and disposals of whole files, and the filing suggestions an archivist dismissed.

CREATE TABLE fonds (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE COLLATE NOCASE,   -- short name used in file references: TUQT
    name        TEXT NOT NULL,                         -- "Phông Tỉnh ủy Quảng Trị"
    created_at  TEXT NOT NULL
);

CREATE TABLE files (
    id              INTEGER PRIMARY KEY,
    fonds_id        INTEGER NOT NULL REFERENCES fonds(id),
    year            INTEGER NOT NULL,                  -- the year of the file plan it belongs to
    code            TEXT NOT NULL,                     -- as the plan writes it: 01.TH, I.3
    code_key        TEXT NOT NULL,                     -- casefolded, for lookups
    title           TEXT NOT NULL,
    description     TEXT,
    heading         TEXT,                              -- the plan's series or heading
    unit            TEXT,                              -- the unit that makes the file
    keeper          TEXT,                              -- the person who keeps it
    retention       TEXT,                              -- 'permanent' | 'N years' | NULL: the documents' own
    classification  TEXT NOT NULL DEFAULT 'unclassified',  -- of the file's own title and description
    compartments    TEXT,                              -- comma-separated, lower case
    kind            TEXT NOT NULL DEFAULT 'matter' CHECK (kind IN ('matter', 'meeting')),
    meeting_date    TEXT,                              -- ISO date of a meeting file's session
    source          TEXT NOT NULL DEFAULT 'plan',      -- plan | ad hoc
    opened_at       TEXT NOT NULL,
    closed_on       TEXT,                              -- ISO date the matter closed; NULL while open
    disposed_at     TEXT,                              -- set when the whole file was disposed of
    UNIQUE (fonds_id, year, code_key)
);
CREATE INDEX files_code ON files(code_key);
CREATE INDEX files_year ON files(year, code_key);

CREATE TABLE file_items (
    record_id   INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,  -- at most one file per document
    file_id     INTEGER NOT NULL REFERENCES files(id),
    position    INTEGER NOT NULL,                      -- filing order (a meeting's agenda order)
    filed_at    TEXT NOT NULL
);
CREATE INDEX file_items_file ON file_items(file_id, position);

CREATE TABLE file_holds (
    file_id     INTEGER PRIMARY KEY REFERENCES files(id),
    reason      TEXT NOT NULL,
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE TABLE file_disposals (
    file_id      INTEGER PRIMARY KEY REFERENCES files(id),
    disposed_at  TEXT NOT NULL,
    actor        TEXT NOT NULL,
    origin       TEXT NOT NULL,
    authority    TEXT NOT NULL,
    retention    TEXT NOT NULL,                        -- the period that had ended, counted from the closing
    records      TEXT NOT NULL,                        -- JSON: the ids of the documents disposed with it
    metadata     TEXT NOT NULL                         -- JSON: the file's description as it was
);

CREATE TABLE file_suggestions (
    record_id   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    file_id     INTEGER NOT NULL REFERENCES files(id),
    decision    TEXT NOT NULL CHECK (decision IN ('dismissed')),
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (record_id, file_id)
);
