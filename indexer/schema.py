"""The Whoosh schema and its version; a version change makes `archive reindex` rebuild the index."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from indexer.analysis import folding_analyzer

SCHEMA_VERSION = 1


def build_schema() -> Schema:
    """Fields searched and filtered on. Display values come from the catalog, not from the index."""
    text = folding_analyzer()
    return Schema(
        id=ID(unique=True, stored=True, sortable=True),
        rev=NUMERIC(stored=True, sortable=True),
        title=TEXT(analyzer=text, field_boost=3.0),
        body=TEXT(analyzer=text),
        filename=TEXT(analyzer=text, field_boost=1.5),
        doc_number=KEYWORD(lowercase=True, field_boost=4.0),
        doc_type=ID(sortable=True),
        issuer=TEXT(analyzer=text, field_boost=1.5),
        language=ID(sortable=True),
        classification=ID(sortable=True),
        issued=DATETIME(sortable=True),
        ingested=DATETIME(sortable=True),
    )
