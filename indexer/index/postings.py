"""A term's postings as numpy arrays (document numbers and term frequencies), cached per segment.

Whoosh's matchers walk postings one document at a time in Python, about a microsecond each; a word
found in most of 100,000 records then costs tens of milliseconds before any scoring. Here a posting
list is decoded a block at a time (each block is a pickled tuple of id deltas and weights) straight
into arrays, and kept in a size-bounded cache: segments never change once written, so an entry stays
right until its segment is merged away.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound

CACHE_BYTES = 256 * 1024 * 1024
ENTRY_BYTES = 200  # key and tuple overhead, so that cached absences count against the budget too
EMPTY = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


def segment_postings(leaf, field: str, term: str):
    """A segment's raw matcher for a term (deleted documents included: searches mask them with the live
    column), or None when the segment lacks the term. One dictionary lookup; `leaf.postings` would wrap the
    matcher in a per-document deletion filter that the block decoder cannot read."""
    try:
        return leaf._terms.matcher(field, leaf._text_to_bytes(field, term), leaf.schema[field].format)
    except TermNotFound:
        return None


def decode(matcher) -> tuple[np.ndarray, np.ndarray]:
    """All (document number, weight) pairs of a leaf matcher, in document order."""
    if type(matcher) is W3LeafMatcher:
        return _decode_blocks(matcher)
    docs, weights = [], []
    while matcher.is_active():  # other matchers (e.g. inlined postings): the slow, general way
        docs.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(docs, dtype=np.int32), np.array(weights, dtype=np.float32)


def _decode_blocks(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    # Relies on the W3 codec's block layout (whoosh-reloaded 2.7.5 is pinned); tests compare the
    # result with the general path above.
    docs, weights = [], []
    while True:
        matcher._read_data()
        deltas, block_weights = matcher._data[0], matcher._data[1]
        count = matcher._blocklength
        docs.append(np.array(deltas, dtype=np.int64))
        if block_weights is None:
            weights.append(np.ones(count, dtype=np.float32))
        elif isinstance(block_weights, float):
            weights.append(np.full(count, block_weights, dtype=np.float32))
        else:
            weights.append(np.array(block_weights, dtype=np.float32))
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    # Ids are delta-encoded within each block, starting from 0: one running sum over all blocks,
    # less the sum carried over from the blocks before.
    sizes = [len(d) for d in docs]
    ids = np.cumsum(np.concatenate(docs))
    ends = np.cumsum(sizes)
    carried = np.concatenate(([0], ids[ends[:-1] - 1]))
    ids -= np.repeat(carried, sizes)
    return ids.astype(np.int32), np.concatenate(weights)


class ArrayCache:
    """(docs, weights) pairs by key, least recently used evicted past a byte budget; thread-safe."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[tuple, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, key: tuple) -> tuple[np.ndarray, np.ndarray] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def keep(self, key: tuple, found: tuple[np.ndarray, np.ndarray]) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = found
            self.size += found[0].nbytes + found[1].nbytes + ENTRY_BYTES
            while self.size > self.max_bytes and len(self._entries) > 1:
                _, (docs, weights) = self._entries.popitem(last=False)
                self.size -= docs.nbytes + weights.nbytes + ENTRY_BYTES


class PostingCache(ArrayCache):
    """Decoded postings keyed by (segment, field, term): right for as long as the segment exists."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        super().__init__(max_bytes)

    def get(self, leaf, segment: str, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        key = (segment, field, term)
        found = self.lookup(key)
        if found is None:
            # Absent terms are cached too: a query looks for each word in every text field of every segment.
            matcher = segment_postings(leaf, field, term)
            found = EMPTY if matcher is None else decode(matcher)
            self.keep(key, found)
        return found
