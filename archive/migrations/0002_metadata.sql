-- Official-document metadata, where each value came from, and the symbols each record cites.

ALTER TABLE records ADD COLUMN place TEXT;
ALTER TABLE records ADD COLUMN urgency TEXT;
ALTER TABLE records ADD COLUMN signer TEXT;
ALTER TABLE records ADD COLUMN notes TEXT;
ALTER TABLE records ADD COLUMN doc_number_key TEXT;              -- symbol_key(doc_number), for matching
ALTER TABLE records ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}';  -- JSON: field -> extracted|manifest|edited
CREATE INDEX records_doc_number_key ON records(doc_number_key);

CREATE TABLE citations (
    record_id   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    symbol      TEXT NOT NULL,      -- as printed, tidied
    symbol_key  TEXT NOT NULL,      -- resolved against records.doc_number_key when read
    cited_date  TEXT,               -- the date printed after the symbol, if any
    PRIMARY KEY (record_id, symbol_key)
);
CREATE INDEX citations_key ON citations(symbol_key);
