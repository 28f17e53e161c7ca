"""A spreadsheet of corrections to records already archived: a row per record, named by its `id` or by the
`sha256` checksum of its original (no file needed), and the metadata columns to set. An empty cell leaves
the field as it is. The sheet is applied all or nothing (`batch.apply_corrections`)."""

from __future__ import annotations

from pathlib import Path

from archive.catalog import Catalog
from archive.config import Settings
from archive.corrections.batch import BatchResult, Refusal, apply_corrections
from archive.errors import UsageError
from archive.messages import Message
from archive.people.access import can_see
from archive.pipeline.manifest import _reader
from archive.vocabulary import METADATA_FIELDS
from indexer import Clearance

KEY_COLUMNS = ("id", "sha256", "checksum")


def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header (lower case) and each non-empty row (line number, column → cell) of a CSV in UTF-8."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(Message("%(path)s: not UTF-8 text (in Excel: Save As → CSV UTF-8)", path=str(path))) from exc
    except OSError as exc:
        raise UsageError(Message("cannot read %(path)s: %(error)s", path=str(path), error=exc.strerror)) from exc
    reader = _reader(text)
    header = [h.strip().lower() for h in next(reader, [])]
    rows = []
    ended = reader.line_num
    for cells in reader:
        line, ended = ended + 1, reader.line_num
        if any(c.strip() for c in cells):
            rows.append((line, dict(zip(header, cells, strict=False))))
    return header, rows


def apply_sheet(
    settings: Settings, path: Path, *, actor: str, clearance: Clearance | None = None, dry_run: bool = False
) -> BatchResult:
    header, rows = read_sheet(path)
    keys = [k for k in KEY_COLUMNS if k in header]
    if not keys:
        raise UsageError(
            Message("%(path)s: the first row must name the columns, one of them 'id' or 'sha256'", path=str(path))
        )
    unknown = [h for h in header if h not in KEY_COLUMNS and h not in METADATA_FIELDS]
    if unknown:
        raise UsageError(
            Message(
                "unknown column %(name)r; columns: id, sha256, %(known)s",
                name=unknown[0],
                known=", ".join(METADATA_FIELDS),
            )
        )
    corrections: dict[int, dict[str, str]] = {}
    refused: list[Refusal] = []
    with Catalog(settings.catalog_path) as catalog:
        for line, row in rows:
            record_id = _record_id(catalog, row, clearance)
            if record_id is None:
                label = (row.get("id") or row.get("sha256") or row.get("checksum") or "").strip()
                refused.append(Refusal(label, Message("line %(line)s: no such record", line=line)))
                continue
            if record_id in corrections:
                refused.append(Refusal(record_id, Message("line %(line)s: second row for this record", line=line)))
                continue
            corrections[record_id] = {
                f: v for f, v in row.items() if f not in KEY_COLUMNS and v is not None and v.strip()
            }
    return apply_corrections(
        settings, corrections, actor=actor, clearance=clearance, dry_run=dry_run, source="edited", refused=refused
    )


def _record_id(catalog: Catalog, row: dict[str, str], clearance: Clearance | None) -> int | None:
    """The id the row names, by id or checksum; None when neither names a record (the same answer for one
    above the editor's clearance found by checksum: its existence is not theirs to learn)."""
    raw_id = (row.get("id") or "").strip()
    if raw_id:
        try:
            return int(raw_id)  # checked (visible, not disposed) with the others in apply_corrections
        except ValueError:
            return None
    digest = (row.get("sha256") or row.get("checksum") or "").strip().lower()
    record = catalog.find_by_sha(digest) if digest else None
    return record.id if record is not None and can_see(clearance, record) else None
