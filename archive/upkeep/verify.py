"""Check the archive end to end: originals against their SHA-256, catalog ↔ store ↔ index."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from archive.catalog import Catalog
from archive.messages import Message, reread
from archive.store import Store, file_sha256
from indexer import index_state, indexed_revs_and_copies, open_index

# What each kind of problem says (index_missing and index_outdated: "index"). A detail is a Message, said in
# English by the CLI and --json and translated on a page; the fixity entry of the audit trail keeps it as
# text, which `detail_message` turns back into its Message by this template.
DETAILS = {
    "missing_text": Message("the catalog has no extracted text"),
    "missing_original": Message("original %(sha256)s is not in the store"),
    "corrupt_original": Message("original hashes to %(actual)s, not %(sha256)s"),
    "orphaned_original": Message("store blob %(sha256)s belongs to no record"),
    "corrupt_rendition": Message("the searchable PDF hashes to %(actual)s, not %(sha256)s"),
    "corrupt_preview": Message("the preview PDF hashes to %(actual)s, not %(sha256)s"),
    "index": Message("the search index must be rebuilt: run `archive reindex`"),
    "missing_from_index": Message("the record is not in the search index"),
    "stale_in_index": Message("index has revision %(indexed)s, catalog %(rev)s"),
    "orphaned_in_index": Message("the index holds a record the catalog does not"),
    "duplicated_in_index": Message("the index holds the record %(copies)s times: run `archive reindex`"),
}


def _template(kind: str) -> str:
    return DETAILS["index" if kind.startswith("index_") else kind].template


@dataclass(frozen=True)
class Problem:
    kind: str  # missing_original | corrupt_original | orphaned_original | missing_text | index_missing |
    #            index_outdated | missing_from_index | orphaned_in_index | stale_in_index | duplicated_in_index |
    #            corrupt_rendition | corrupt_preview
    record_id: int | None
    detail: str

    @classmethod
    def of(cls, kind: str, record_id: int | None, **params) -> Problem:
        """A problem of `kind`, its detail that kind's Message with `params`."""
        return cls(kind, record_id, Message(_template(kind), **params))

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.record_id, "detail": self.detail}


def detail_message(kind: str, detail: str) -> str:
    """A problem's detail kept as text (a fixity entry's) as the Message it was, when it reads as its kind's
    template does; otherwise the text as it is (an unknown kind, or wording from another version)."""
    if kind.startswith("index_") or kind in DETAILS:
        return reread(_template(kind), detail) or detail
    return detail


@dataclass
class VerifyReport:
    records: int = 0
    originals_checked: int = 0
    indexed: int = 0
    problems: list[Problem] | None = None
    sample: int | None = None  # originals re-hashed were a random subset of this size
    preservation: list[dict] | None = None  # PDF/A copies missing or changed, apart from the originals' problems
    copies_checked: int = 0
    renditions_checked: int = 0  # searchable PDFs (and previews) re-hashed against the digest made with them
    renditions_unchecked: int = 0  # searchable PDFs made before their digest was kept: checked against nothing

    @property
    def ok(self) -> bool:
        return not self.problems and not self.preservation

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "records": self.records,
            "originals_checked": self.originals_checked,
            "indexed": self.indexed,
            "problems": [p.to_dict() for p in self.problems or []],
            "sample": self.sample,
            "preservation_copies_checked": self.copies_checked,
            "preservation_problems": list(self.preservation or []),
            "renditions_checked": self.renditions_checked,
            "renditions_unchecked": self.renditions_unchecked,
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
            problems.append(Problem.of("missing_text", record.id))
        if not store.exists(record.sha256):
            problems.append(Problem.of("missing_original", record.id, sha256=record.sha256))
        elif drawn is None or record.id in drawn:
            actual = store.hash_of(record.sha256)
            report.originals_checked += 1
            if actual != record.sha256:
                problems.append(Problem.of("corrupt_original", record.id, actual=actual, sha256=record.sha256))
        if progress:
            progress(1)
    for digest in store.iter_digests():
        if digest not in digests:
            problems.append(Problem.of("orphaned_original", None, sha256=digest))
    problems.extend(_made_problems(catalog, store, report, drawn))
    problems.extend(_index_problems(catalog, index_dir, report))
    from archive.preservation.renditions import preservation_problems  # a feature package above upkeep

    checked: list[int] = []
    report.preservation = preservation_problems(catalog, store, only=drawn, checked=checked)
    report.copies_checked = len(checked)
    return report


def _made_problems(catalog: Catalog, store: Store, report: VerifyReport, drawn: set[int] | None) -> list[Problem]:
    """What was made beside the originals for reading them (searchable PDFs, previews), re-hashed against
    the SHA-256 recorded when each was made; a searchable PDF made before digests were kept is counted as
    unchecked. A missing one is no problem: it is a convenience copy, made again on demand."""
    from archive.preview.tables import preview_digests  # a feature package above upkeep

    found = []
    for record_id, original, digest in catalog.ocr_renditions():
        path = store.rendition_path(original)
        if not path.is_file() or (drawn is not None and record_id not in drawn):
            continue
        if digest is None:
            report.renditions_unchecked += 1
            continue
        report.renditions_checked += 1
        if (actual := file_sha256(path)) != digest:
            found.append(Problem.of("corrupt_rendition", record_id, actual=actual, sha256=digest))
    for original, digest in preview_digests(catalog.db):
        path = store.preview_path(original)
        record = catalog.find_by_sha(original)
        if record is None or not path.is_file() or (drawn is not None and record.id not in drawn):
            continue
        report.renditions_checked += 1
        if (actual := file_sha256(path)) != digest:
            found.append(Problem.of("corrupt_preview", record.id, actual=actual, sha256=digest))
    return found


def _index_problems(catalog: Catalog, index_dir, report: VerifyReport) -> list[Problem]:
    state = index_state(index_dir)
    if state != "ok":
        return [Problem.of(f"index_{state}", None)]
    in_index, copies = indexed_revs_and_copies(open_index(index_dir))
    report.indexed = len(in_index)
    in_catalog = catalog.id_revs()
    found = []
    for record_id, rev in sorted(in_catalog.items()):
        if record_id not in in_index:
            found.append(Problem.of("missing_from_index", record_id))
        elif in_index[record_id] != rev:
            found.append(Problem.of("stale_in_index", record_id, indexed=in_index[record_id], rev=rev))
    for record_id in sorted(set(in_index) - set(in_catalog)):
        found.append(Problem.of("orphaned_in_index", record_id))
    for record_id, n in sorted(copies.items()):
        found.append(Problem.of("duplicated_in_index", record_id, copies=n))
    return found


def verify_and_log(
    catalog: Catalog, store: Store, index_dir, *, progress: Callable[[int], None] | None = None, sample=None
) -> VerifyReport:
    """`verify`, recorded in the audit trail (`fixity`, with the first hundred problems)."""
    report = verify(catalog, store, index_dir, progress=progress, sample=sample)
    catalog.log_event(
        "fixity",
        None,
        ok=report.ok,
        records=report.records,
        originals_checked=report.originals_checked,
        sample=sample,
        problems=[p.to_dict() for p in report.problems[:100]],
        preservation_problems=report.preservation[:100],
        renditions_checked=report.renditions_checked,
        renditions_unchecked=report.renditions_unchecked,
    )
    return report
