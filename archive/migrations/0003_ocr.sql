-- OCR of scanned pages: per record what ran and how sure it was, per page what it read.
-- A record whose scan waits for an OCR engine has status 'pending'; `archive ocr --pending` does it later.

CREATE TABLE ocr (
    record_id       INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    status          TEXT NOT NULL,              -- pending (no engine yet) | done | failed (no text read)
    needs_review    INTEGER NOT NULL DEFAULT 0, -- 1: mean confidence below the threshold, or a page unread
    engine          TEXT,                       -- tesseract
    engine_version  TEXT,                       -- 5.3.0
    languages       TEXT,                       -- vie+eng
    dpi             INTEGER,                    -- resolution PDF pages were rendered at
    confidence      REAL,                       -- mean word confidence 0–100 over every OCR'd page
    reason          TEXT,                       -- why pending, or why it needs review
    rendition       TEXT,                       -- searchable PDF beside the original in the store, if made
    updated_at      TEXT NOT NULL
);
CREATE INDEX ocr_pending ON ocr(record_id) WHERE status = 'pending';
CREATE INDEX ocr_review ON ocr(record_id) WHERE needs_review = 1;

CREATE TABLE ocr_pages (
    record_id   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    page        INTEGER NOT NULL,   -- 1-based: PDF page or image frame
    content     TEXT NOT NULL,      -- what OCR read, as read (the record's text is the cleaned whole)
    confidence  REAL,               -- mean word confidence; NULL when no word was read
    words       INTEGER NOT NULL,
    error       TEXT,               -- why the page could not be read
    PRIMARY KEY (record_id, page)
);
