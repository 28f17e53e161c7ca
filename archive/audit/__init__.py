"""The hash-chained audit trail: writing entries (`audit`), reading the log (`auditlog`) and the reader's view."""
