-- Ingest looks up every file's SHA-256 among disposed records: bytes once disposed of are not archived again.

CREATE INDEX disposals_sha256 ON disposals(sha256);
