"""The Whoosh schema and its version; a version change makes `archive reindex` rebuild the index."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.system import pack_uint

from indexer.index import analysis
from indexer.index.analysis import (
    english_analyzer,
    exact_analyzer,
    exact_view,
    folded_view,
    folding_analyzer,
    pairs_analyzer,
    pairs_view,
)

SCHEMA_VERSION = 5

# Facets are counted from these columns; each value is a short code or name.
FACET_FIELDS = ("doc_type", "year", "issuer_exact", "language", "classification")


class ViewText(TEXT):
    """A text field without positions, indexed from a view function that gives the same terms as its
    analyzer (which still reads queries), counted with Counter rather than token by token."""

    def __init__(self, analyzer, view: Callable[[str], list[str]], **kwargs) -> None:
        super().__init__(analyzer=analyzer, phrase=False, **kwargs)
        self.view = view

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            return super().index(value, **kwargs)
        counts = Counter(self.view(value))
        return ((term.encode("utf-8"), n, float(n), pack_uint(n)) for term, n in counts.items())


def build_schema() -> Schema:
    """Fields searched and filtered on. Display values come from the catalog, not from the index.

    No text field keeps positions except `issuer` (its filter is a phrase): phrases are matched on the
    adjacent-pairs view, which is what makes them fast. Field weights are given at query time
    (`indexer.index.query.FIELD_BOOSTS`), not stored in term weights."""
    folded, exact, english = folding_analyzer(), exact_analyzer(), english_analyzer()
    return Schema(
        id=ID(unique=True, stored=True, sortable=True),
        rev=NUMERIC(stored=True, sortable=True),
        title=ViewText(folded, folded_view),  # the summary line (trích yếu)
        title_exact=ViewText(exact, exact_view),
        title_en=TEXT(analyzer=english, phrase=False),
        body=ViewText(folded, folded_view, spelling=True),
        body_exact=ViewText(exact, exact_view),
        body_pairs=ViewText(pairs_analyzer(), pairs_view),
        body_en=TEXT(analyzer=english, phrase=False),
        filename=ViewText(folded, folded_view),
        doc_number=ID(),  # symbol_key(): one token per record
        citations=KEYWORD(),  # symbol keys of the records this one cites
        doc_type=ID(sortable=True),
        type_name=ViewText(folded, folded_view),  # "Kế hoạch Plan": the type's names, so "ke hoach …" weighs the type
        issuer=TEXT(analyzer=folded),
        issuer_exact=ID(sortable=True),
        signer=ViewText(folded, folded_view),
        notes=ViewText(folded, folded_view),
        urgency=ID(),
        language=ID(sortable=True),
        classification=ID(sortable=True),
        compartments=KEYWORD(commas=True, lowercase=True),  # units a reader must also belong to (access control)
        year=NUMERIC(sortable=True),
        issued=DATETIME(sortable=True),
        ingested=DATETIME(sortable=True),
    )


# Whoosh keeps the schema pickled inside every index, naming the modules of its classes. Indexes written before
# the index room existed name `indexer.schema` and `indexer.analysis`: those names stay importable, so a home
# made then opens and searches without a rebuild (the home's on-disk layout is a public interface).
sys.modules.setdefault("indexer.schema", sys.modules[__name__])
sys.modules.setdefault("indexer.analysis", analysis)
