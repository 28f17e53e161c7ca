"""The front door of `indexer`: the names the archive uses, and only these (`__all__`).

Two rooms stand behind it. `indexer.reading` turns a file's bytes into text, pages and metadata and never
imports Whoosh; `indexer.index` is the search index (generations on disk, writing, revisions, purging, the
searcher, snippets and highlights) and is the only importer of `whoosh`. Below both: `indexer.core` (the
errors, messages, types and vocabulary that `archive` re-exports) and `indexer.normalize`. `archive` and
`web` import from here, `indexer.core` or `indexer.normalize` (an import-linter contract holds it); tests
may reach into the rooms."""

from __future__ import annotations

from indexer.index.documents import document_for
from indexer.index.evaluate import Budget, QueryTooBroad
from indexer.index.generations import (
    add_documents,
    add_segment,
    clear_staging,
    copy_live_generation,
    delete_ids,
    index_state,
    indexed_revs,
    indexed_revs_and_copies,
    open_index,
    remove_unused_generations,
    resume_or_create_generation,
    staging_dir,
    swap_in,
    write_segment_files,
)
from indexer.index.highlight import pieces
from indexer.index.purge import purge_ids
from indexer.index.query import FILTER_NAMES, free_words, query_words
from indexer.index.search import SearchHit, SearchIndex
from indexer.index.snippets import plain_snippet
from indexer.index.visibility import Clearance
from indexer.reading import detect, guard
from indexer.reading.detect import sniff
from indexer.reading.extract import clean_text, extract_file
from indexer.reading.extract.office import convert as office_convert
from indexer.reading.language import detect_language
from indexer.reading.metadata import extract_metadata
from indexer.reading.ocr.pages import page_count, page_image
from indexer.reading.ocr.tesseract import PAGE_TIMEOUT, Engine, engine_for, recognise, tesseract_version

__all__ = [
    "FILTER_NAMES",
    "PAGE_TIMEOUT",
    "Budget",
    "Clearance",
    "Engine",
    "QueryTooBroad",
    "SearchHit",
    "SearchIndex",
    "add_documents",
    "add_segment",
    "clean_text",
    "clear_staging",
    "copy_live_generation",
    "delete_ids",
    "detect",
    "detect_language",
    "document_for",
    "engine_for",
    "extract_file",
    "extract_metadata",
    "free_words",
    "guard",
    "index_state",
    "indexed_revs",
    "indexed_revs_and_copies",
    "office_convert",
    "open_index",
    "page_count",
    "page_image",
    "pieces",
    "plain_snippet",
    "purge_ids",
    "query_words",
    "recognise",
    "remove_unused_generations",
    "resume_or_create_generation",
    "sniff",
    "staging_dir",
    "swap_in",
    "tesseract_version",
    "write_segment_files",
]
