"""Removing documents for good: delete them and rewrite the segments that held them.

A plain delete only marks documents dead until a merge happens to rewrite their segment, so their words
stay in the files; disposal must really remove a record's words. Segments without deletions stay as
they are, so the cost is one rewrite of the segments concerned.
"""

from __future__ import annotations

from collections.abc import Iterable

from indexer.index.generations import CODEC, POOL_MB


def purge_ids(ix, ids: Iterable[int]) -> int:
    """Delete these record ids from the index and rewrite their segments; returns documents deleted."""
    ids = [str(i) for i in ids]
    if not ids:
        return 0
    writer = ix.writer(limitmb=POOL_MB, codec=CODEC)
    try:
        with ix.searcher() as searcher:
            deleted = sum(writer.delete_by_term("id", i, searcher=searcher) for i in ids)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=_rewrite_segments_with_deletions)
    return deleted


def _rewrite_segments_with_deletions(writer, segments):
    from whoosh.reading import SegmentReader

    kept = []
    for segment in segments:
        if segment.has_deletions():
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)  # copies live documents only
            reader.close()
        else:
            kept.append(segment)
    return kept
