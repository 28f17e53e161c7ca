"""Files in: ingest and its worker pool, scans and their OCR pages, manifests, re-extraction and the OCR review."""
