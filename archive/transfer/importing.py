"""`archive package import`: bring another archive's (or this one's) transfer package in.

The whole bag is verified first; on any mismatch nothing is imported. Then, under the writer lock, each
document is: already imported from that source (a rerun: left as it is); bytes this archive already holds
(a duplicate: noted against the record that holds them, nothing new made); bytes disposed of here (refused,
as ingest refuses them); or new: original and PDF/A copy go into the store, checked against the package's
SHA-256, then the record, its text, citations, OCR summary, copy and source go into the catalog, a chunk per
transaction, and into the index. A run killed half way leaves stored bytes without records, or records not
yet indexed, which the next writer's recovery repairs; a rerun imports the rest.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive.catalog import Catalog, now
from archive.config import Settings
from archive.errors import ArchiveError, UsageError
from archive.messages import Message
from archive.models import Citation, OcrResult
from archive.preservation.renditions import save_imported
from archive.retention.disposals import disposal_of_bytes
from archive.store import Store, file_sha256
from archive.transfer import tables
from archive.transfer.package import FORMAT, verify_package
from archive.upkeep.session import writing
from archive.vocabulary import METADATA_FIELDS

CHUNK = 200  # documents per catalog transaction and index commit
KEPT = (*METADATA_FIELDS, "classification", "compartments", "retention", "extractor", "pages", "language", "title")


class PackageInvalid(ArchiveError):
    """The package failed verification: nothing was imported."""

    def __init__(self, message, problems: list[dict]):
        super().__init__(message)
        self.problems = problems


@dataclass
class ImportResult:
    package: str
    source: str
    added: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "package": self.package,
            "source": self.source,
            "added": self.added,
            "duplicates": self.duplicates,
            "unchanged": self.unchanged,
            "refused": self.refused,
        }


def import_package(
    settings: Settings, path: Path, *, on_document: Callable[[str, dict], None] | None = None
) -> ImportResult:
    """Verify the package at `path`, then import its documents (see the module's docstring)."""
    path = Path(path)
    check = verify_package(path)
    if not check.ok:
        first = check.problems[0]
        raise PackageInvalid(
            Message(
                "the package failed verification (%(n)s problem(s), first: %(kind)s %(path)s): nothing was imported",
                n=len(check.problems),
                kind=first["kind"],
                path=first["path"] or first["detail"],
            ),
            check.problems,
        )
    data = path / "data"
    manifest = _json(data / "package.json")
    if manifest.get("format") != FORMAT:
        raise UsageError(Message("%(path)s is not a transfer package of this archive", path=str(path)))
    source = manifest["source"]["archive"]
    result = ImportResult(manifest["package"], source)
    name = check.info.get("Source-Organization")
    with writing(settings, "transfer import") as session:
        catalog, store = session.catalog, session.store
        session.ensure_index()  # its documents are indexed chunk by chunk
        docs = manifest["documents"]
        for start in range(0, len(docs), CHUNK):
            ready = []
            for item in docs[start : start + CHUNK]:
                outcome = _prepare(catalog, store, data, item, source)
                if outcome is None:
                    continue
                kind, entry = outcome
                if kind == "new":
                    ready.append(entry)
                else:
                    getattr(result, kind).append(entry["report"])
                    if kind == "duplicates":
                        with catalog.transaction():
                            tables.add_import(catalog.db, _imported(entry, source, result.package, name, "duplicate"))
                            catalog.log_event("import.duplicate", entry["record_id"], **entry["report"])
                    if on_document:
                        on_document(kind, entry["report"])
            ids = []
            with catalog.transaction():
                for entry in ready:
                    record_id = _insert(catalog, entry, source, result.package, name)
                    entry["report"]["id"] = record_id
                    ids.append(record_id)
            if ids:
                session.reindex(ids)
            for entry in ready:
                result.added.append(entry["report"])
                if on_document:
                    on_document("added", entry["report"])
        with catalog.transaction():
            catalog.log_event(
                "package.import",
                None,
                package=result.package,
                source=source,
                source_name=name,
                path=str(path.resolve()),
                added=len(result.added),
                duplicates=len(result.duplicates),
                unchanged=len(result.unchanged),
                refused=len(result.refused),
            )
    return result


def _prepare(catalog: Catalog, store: Store, data: Path, item: dict, source: str):
    folder = data / item["path"]
    meta = _json(folder / "metadata.json")
    source_id = int(meta["source"]["id"])
    sha256 = meta["original"]["sha256"]
    report = {"source_id": source_id, "sha256": sha256, "filename": meta["record"].get("filename")}
    known = tables.find_import(catalog.db, source, source_id)
    if known is not None:
        return "unchanged", {"report": {**report, "id": known.record_id}}
    existing = catalog.find_by_sha(sha256)
    if existing is not None:
        return "duplicates", {"report": {**report, "id": existing.id}, "record_id": existing.id, "source_id": source_id}
    disposed = disposal_of_bytes(catalog.db, sha256)
    if disposed is not None:
        reason = f"these bytes were disposed of here on {disposed.disposed_at[:10]} (record {disposed.record_id})"
        return "refused", {"report": {**report, "reason": reason}}
    original = folder / meta["original"]["path"]
    blob = store.put_file(original)
    if blob.sha256 != sha256:  # the bag said so a moment ago; a file changed since is not taken in
        if blob.created:
            store.remove(blob.sha256)
        return "refused", {"report": {**report, "reason": "the original changed after the package was verified"}}
    copy = meta.get("preservation")
    if copy and copy.get("path"):
        with (
            tempfile.NamedTemporaryFile(dir=store.tmp, prefix="pdfa-in-", delete=False) as tmp,
            open(folder / copy["path"], "rb") as src,
        ):
            shutil.copyfileobj(src, tmp)
        if file_sha256(Path(tmp.name)) != copy["sha256"]:
            Path(tmp.name).unlink()
            copy = None
        else:
            store.put_preservation(sha256, Path(tmp.name))
    text = (folder / meta.get("text", "text.txt")).read_text(encoding="utf-8")
    return "new", {"meta": meta, "text": text, "copy": copy, "report": report, "source_id": source_id}


def _insert(catalog: Catalog, entry: dict, source: str, package: str, name: str | None) -> int:
    meta = entry["meta"]
    record = meta["record"]
    values = {k: record.get(k) for k in KEPT if record.get(k) not in (None, "", [])}
    citations = [Citation(c["symbol"], c["key"], c.get("date")) for c in meta.get("citations") or []]
    record_id = catalog.insert_record(
        entry["text"],
        citations=citations,
        sha256=meta["original"]["sha256"],
        size=int(meta["original"]["size"]),
        mime=record["mime"],
        filename=record["filename"],
        source_path=f"transfer:{name or source}#{entry['source_id']}",
        provenance=meta.get("provenance") or {},
        **values,
    )
    ocr = meta.get("ocr")
    if ocr:
        catalog.save_ocr(
            record_id,
            OcrResult(
                status=ocr["status"],
                engine=ocr.get("engine"),
                version=ocr.get("version"),
                languages=ocr.get("languages"),
                dpi=ocr.get("dpi"),
                needs_review=bool(ocr.get("needs_review")),
                reason=ocr.get("reason"),
            ),
        )
    if entry["copy"]:
        save_imported(catalog.db, record_id, entry["copy"]["sha256"], int(entry["copy"]["size"]), entry["copy"])
    entry["record_id"] = record_id
    tables.add_import(catalog.db, _imported(entry, source, package, name, "added"))
    catalog.log_event(
        "import", record_id, package=package, source=source, source_name=name, source_id=entry["source_id"]
    )
    return record_id


def _imported(entry: dict, source: str, package: str, name: str | None, status: str) -> tables.Imported:
    return tables.Imported(source, entry["source_id"], entry["record_id"], status, package, name, now())


def _json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(Message("cannot read %(path)s: %(error)s", path=str(path), error=str(exc))) from None
