"""A record on the web: `reading` (its page and JSON, downloads and previews, for every reader), `editing`
(metadata edits, declassifying and legal holds, page forms and JSON, for archivists), and `shown` (what the
record page shows, as data both use)."""
