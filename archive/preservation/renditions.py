"""`archive renditions`: a PDF/A preservation copy of each record, stored beside its original with its own
checksum (`store/ab/<sha256>.pdfa.pdf`), and what `verify` and record pages say of it.

A record without a copy waits: no row, or `pending` when the tool its type needs was missing at the last
run; a later run makes it. The copy is made in the store's tmp under the writer lock, moved into place,
then the catalog row is written; a run killed between the two leaves a copy that the next run replaces.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archive.catalog import Catalog, now
from archive.config import Settings
from archive.messages import Message
from archive.preservation.formats import pdfa_format
from archive.preservation.pdfa import ConversionFailed, ToolMissing, make_pdfa, scratch
from archive.store import Store, file_sha256
from archive.upkeep.session import writing


@dataclass(frozen=True)
class Rendition:
    record_id: int
    status: str  # done | pending | failed
    sha256: str | None = None
    size: int | None = None
    tool: str | None = None
    part: str | None = None
    conformance: str | None = None
    reason: str | None = None
    made_at: str | None = None

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "sha256": self.sha256,
            "size": self.size,
            "tool": self.tool,
            "format": pdfa_format(self.part, self.conformance) if self.status == "done" else None,
            "reason": self.reason,
            "made_at": self.made_at,
        }


@dataclass
class RenditionSummary:
    done: list[int] = field(default_factory=list)
    pending: list[Rendition] = field(default_factory=list)
    failed: list[Rendition] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "done": self.done,
            "pending": [{"id": r.record_id, "reason": r.reason} for r in self.pending],
            "failed": [{"id": r.record_id, "reason": r.reason} for r in self.failed],
        }


def rendition_of(db: sqlite3.Connection, record_id: int) -> Rendition | None:
    row = db.execute("SELECT * FROM renditions WHERE record_id = ?", (record_id,)).fetchone()
    return _rendition(row) if row else None


def done_renditions(db: sqlite3.Connection) -> Iterable[Rendition]:
    for row in db.execute("SELECT * FROM renditions WHERE status = 'done' ORDER BY record_id"):
        yield _rendition(row)


def wanting(db: sqlite3.Connection, *, pending_only: bool) -> list[int]:
    """Records without a finished copy: all of them, or (`pending_only`) those not yet tried or waiting for a
    tool, leaving the ones that failed for a person to look at."""
    skip = "('done')" if not pending_only else "('done', 'failed')"
    rows = db.execute(
        f"SELECT id FROM records WHERE id NOT IN (SELECT record_id FROM renditions WHERE status IN {skip}) ORDER BY id"
    )
    return [row[0] for row in rows]


def make_renditions(
    settings: Settings,
    ids: Iterable[int] | None = None,
    *,
    pending_only: bool = False,
    on_record: Callable[[Rendition], None] | None = None,
) -> RenditionSummary:
    """Make the PDF/A copies of `ids` (remade even if done), or of every record still without one."""
    summary = RenditionSummary()
    languages = "+".join({"vi": "vie", "en": "eng"}.get(code, code) for code in settings.languages)
    with writing(settings, "renditions") as session:
        catalog, store = session.catalog, session.store
        wanted = list(dict.fromkeys(ids)) if ids is not None else wanting(catalog.db, pending_only=pending_only)
        for record_id in wanted:
            record = catalog.find(record_id)
            if record is None:
                result = Rendition(record_id, "failed", reason=Message("record %(id)s not found", id=record_id))
                summary.failed.append(result)
                if on_record:
                    on_record(result)
                continue
            with scratch(store.tmp) as work:
                try:
                    made = make_pdfa(store.path(record.sha256), record.mime, record.title, Path(work), languages)
                except ToolMissing as exc:
                    result = Rendition(record_id, "pending", reason=str(exc), made_at=now())
                except ConversionFailed as exc:
                    result = Rendition(record_id, "failed", reason=str(exc), made_at=now())
                else:
                    sha, size = file_sha256(made.path), made.path.stat().st_size
                    store.put_preservation(record.sha256, made.path)
                    result = Rendition(
                        record_id, "done", sha, size, made.tool, made.part, made.conformance, made_at=now()
                    )
            with catalog.transaction():
                _save(catalog.db, result)
                if result.status == "done":
                    catalog.log_event("preservation.copy", record_id, sha256=result.sha256, tool=result.tool)
            {"done": lambda r: summary.done.append(r.record_id), "pending": summary.pending.append}.get(
                result.status, summary.failed.append
            )(result)
            if on_record:
                on_record(result)
    return summary


def _save(db: sqlite3.Connection, r: Rendition) -> None:
    db.execute(
        "INSERT OR REPLACE INTO renditions (record_id, status, sha256, size, tool, part, conformance, reason, "
        "made_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (r.record_id, r.status, r.sha256, r.size, r.tool, r.part, r.conformance, r.reason, r.made_at or now()),
    )


def save_imported(db: sqlite3.Connection, record_id: int, sha256: str, size: int, info: dict) -> None:
    """The row of a copy that came in a transfer package (made by the sending archive, checked by the bag)."""
    fmt = info.get("format") or {}
    name = fmt.get("name") or ""
    part, conformance = (name[6], name[7:].upper()) if name.startswith("PDF/A-") and len(name) >= 8 else (None, None)
    _save(
        db, Rendition(record_id, "done", sha256, size, info.get("tool"), part, conformance, made_at=info.get("made_at"))
    )


def _rendition(row: sqlite3.Row) -> Rendition:
    return Rendition(
        row["record_id"],
        row["status"],
        row["sha256"],
        row["size"],
        row["tool"],
        row["part"],
        row["conformance"],
        row["reason"],
        row["made_at"],
    )


def preservation_problems(
    catalog: Catalog, store: Store, *, only: set[int] | None = None, checked: list[int] | None = None
) -> list[dict]:
    """Each finished copy (of the records in `only`, when given) against its checksum: `{"kind", "id",
    "detail"}` for a missing or changed one; the ids checked are appended to `checked`."""
    problems = []
    for r in done_renditions(catalog.db):
        if only is not None and r.record_id not in only:
            continue
        if checked is not None:
            checked.append(r.record_id)
        record = catalog.find(r.record_id)
        if record is None:
            continue
        path = store.preservation_path(record.sha256)
        if not path.is_file():
            problems.append(
                {"kind": "missing_preservation_copy", "id": r.record_id, "detail": f"{path.name} is not in the store"}
            )
            continue
        actual = file_sha256(path)
        if actual != r.sha256:
            problems.append(
                {
                    "kind": "corrupt_preservation_copy",
                    "id": r.record_id,
                    "detail": f"preservation copy hashes to {actual}, not {r.sha256}",
                }
            )
    return problems
