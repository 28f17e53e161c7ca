"""A relevance set for search quality: a generated corpus of invented Party records (`corpus`), known-item
queries over it (`queries`), the tuned FTS5 they are compared with (`fts5`) and the measurement (`measure`):
the corpus ingested, every query scored; `tests/test_relevance.py` holds the floors, `bench/relevance.py` writes
the table to `bench/RESULTS.md`."""
