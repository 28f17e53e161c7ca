"""The writer session's index writer: the live search index, opened on first use through the `indexer` front
door, once per session, and closed when the session ends. Every writing command changes the index through
it (`Writer.reindex`, `Writer.add`, `Writer.purge`); nothing outside `archive.upkeep` opens the index to write
(tests/test_architecture.py)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from archive.catalog import Catalog
from archive.upkeep.reindex import reindex_records
from indexer import add_documents, index_state, open_index, purge_ids


class IndexWriter:
    """The live index of one home, for one writer session (the writer lock held)."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._ix = None

    def handle(self, *, create: bool = False):
        """The live index, opened once. Without `create` a home with no index, or one built by another
        version, is refused (`IndexOutdatedError`: run `archive reindex`) rather than given an index holding
        only the records this command wrote; `create` makes an empty one (ingest, a transfer import)."""
        if self._ix is None:
            self._ix = open_index(self.index_dir, create=create)
        return self._ix

    def reindex(self, catalog: Catalog, ids: list[int]) -> int:
        """Write these records' current revisions (one commit) and note them indexed; how many."""
        if not ids:
            return 0
        return reindex_records(catalog, self.handle(), ids)

    def add(self, documents: Iterable[dict]) -> None:
        """Add new documents in one commit (ingest's batches, their revisions noted by the caller)."""
        add_documents(self.handle(create=True), documents)

    def purge(self, ids: list[int]) -> None:
        """Take records out of the index for good (disposed of, handed on). A home whose index is missing or
        outdated has nothing to purge: its rebuild reads the catalog, where they are gone."""
        if ids and (self._ix is not None or index_state(self.index_dir) == "ok"):
            purge_ids(self.handle(), ids)

    def close(self) -> None:
        if self._ix is not None:
            self._ix.close()
            self._ix = None
