-- Saved searches (tìm kiếm đã lưu): a person's query and filters, never its results. Running one always
-- searches again under the runner's own clearance, so sharing a search never shares what it found.
CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY,
    owner       TEXT NOT NULL,                 -- the user (or, on the command line, the login) who saved it
    name        TEXT NOT NULL,
    query       TEXT NOT NULL,
    filters     TEXT NOT NULL DEFAULT '{}',    -- JSON: {"type": "NQ", "issued": "2025", …}
    shared      INTEGER NOT NULL DEFAULT 0,    -- 1: everyone may run it (under their own clearance)
    created_at  TEXT NOT NULL,
    last_run_at TEXT,                          -- when its owner last ran it: "new since" counts start there
    UNIQUE (owner, name)
);
