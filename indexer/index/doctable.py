"""Per-document columns of the live index as numpy arrays: record ids, deletions, dates, facet codes,
field lengths.

Searching, sorting and facet counting then work on whole arrays instead of one document at a time.
Each segment's arrays are read once and kept (segments never change; only their deletions do), so a
searcher refreshed after a commit reads just the new segments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.columns import TranslatingColumnReader
from whoosh.util.numeric import byte_to_length

from indexer.index.mapped import bytes_column, numeric_column
from indexer.index.postings import ArrayCache
from indexer.index.schema import FACET_FIELDS

MERGED_BYTES = 128 * 1024 * 1024

# Whoosh keeps a field's length per document as one byte; this table turns bytes back into lengths.
BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)
NO_DATE = np.iinfo(np.int64).min


@dataclass
class SegmentColumns:
    """What one segment holds, by local document number."""

    ids: np.ndarray  # record id
    issued: np.ndarray  # sortable date value, NO_DATE when the record has none
    facets: dict[str, tuple[np.ndarray, list]]  # field → (local code per document, label per code)
    lengths: dict[str, np.ndarray] = field(default_factory=dict)  # filled when first needed
    ingested: np.ndarray | None = None  # when the record was archived (the "added" order), NO_DATE if unknown


def read_segment(leaf) -> SegmentColumns:
    """A segment's columns, each read whole (`indexer.index.mapped`) where Whoosh stored it the usual way."""
    size = leaf.doc_count_all()
    facets = {name: _facet(leaf, name, size) for name in FACET_FIELDS}
    return SegmentColumns(
        segment_ids(leaf), _dates(leaf, "issued", size), facets, ingested=_dates(leaf, "ingested", size)
    )


def segment_ids(leaf) -> np.ndarray:
    """A segment's record ids by local document number (deleted documents included)."""
    size = leaf.doc_count_all()
    if not size:
        return np.zeros(0, np.int64)
    raw_ids = bytes_column(leaf.column_reader("id", translate=False), size)
    if raw_ids is not None:
        return raw_ids.astype(np.int64)  # decimal digits, parsed by numpy
    return np.fromiter(map(int, leaf.column_reader("id")), np.int64, size)


def segment_revs(leaf) -> np.ndarray:
    """A segment's record revisions by local document number (deleted documents included)."""
    size = leaf.doc_count_all()
    raw = numeric_column(leaf.column_reader("rev", translate=False), size) if size else None
    rev_field = leaf.schema["rev"]
    base = rev_field.from_column_value(0)
    if raw is None or rev_field.from_column_value(1) != base + 1:  # stored another way: one value at a time
        return np.fromiter(map(int, leaf.column_reader("rev")), np.int64, size)
    return raw.astype(np.int64) + base


def deleted_mask(leaf) -> np.ndarray | None:
    """True for a segment's deleted documents, or None when it has none."""
    if not leaf.has_deletions():
        return None
    mask = np.zeros(leaf.doc_count_all(), dtype=bool)
    mask[list(leaf.segment().deleted_docs())] = True
    return mask


def _dates(leaf, name: str, size: int) -> np.ndarray:
    """A DATETIME column's raw sortable values, NO_DATE where a document has none."""
    dates = np.full(size, NO_DATE, dtype=np.int64)
    if size and leaf.has_column(name):
        # Raw sortable values; a document without a date holds the column's default, 2**64 - 1.
        raw = numeric_column(leaf.column_reader(name, translate=False), size)
        if raw is None:
            raw = np.array(list(leaf.column_reader(name, translate=False)), dtype=np.uint64)
        raw = raw.astype(np.uint64)
        has_date = raw < np.uint64(2**63)
        dates[has_date] = raw[has_date].astype(np.int64)
    return dates


def _facet(leaf, name: str, size: int) -> tuple[np.ndarray, list]:
    """(code per document, label per code, None first): codes from the distinct raw values, each value
    translated once."""
    if not size or not leaf.has_column(name):
        return np.zeros(size, dtype=np.int32), [None]
    translated = leaf.column_reader(name)
    raw_reader = leaf.column_reader(name, translate=False)
    values = numeric_column(raw_reader, size)
    if values is None:
        values = bytes_column(raw_reader, size)
    if values is None:  # stored some other way: one value at a time
        labels: dict = {None: 0}
        codes = np.fromiter((labels.setdefault(_label(v), len(labels)) for v in translated), np.int32, size)
        return codes, list(labels)
    translate = translated._translate if isinstance(translated, TranslatingColumnReader) else (lambda v: v)
    distinct, local = distinct_values(values)
    labels = {None: 0}
    code_of = np.array([labels.setdefault(_label(translate(raw)), len(labels)) for raw in distinct.tolist()], np.int32)
    return code_of[local.reshape(size)], list(labels)


def distinct_values(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`numpy.unique(values, return_inverse=True)`, faster for a bytes column: its values are hashed eight
    bytes at a time and the hashes sorted (sorting the bytes themselves was a third of opening a searcher at
    1,000,000 records); if two values share a hash, the plain way."""
    if values.dtype.kind != "S" or not len(values):
        return np.unique(values, return_inverse=True)
    grid = values.view(np.uint8).reshape(len(values), -1)
    grid = np.pad(grid, ((0, 0), (0, -grid.shape[1] % 8)))
    hashes = np.zeros(len(values), dtype=np.uint64)
    for word in grid.view(np.uint64).T:  # FNV-style: multiply, then mix in the next eight bytes
        hashes = hashes * np.uint64(1099511628211) ^ word
    _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    distinct = values[first]
    if not np.array_equal(distinct[inverse], values):  # a collision: two values, one hash
        return np.unique(values, return_inverse=True)
    return distinct, inverse


def _label(value):
    if value in (None, b"", ""):
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value or None


class DocTable:
    """The whole index's columns, by global document number, for one searcher."""

    def __init__(self, reader, segments: dict[str, SegmentColumns], merged_bytes: int = MERGED_BYTES) -> None:
        self.reader = reader
        # An index with no segment yet (nothing indexed) has one empty leaf with no segment: no columns.
        self.leaves = [
            (leaf, offset, leaf.segment().segment_id())
            for leaf, offset in reader.leaf_readers()
            if leaf.segment() is not None
        ]
        self.size = reader.doc_count_all()
        self._segments = segments
        for leaf, _, key in self.leaves:
            if key not in segments:
                segments[key] = read_segment(leaf)
        parts = [segments[key] for _, _, key in self.leaves]
        self.ids = _join([p.ids for p in parts], np.int64)
        self.issued = _join([p.issued for p in parts], np.int64)
        self.ingested = _join([p.ingested for p in parts], np.int64)
        self.live = np.ones(self.size, dtype=bool)
        for leaf, offset, _ in self.leaves:
            gone = deleted_mask(leaf)
            if gone is not None:
                self.live[offset : offset + len(gone)] &= ~gone
        self.facets = {name: self._join_facet(name, parts) for name in FACET_FIELDS}
        self._lengths: dict[str, tuple[np.ndarray, float]] = {}
        # Postings over all segments, by (field, term), for this searcher's lifetime: a query looks up each
        # word in a dozen fields, and each lookup would otherwise visit every segment.
        self.merged = ArrayCache(merged_bytes)

    def _join_facet(self, name: str, parts: list[SegmentColumns]) -> tuple[np.ndarray, list]:
        labels: dict = {None: 0}
        codes = []
        for part in parts:
            local_codes, local_labels = part.facets[name]
            mapping = np.array([labels.setdefault(label, len(labels)) for label in local_labels], dtype=np.int32)
            codes.append(mapping[local_codes])
        return _join(codes, np.int32), list(labels)

    def lengths(self, field_name: str) -> tuple[np.ndarray, float]:
        """Each document's length in the field (in terms) and the field's mean length."""
        if field_name not in self._lengths:
            parts = []
            for leaf, _, key in self.leaves:
                cached = self._segments[key].lengths
                if field_name not in cached:
                    cached[field_name] = _segment_lengths(leaf, field_name)
                parts.append(cached[field_name])
            lengths = _join(parts, np.float32)
            mean = float(self.reader.field_length(field_name)) / max(1, self.size)
            self._lengths[field_name] = (lengths, mean or 1.0)
        return self._lengths[field_name]


def _segment_lengths(leaf, field_name: str) -> np.ndarray:
    size = leaf.doc_count_all()
    reader = leaf._perdoc._cached_reader(f"_{field_name}_len", LENGTHS_COLUMN)  # Whoosh's per-field length column
    if reader is None:
        return np.zeros(size, dtype=np.float32)
    codes = numeric_column(reader, size)
    if codes is None:
        codes = np.fromiter((v or 0 for v in reader), np.uint8, size)
    return BYTE_LENGTHS[codes]


def _join(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
