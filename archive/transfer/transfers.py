"""`archive transfer record`: keep a record of handing records (a hồ sơ) on to another archive, like a
disposal record; on request, and only after the package that carried them verifies, remove the local copies.

All or nothing: a held record, or a record the package does not hold, refuses the whole transfer. The
transfer record and the records' removal are one catalog transaction; index and store follow (`removal`).
A run killed after the commit is finished by the next writer's recovery (or the rerun).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from archive.audit import audit
from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError, UsageError
from archive.messages import Message
from archive.models import Record
from archive.people.access import visible_record
from archive.retention.holds import find_hold
from archive.transfer import tables
from archive.transfer.package import verify_package
from archive.transfer.removal import finish_removals
from archive.upkeep import failpoint
from archive.upkeep.session import writing
from indexer import Clearance


class TransferRefused(ArchiveError):
    def __init__(self, message, reasons: list[str]):
        super().__init__(message)
        self.reasons = reasons


@dataclass
class TransferResult:
    transfer: tables.Transfer

    def to_dict(self) -> dict:
        return self.transfer.to_dict()


def record_transfer(
    settings: Settings,
    ids: Iterable[int] | None,
    recipient: str,
    decision: str,
    *,
    file_code: str | None = None,
    package: Path | None = None,
    remove_local: bool = False,
    clearance: Clearance | None = None,
) -> TransferResult:
    """Record that these records (or the documents of the file `file_code`) went to `recipient` under
    `decision`; with `remove_local`, remove them here after checking that `package` verifies and holds each
    of them byte for byte. A held record, or a file that is held, open or disposed of, refuses it all."""
    recipient, decision = " ".join((recipient or "").split()), " ".join((decision or "").split())
    if not recipient or not decision:
        raise UsageError(Message("a transfer record needs --to (the receiving archive) and --decision"))
    if remove_local and package is None:
        raise UsageError(Message("removing local copies needs --package: the package that carried them, verified"))
    ids = list(dict.fromkeys(ids or ()))
    if not ids and file_code is None:
        raise UsageError(Message("no records to transfer"))
    with writing(settings, "transfer") as session:
        catalog, store = session.catalog, session.store
        reasons = []
        if file_code is not None:  # the whole file, as filed: its documents, its hold, its closing
            from archive.transfer.filing_part import file_of_ref, file_record_ids, file_refusals

            file = file_of_ref(catalog, file_code, clearance)
            file_code = file.ref
            reasons += file_refusals(catalog, file)
            ids = list(dict.fromkeys([*ids, *file_record_ids(catalog, file.ref, clearance)]))
            if not ids:
                reasons.append(f"file {file.ref} holds no documents")
        records = [visible_record(catalog, i, clearance) for i in ids]
        reasons += _held(catalog, records)
        external_id = None
        if package is not None:
            external_id, missing = _package_holds(Path(package), records)
            reasons += missing
        if reasons:
            raise TransferRefused(
                Message("the transfer was refused, nothing was recorded: %(reasons)s", reasons="; ".join(reasons)),
                reasons,
            )
        actor, origin = audit.current()
        listed = [
            {
                "id": r.id,
                "sha256": r.sha256,
                "size": r.size,
                "filename": r.filename,
                "title": r.title,
                "doc_number": r.doc_number,
                "issued": r.issued,
                "classification": r.classification,
                "compartments": list(r.compartments),
            }
            for r in records
        ]
        if remove_local:
            catalog.db.execute("PRAGMA secure_delete = ON")
        with catalog.transaction():
            transfer_id = tables.add_transfer(
                catalog.db, actor, origin, recipient, decision, file_code, external_id, listed, remove_local
            )
            for r in records:
                if remove_local:
                    tables.mark_transferred(
                        catalog.db, transfer_id, r.id, r.sha256, r.classification, ",".join(r.compartments)
                    )
                catalog.log_event(
                    "transfer",
                    r.id,
                    transfer=transfer_id,
                    to=recipient,
                    decision=decision,
                    file=file_code,
                    package=external_id,
                    removed=remove_local,
                )
        failpoint.reach("transfer.committed")  # a crash test's kill: after the commit, before index and store
        finish_removals(catalog, store, session.indexes)
        return TransferResult(tables.find_transfer(catalog.db, transfer_id))


def _held(catalog: Catalog, records: list[Record]) -> list[str]:
    found = []
    for r in records:
        hold = find_hold(catalog.db, r.id)
        if hold is not None:
            found.append(f"record {r.id} is under a legal hold since {hold.at[:10]}: {hold.reason}")
    return found


def _package_holds(path: Path, records: list[Record]) -> tuple[str | None, list[str]]:
    """(the package's External-Identifier, why it cannot stand for these records): it must verify, and its
    payload manifest must list each record's original by its SHA-256."""
    check = verify_package(path)
    if not check.ok:
        first = check.problems[0]
        return None, [f"the package {path} does not verify ({first['kind']}: {first['path'] or first['detail']})"]
    held: set[str] = set()
    with open(path / "manifest-sha256.txt", encoding="utf-8") as f:
        for line in f:
            digest, _, name = line.strip().partition(" ")
            if "/original/" in name:
                held.add(digest.lower())
    missing = [f"the package does not hold record {r.id} ({r.sha256})" for r in records if r.sha256 not in held]
    return check.info.get("External-Identifier"), missing
