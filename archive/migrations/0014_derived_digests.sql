-- The SHA-256 of what is made beside an original for reading it, recorded when it is made, so that what
-- the web hands out of it is checked as originals are (archive.upkeep.fixity): the searchable PDF OCR made
-- of a scan (ocr.rendition_sha256) and the PDF LibreOffice made of a DOCX, ODT or HTML for the record page
-- (previews). Renditions made before this have no digest: they are handed out unchecked, and verify counts them.

ALTER TABLE ocr ADD COLUMN rendition_sha256 TEXT;

CREATE TABLE previews (
    sha256      TEXT PRIMARY KEY,              -- of the original: the preview is store/ab/<sha256>.preview.pdf
    pdf_sha256  TEXT NOT NULL,                 -- of the preview PDF as it was made
    size        INTEGER NOT NULL,
    made_at     TEXT NOT NULL
);
