"""The audit trail as one viewer with a clearance may read it (the web's admins; `archive audit` on the
command line is the local administrator's and reads it whole).

- An entry about a record the viewer may not know of (hidden now, or disposed while hidden from them) is
  withheld: no id, path, title or symbol of it shows. Only the gaps in the entries' numbers show that some
  were left out, which is as much as checking the hash chain needs.
- A search's query, filters and result count show only when the searcher's clearance and compartments are
  within the viewer's (the clearance recorded with the search, else the searcher's account today; a search
  from the command line is the local administrator's, who sees everything); otherwise the names of the
  withheld fields stand in their place (`{"withheld": ["filters", "query", …]}`).
- Figures over the whole archive (a verification's or a backup's record counts) are left out, and a
  verification lists only the problems of records the viewer may see.
- An entry shown cut has no hash, and an entry's `prev_hash` shows only when the entry before it is shown
  whole: a hash is over the full content, so a short one (a view of record 13 at a given second) could be
  found again by trying every id and second.
- Hashes (an entry's, its `prev_hash`, the chain's head) show only before the viewer's horizon, the first
  entry they may not read whole (an administrator cleared for every record held has none). Each hash
  covers the one before it, so any hash after a withheld entry, with the whole entries between, would let
  a guess at the withheld one be confirmed. Past the horizon the viewer relies on the server's chain check
  (`/api/audit/verify`), or asks an administrator cleared for everything (or the command line) for a head.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from archive.audit.auditlog import Entry, entry_at, entry_of
from archive.catalog import Catalog
from archive.people.access import may_know, may_see, visible_count
from archive.people.users import find_user
from archive.retention.disposals import list_disposals
from indexer import Clearance

SEARCHES = ("search", "search.similar")  # their details say what the searcher saw
ARCHIVE_FIGURES = {"fixity": ("ok", "records", "originals_checked"), "backup": ("records",), "restore": ("records",)}
CUT_ACTIONS = (*SEARCHES, *ARCHIVE_FIGURES, "audit.verify")  # entries about no record that may be shown cut
NO_HORIZON = 2**63  # every entry is shown whole to this viewer


def fixity_seen(detail: dict | None, knows) -> dict:
    """A verification's detail cut to a viewer: `{"sample", "problems"}`, the problems those of records the
    viewer may know of (`knows(record_id)`) and those that name no record; no counts over the archive."""
    detail = detail or {}
    problems = [p for p in detail.get("problems") or [] if p.get("id") is None or knows(p["id"])]
    return {"sample": detail.get("sample"), "problems": problems}


class AuditView:
    """One viewer's reading of the trail; caches what it learns (one per request)."""

    def __init__(self, catalog: Catalog, clearance: Clearance) -> None:
        self.catalog, self.clearance = catalog, clearance
        self._known: dict[int, bool] = {}
        self._searchers: dict[str, Clearance | None] = {}
        self._whole: dict[int, bool] = {}
        self._horizon: int | None = None

    def knows(self, record_id: int) -> bool:
        if record_id not in self._known:
            self._known[record_id] = may_know(self.catalog, record_id, self.clearance)
        return self._known[record_id]

    def entries(self, found: Iterable[Entry]) -> Iterator[Entry]:
        """The entries shown, in the order given: withheld ones left out, the others cut as they must be."""
        for entry in found:
            seen = self.cut(entry)
            self._whole[entry.id] = seen is entry  # the next entry's prev_hash asks
            if seen is None:
                continue
            if seen.prev_hash is not None and not self._before_is_whole(entry.id):
                seen = replace(seen, prev_hash=None)
            if entry.id >= self.horizon():
                seen = replace(seen, prev_hash=None, hash=None)
            yield seen

    def cut(self, entry: Entry) -> Entry | None:
        """None when withheld; the entry itself when shown whole; else a copy cut, without its hash."""
        if entry.record_id is not None and not self.knows(entry.record_id):
            return None
        detail = self._detail(entry)
        return entry if detail is entry.detail else replace(entry, detail=detail, hash=None)

    def is_whole(self, entry_id: int) -> bool:
        """Whether the entry is shown whole (so its hash may be shown: anchors, the chain's head)."""
        if entry_id not in self._whole:
            entry = entry_at(self.catalog.db, entry_id)
            self._whole[entry_id] = entry is not None and self.cut(entry) is entry
        return self._whole[entry_id]

    def head(self, head: str | None) -> str | None:
        """A chain head `ID:HASH`, if that entry is shown whole."""
        entry, _, _ = (head or "").partition(":")
        return head if entry.isdigit() and int(entry) < self.horizon() and self.is_whole(int(entry)) else None

    def horizon(self) -> int:
        """The id of the first entry this viewer may not read whole (NO_HORIZON when there is none): the
        entries that may be cut (about a record, or of a cutting kind) are read in order until one is."""
        if self._horizon is None:
            self._horizon = NO_HORIZON
            if self._sees_everything():  # nothing withheld from them is a secret to them
                return self._horizon
            marks = ", ".join("?" * len(CUT_ACTIONS))
            rows = self.catalog.db.execute(
                f"SELECT * FROM events WHERE record_id IS NOT NULL OR action IN ({marks}) ORDER BY id", CUT_ACTIONS
            )
            for row in rows:
                entry = entry_of(row)
                if self.cut(entry) is not entry:
                    self._horizon = entry.id
                    break
        return self._horizon

    def _sees_everything(self) -> bool:
        """Whether the viewer may see every record and every disposed one (cleared for all that is held)."""
        everything = visible_count(self.catalog, self.clearance) == visible_count(self.catalog, None)
        disposed = list_disposals(self.catalog.db)
        return everything and all(may_see(self.clearance, d.classification, d.compartments) for d in disposed)

    def _before_is_whole(self, entry_id: int) -> bool:
        row = self.catalog.db.execute("SELECT max(id) FROM events WHERE id < ?", (entry_id,)).fetchone()
        return row[0] is None or self.is_whole(row[0])

    def _detail(self, entry: Entry) -> dict | None:
        detail = entry.detail
        if not detail:
            return detail
        if entry.action in SEARCHES and not self._searcher_within(entry):
            return {"withheld": sorted(detail)}
        if entry.action == "fixity":
            return fixity_seen(detail, self.knows)
        if entry.action in ARCHIVE_FIGURES and set(ARCHIVE_FIGURES[entry.action]) & set(detail):
            return {k: v for k, v in detail.items() if k not in ARCHIVE_FIGURES[entry.action]}
        if entry.action == "audit.verify" and detail.get("head") and self.head(detail["head"]) is None:
            return {**detail, "head": None}
        return detail

    def _searcher_within(self, entry: Entry) -> bool:
        recorded = (entry.detail or {}).get("clearance")
        if isinstance(recorded, dict):
            searcher = Clearance(str(recorded.get("level")), frozenset(recorded.get("compartments") or ()))
        else:
            searcher = self._account(entry.actor) if entry.origin != "cli" else None
        return searcher is not None and self.clearance.allows(searcher.level, searcher.compartments)

    def _account(self, name: str) -> Clearance | None:
        if name not in self._searchers:
            user = find_user(self.catalog.db, name)
            self._searchers[name] = user.access if user else None
        return self._searchers[name]
