"""Facet counts for a whole result set, from index columns, with numpy.

Per searcher, each facet field's column becomes one small integer code per document (built once,
when the searcher opens); counting a result set is then one `bincount` over its document numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from indexer.schema import FACET_FIELDS

PUBLIC_NAMES = {"doc_type": "type", "year": "year", "issuer_exact": "issuer", "language": "language",
                "classification": "classification"}  # fmt: skip


class FacetColumns:
    """Codes and labels of the facet fields for one searcher's documents."""

    def __init__(self, reader) -> None:
        self.codes: dict[str, np.ndarray] = {}
        self.labels: dict[str, list] = {}
        size = reader.doc_count_all()
        for field in FACET_FIELDS:
            labels: dict = {None: 0}
            codes = np.zeros(size, dtype=np.int32)
            if size and reader.has_column(field):
                column = reader.column_reader(field)
                for docnum in range(size):
                    value = _label(column[docnum])
                    codes[docnum] = labels.setdefault(value, len(labels))
            self.codes[field] = codes
            self.labels[field] = list(labels)

    def count(self, docnums: Iterable[int], top: int = 30) -> dict[str, list[dict]]:
        """{facet: [{"value", "count"}, …]} most frequent first (years newest first), empty values left out."""
        docs = np.fromiter(docnums, dtype=np.int64)
        found = {}
        for field in FACET_FIELDS:
            labels = self.labels[field]
            counts = np.bincount(self.codes[field][docs], minlength=len(labels)) if len(docs) else np.zeros(1)
            pairs = [(labels[i], int(n)) for i in np.nonzero(counts)[0] if i != 0 for n in [counts[i]]]
            key = (lambda p: -p[0]) if field == "year" else (lambda p: (-p[1], str(p[0])))
            found[PUBLIC_NAMES[field]] = [{"value": v, "count": n} for v, n in sorted(pairs, key=key)[:top]]
        return found


def _label(value):
    if value in (None, b"", ""):
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value or None
