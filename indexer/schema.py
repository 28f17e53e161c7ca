"""The Whoosh schema and its version; a version change makes `archive reindex` rebuild the index."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from indexer.analysis import folding_analyzer

SCHEMA_VERSION = 2


def build_schema() -> Schema:
    """Fields searched and filtered on. Display values come from the catalog, not from the index."""
    text = folding_analyzer()
    return Schema(
        id=ID(unique=True, stored=True, sortable=True),
        rev=NUMERIC(stored=True, sortable=True),
        title=TEXT(analyzer=text, field_boost=3.0),
        body=TEXT(analyzer=text),
        filename=TEXT(analyzer=text, field_boost=1.5),
        doc_number=ID(field_boost=4.0),  # symbol_key(): one token per record
        citations=KEYWORD(),  # symbol keys of the records this one cites
        doc_type=ID(sortable=True),
        issuer=TEXT(analyzer=text, field_boost=1.5),
        issuer_exact=ID(sortable=True),  # for filters and facets
        signer=TEXT(analyzer=text),
        notes=TEXT(analyzer=text),
        urgency=ID(),
        year=NUMERIC(sortable=True),
        language=ID(sortable=True),
        classification=ID(sortable=True),
        issued=DATETIME(sortable=True),
        ingested=DATETIME(sortable=True),
    )
