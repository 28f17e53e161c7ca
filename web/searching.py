"""The web server's long-lived search index, reopened (not refreshed) after each commit.

Whoosh's `Searcher.refresh()` reuses the reader of every segment whose id is unchanged, and that reader
keeps the deletions it was opened with. A record re-indexed after an edit is deleted from its old
segment and added to a new one, so a refreshed searcher sees both versions: the old one would still
match and count, e.g. at its old, lower classification. Reopening reads every segment's deletions anew;
the per-segment columns and decoded postings stay cached (they do not change), so it costs one open.
"""

from __future__ import annotations

from indexer.search import SearchIndex


class LiveSearchIndex(SearchIndex):
    def _fresh(self):
        if self._searcher is not None and not self._searcher.up_to_date():
            self._searcher.close()
            self._searcher = None  # the base class then opens a new searcher and rebuilds its table
        return super()._fresh()
