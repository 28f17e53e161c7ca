"""Shared settings of the search benchmark: paths, sizes, query types, logging."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench import corpus as bench_corpus

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(__file__).resolve().parent / "work"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
VERSION = "search-2"  # bump when the home layout, the sampling or the FTS5 schemas change
CHUNK = 5000  # catalog rows per transaction
SAMPLE_DOCS = 1500  # documents kept (reservoir) to draw queries from
SEED = bench_corpus.SEED
LIMIT = 10
TYPES = ("term", "multi", "accented", "phrase", "symbol", "filtered", "sorted", "facets", "highlights")
BACKENDS = ("whoosh_api", "whoosh_raw", "fts_stock", "fts_tuned")
LABELS = {"whoosh_api": "Whoosh API", "whoosh_raw": "Whoosh raw", "fts_stock": "FTS5 stock", "fts_tuned": "FTS5 tuned"}
INDEX_FILES = (
    "indexer/index/analysis.py",
    "indexer/index/schema.py",
    "indexer/index/documents.py",
    "indexer/normalize.py",
)
SECTION = "## Search: Whoosh vs SQLite FTS5 (`bench/search.py`)"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
