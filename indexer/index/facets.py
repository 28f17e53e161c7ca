"""Facet counts for a whole result set: one `bincount` per facet over the matching documents' codes."""

from __future__ import annotations

import numpy as np

from indexer.index.doctable import DocTable
from indexer.index.schema import FACET_FIELDS

PUBLIC_NAMES = {"doc_type": "type", "year": "year", "issuer_exact": "issuer", "language": "language",
                "classification": "classification", "hoso": "file"}  # fmt: skip


def count_facets(table: DocTable, mask: np.ndarray, top: int = 30) -> dict[str, list[dict]]:
    """{facet: [{"value", "count"}, …]} most frequent first (years newest first), empty values left out."""
    found = {}
    matching = np.flatnonzero(mask)  # once: a boolean index per facet scanned the whole mask each time
    for field in FACET_FIELDS:
        codes, labels = table.facets[field]
        counts = np.bincount(codes.take(matching), minlength=len(labels))
        pairs = [(labels[i], int(counts[i])) for i in np.flatnonzero(counts) if i != 0]
        key = (lambda p: -p[0]) if field == "year" else (lambda p: (-p[1], str(p[0])))
        found[PUBLIC_NAMES[field]] = [{"value": v, "count": n} for v, n in sorted(pairs, key=key)[:top]]
    return found
