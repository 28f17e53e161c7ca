"""A relevance set for search quality: a generated corpus of invented Party records (`corpus`), known-item
queries over it (`queries`), and `tests/test_relevance.py`, which ingests the corpus and scores every query."""
