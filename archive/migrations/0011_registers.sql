-- Registers of incoming and outgoing documents (sổ đăng ký văn bản đến / đi) and follow-up tasks
-- (theo dõi thực hiện) attached to directing documents.

-- What a registry desk writes on a record, each with its provenance like the other fields.
ALTER TABLE records ADD COLUMN direction TEXT;            -- incoming | outgoing | internal
ALTER TABLE records ADD COLUMN register TEXT;             -- the register it is numbered in (register_entries)
ALTER TABLE records ADD COLUMN register_number INTEGER;   -- its number there, 1..n per register and year
ALTER TABLE records ADD COLUMN received TEXT;             -- YYYY-MM-DD or YYYY-MM-DD HH:MM (the hour when urgent)
ALTER TABLE records ADD COLUMN sender TEXT;
ALTER TABLE records ADD COLUMN recipients TEXT;           -- nơi nhận, entries joined by "; "
ALTER TABLE records ADD COLUMN routed_to TEXT;            -- unit or person it was sent on to
ALTER TABLE records ADD COLUMN copies INTEGER;

-- One row per number ever given: never deleted, so a number is never given twice. A disposed record's row
-- stays, its record gone: the disposal record (disposals) says why the number is now a gap.
CREATE TABLE register_entries (
    id              INTEGER PRIMARY KEY,
    register        TEXT NOT NULL,                        -- in | in-classified | out | out-classified
    year            INTEGER NOT NULL,
    day             TEXT NOT NULL,                        -- the day it was received (in) or issued (out)
    number          INTEGER NOT NULL CHECK (number >= 1),
    record_id       INTEGER NOT NULL UNIQUE,              -- a document is registered once
    registered_at   TEXT NOT NULL,
    actor           TEXT NOT NULL,
    UNIQUE (register, year, number)
);
CREATE INDEX register_entries_year ON register_entries(register, year, number);

-- Tasks a directing document (resolution, directive, conclusion) sets, and their deadlines. A task is seen
-- only by those who may see its directing document: its classification and compartments are that record's.
CREATE TABLE followup_tasks (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,    -- never reused
    record_id       INTEGER NOT NULL,                     -- the directing document
    kind            TEXT NOT NULL DEFAULT 'task'
                    CHECK (kind IN ('task', 'preliminary_review', 'final_review')),
    task            TEXT NOT NULL,
    lead            TEXT NOT NULL,                        -- the unit in charge
    due             TEXT NOT NULL,                        -- YYYY-MM-DD
    every_months    INTEGER CHECK (every_months IS NULL OR every_months >= 1),
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    evidence_id     INTEGER,                              -- the record showing it was done
    done_at         TEXT,
    done_by         TEXT,
    next_id         INTEGER,                              -- the repeat created when it was done
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX followup_tasks_record ON followup_tasks(record_id);
CREATE INDEX followup_tasks_open ON followup_tasks(status, due);

-- Candidates for evidence that a person dismissed (the others are found from citations when read).
CREATE TABLE followup_dismissed (
    task_id         INTEGER NOT NULL REFERENCES followup_tasks(id),
    record_id       INTEGER NOT NULL,
    actor           TEXT NOT NULL,
    at              TEXT NOT NULL,
    PRIMARY KEY (task_id, record_id)
);

CREATE TRIGGER register_entries_no_delete BEFORE DELETE ON register_entries
BEGIN
    SELECT RAISE(ABORT, 'register numbers are never taken back');
END;
