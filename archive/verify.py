"""Check the archive end to end: originals against their SHA-256, catalog ↔ store ↔ index."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from archive.catalog import Catalog
from archive.store import Store
from indexer.index import index_state, indexed_revs, open_index


@dataclass(frozen=True)
class Problem:
    kind: str  # missing_original | corrupt_original | orphaned_original | missing_text | index_missing |
    #            index_outdated | missing_from_index | orphaned_in_index | stale_in_index
    record_id: int | None
    detail: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.record_id, "detail": self.detail}


@dataclass
class VerifyReport:
    records: int = 0
    originals_checked: int = 0
    indexed: int = 0
    problems: list[Problem] | None = None
    sample: int | None = None  # originals re-hashed were a random subset of this size

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "records": self.records,
            "originals_checked": self.originals_checked,
            "indexed": self.indexed,
            "problems": [p.to_dict() for p in self.problems or []],
            "sample": self.sample,
        }


def verify(
    catalog: Catalog,
    store: Store,
    index_dir,
    *,
    progress: Callable[[int], None] | None = None,
    sample: int | None = None,
) -> VerifyReport:
    """Recompute every original's hash (or those of `sample` records drawn at random) and compare the
    three parts; nothing is changed. Presence in store, text and index is checked for every record."""
    problems: list[Problem] = []
    report = VerifyReport(problems=problems, sample=sample)
    drawn = (
        set(random.SystemRandom().sample(sorted(catalog.id_revs()), min(sample, catalog.count()))) if sample else None
    )
    digests = set()
    without_text = set(catalog.records_without_text())
    for record in catalog.iter_records():
        report.records += 1
        digests.add(record.sha256)
        if record.id in without_text:
            problems.append(Problem("missing_text", record.id, "the catalog has no extracted text"))
        if not store.exists(record.sha256):
            problems.append(Problem("missing_original", record.id, f"original {record.sha256} is not in the store"))
        elif drawn is None or record.id in drawn:
            actual = store.hash_of(record.sha256)
            report.originals_checked += 1
            if actual != record.sha256:
                problems.append(
                    Problem("corrupt_original", record.id, f"original hashes to {actual}, not {record.sha256}")
                )
        if progress:
            progress(1)
    for digest in store.iter_digests():
        if digest not in digests:
            problems.append(Problem("orphaned_original", None, f"store blob {digest} belongs to no record"))
    problems.extend(_index_problems(catalog, index_dir, report))
    return report


def _index_problems(catalog: Catalog, index_dir, report: VerifyReport) -> list[Problem]:
    state = index_state(index_dir)
    if state != "ok":
        return [Problem(f"index_{state}", None, "the search index must be rebuilt: run `archive reindex`")]
    in_index = indexed_revs(open_index(index_dir))
    report.indexed = len(in_index)
    in_catalog = catalog.id_revs()
    found = []
    for record_id, rev in sorted(in_catalog.items()):
        if record_id not in in_index:
            found.append(Problem("missing_from_index", record_id, "the record is not in the search index"))
        elif in_index[record_id] != rev:
            found.append(
                Problem("stale_in_index", record_id, f"index has revision {in_index[record_id]}, catalog {rev}")
            )
    for record_id in sorted(set(in_index) - set(in_catalog)):
        found.append(Problem("orphaned_in_index", record_id, "the index holds a record the catalog does not"))
    return found
