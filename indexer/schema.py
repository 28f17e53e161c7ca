"""The Whoosh schema and its version; a version change makes `archive reindex` rebuild the index."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from indexer.analysis import english_analyzer, exact_analyzer, folding_analyzer, pairs_analyzer

SCHEMA_VERSION = 4

# Facets are counted from these columns; each value is a short code or name.
FACET_FIELDS = ("doc_type", "year", "issuer_exact", "language", "classification")


def build_schema() -> Schema:
    """Fields searched and filtered on. Display values come from the catalog, not from the index."""
    folded, exact, english = folding_analyzer(), exact_analyzer(), english_analyzer()
    return Schema(
        id=ID(unique=True, stored=True, sortable=True),
        rev=NUMERIC(stored=True, sortable=True),
        # The title is the summary line (trích yếu): it weighs more than the body.
        title=TEXT(analyzer=folded, field_boost=3.0),
        title_exact=TEXT(analyzer=exact, field_boost=3.0),
        title_en=TEXT(analyzer=english, field_boost=3.0),
        body=TEXT(analyzer=folded, spelling=True),
        body_exact=TEXT(analyzer=exact),
        body_pairs=TEXT(analyzer=pairs_analyzer(), phrase=False),
        body_en=TEXT(analyzer=english),
        filename=TEXT(analyzer=folded, field_boost=1.5),
        doc_number=ID(field_boost=4.0),  # symbol_key(): one token per record
        citations=KEYWORD(),  # symbol keys of the records this one cites
        doc_type=ID(sortable=True),
        type_name=TEXT(analyzer=folded),  # "Kế hoạch Plan": the type's names, so "ke hoach …" weighs the type
        issuer=TEXT(analyzer=folded, field_boost=1.5),
        issuer_exact=ID(sortable=True),
        signer=TEXT(analyzer=folded),
        notes=TEXT(analyzer=folded),
        urgency=ID(),
        language=ID(sortable=True),
        classification=ID(sortable=True),
        year=NUMERIC(sortable=True),
        issued=DATETIME(sortable=True),
        ingested=DATETIME(sortable=True),
    )
