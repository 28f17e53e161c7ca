-- Who may see what: users with a role and a clearance, their API tokens and web sessions, and the
-- compartments (units) a record belongs to. Secrets (tokens, session ids) are stored only as SHA-256.

ALTER TABLE records ADD COLUMN compartments TEXT;     -- comma-separated, lower case; a reader must hold them all

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    role            TEXT NOT NULL CHECK (role IN ('reader', 'archivist', 'admin')),
    clearance       TEXT NOT NULL CHECK (clearance IN ('unclassified', 'confidential', 'secret', 'top_secret')),
    compartments    TEXT,                             -- comma-separated, lower case
    password_hash   TEXT,                             -- argon2id (PHC string); NULL: no web login
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE tokens (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,                 -- SHA-256 of the token; the token itself is shown once
    label       TEXT,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY,                     -- SHA-256 of the cookie's value
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,                        -- the token every form and state-changing request carries
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    origin      TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
