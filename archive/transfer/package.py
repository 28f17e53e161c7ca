"""`archive package create` and `verify`: a BagIt package (RFC 8493, written by the Library of Congress's
`bagit` library) of chosen records, for handing them to another archive.

Layout under `data/`: `package.json` (who made it, from which archive, what it holds, whether classified
records were let in), `mets.xml` (METS, written by `metsrw`), `documents/<id>/original/<name>` (the bytes as
archived), `documents/<id>/preservation.pdf` (the PDF/A copy, when made), `documents/<id>/metadata.json`
(fields, provenance, citations, OCR summary, format, checksums), `documents/<id>/text.txt` (the searchable
text), `audit.jsonl` (the audit entries about these records) and, when files are chosen, `fonds.json` and
`files/<ref>.json` with `files/<ref>.contents.csv`. The bag's manifests hold SHA-256 and SHA-512 of every
file, its tag manifests those of the bag's own files.

The package is written in a sibling folder and renamed into place at the end: a refused or failed run
leaves nothing at `-o`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from archive.audit import audit
from archive.catalog import Catalog, now
from archive.config import Settings
from archive.errors import ArchiveError, NotFoundError, UsageError
from archive.messages import Message
from archive.models import Record
from archive.people.users import User
from archive.preservation.formats import identify
from archive.preservation.renditions import rendition_of
from archive.store import Store
from archive.transfer import tables
from archive.transfer.mets import write_mets
from indexer import Clearance

FORMAT = "archive-transfer/1"
CHECKSUMS = ["sha256", "sha512"]
MAX_QUERY_RECORDS = 50_000  # a query that finds more is too broad for one package: narrow it
CLASSIFIED_MARK = "Archive-Classified"


class GateRefused(ArchiveError):
    """Classified or compartmented records were chosen and not let in: nothing is written."""

    def __init__(self, message, blocked: list[dict]):
        super().__init__(message)
        self.blocked = blocked


@dataclass
class PackageResult:
    path: Path
    external_id: str
    documents: int
    classified: bool
    missing_copies: list[int] = field(default_factory=list)  # records without a PDF/A copy yet
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "package": self.external_id,
            "documents": self.documents,
            "classified": self.classified,
            "files": self.files,
            "without_preservation_copy": self.missing_copies,
        }


def gate(records: Iterable[Record]) -> list[dict]:
    """The records the classification gate stops: any classified level, or any compartment."""
    return [
        {"id": r.id, "classification": r.classification, "compartments": list(r.compartments)}
        for r in records
        if r.classification != "unclassified" or r.compartments
    ]


def select_records(
    settings: Settings, catalog: Catalog, ids: Iterable[int] | None, query: str | None, clearance: Clearance | None
) -> list[Record]:
    """The records `--ids` or `--query` name, in id order; an id the reader may not see is "not found"."""
    chosen: list[int] = []
    if ids is not None:
        chosen = list(dict.fromkeys(ids))
    if query is not None:
        chosen += _query_ids(settings, catalog, query, clearance)
    records = catalog.get_many(chosen)
    from archive.people.access import can_see, not_found

    for record_id in chosen:
        if record_id not in records or not can_see(clearance, records[record_id]):
            raise not_found(record_id)
    return [records[i] for i in sorted(set(chosen))]


def _query_ids(settings: Settings, catalog: Catalog, query: str, clearance: Clearance | None) -> list[int]:
    from indexer import SearchIndex

    index = SearchIndex(settings.index_dir)
    found: list[int] = []
    page = 1
    while True:
        result = index.search(query, page=page, limit=100, sort="oldest", clearance=clearance)
        if result.total > MAX_QUERY_RECORDS:
            raise UsageError(
                Message(
                    "the query finds %(n)s records, more than %(max)s for one package: narrow it",
                    n=result.total,
                    max=MAX_QUERY_RECORDS,
                )
            )
        found += [hit.id for hit in result.hits]
        if not result.hits or len(found) >= result.total:
            return found
        page += 1


def create_package(
    settings: Settings,
    out: Path,
    *,
    ids: Iterable[int] | None = None,
    query: str | None = None,
    files: Iterable[str] | None = None,
    allow_classified: bool = False,
    user: User | None = None,
    clearance: Clearance | None = None,
    organization: str | None = None,
) -> PackageResult:
    """Write a transfer package of the chosen records at `out` (which must not exist, or be an empty folder).

    `user` None is the command line's local administrator. Without `allow_classified` a classified or
    compartmented record stops the run (GateRefused); with it (admins only) the entry is audited and the
    package marked."""
    if ids is None and query is None and files is None:
        raise UsageError(Message("choose the records: --file, --ids or --query"))
    if allow_classified and user is not None and not user.can("admin"):
        raise UsageError(Message("--allow-classified is for administrators only"))
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(Message("%(path)s exists and is not an empty folder", path=str(out)))
    store = Store(settings.store_dir)
    with Catalog(settings.catalog_path) as catalog:
        described = _files_part(catalog, files, clearance) if files is not None else None
        file_ids = [i for f in (described or {}).get("files", []) for i in f["record_ids"]]
        records = select_records(
            settings, catalog, [*(ids or []), *file_ids] if ids is not None or files is not None else None, query,
            clearance,
        )  # fmt: skip
        if not records:
            raise NotFoundError(Message("no records were chosen: nothing to package"))
        blocked = gate(records) + [
            {"file": f["ref"], "classification": f["classification"], "compartments": f["compartments"]}
            for f in (described or {}).get("files", [])
            if f["classification"] != "unclassified" or f["compartments"]
        ]
        if blocked and not allow_classified:
            raise GateRefused(
                Message(
                    "the classification gate stopped the package: %(list)s; only unclassified records without "
                    "compartments may be handed on (declassify them first, or an administrator may use "
                    "--allow-classified)",
                    list="; ".join(_blocked_label(b) for b in blocked),
                ),
                blocked,
            )
        with catalog.transaction():
            source = tables.archive_id(catalog.db)
        external_id = str(uuid.uuid4())
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.part-"))
        try:
            result = _write(catalog, store, work, records, described, source, external_id, bool(blocked))
            bag = bagit.make_bag(
                str(work),
                bag_info={
                    "Source-Organization": organization or settings.home.resolve().name,
                    "External-Identifier": external_id,
                    "External-Description": "Transfer package of the records archive (nộp lưu)",
                    "Bag-Group-Identifier": source,
                    CLASSIFIED_MARK: "yes" if blocked else "no",
                    "Payload-Profile": FORMAT,
                },
                checksums=CHECKSUMS,
            )
            bag.validate(fast=True)
            if out.exists():
                out.rmdir()
            os.replace(work, out)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        result.path = out
        with catalog.transaction():
            catalog.log_event(
                "package.create",
                None,
                package=external_id,
                path=str(out.resolve()),
                records=[r.id for r in records][:1000],
                count=len(records),
                files=result.files,
                classified=bool(blocked),
                allow_classified=allow_classified,
            )
    return result


def _blocked_label(item: dict) -> str:
    parts = ", ".join(item["compartments"])
    what = f"file {item['file']}" if "file" in item else f"record {item['id']}"
    return f"{what} ({item['classification']}{'; ' + parts if parts else ''})"


def _files_part(catalog: Catalog, codes: Iterable[str], clearance: Clearance | None) -> dict:
    """The chosen hồ sơ: their descriptions and contents lists, and the fonds (from `archive.filing`)."""
    from archive.transfer.filing_part import describe_files

    return describe_files(catalog, list(codes), clearance)


def _write(
    catalog: Catalog,
    store: Store,
    work: Path,
    records: list[Record],
    described: dict | None,
    source: str,
    external_id: str,
    classified: bool,
) -> PackageResult:
    result = PackageResult(work, external_id, len(records), classified)
    docs = work / "documents"
    listing = []
    described_docs: list[dict] = []
    for record in records:
        folder = docs / str(record.id)
        (folder / "original").mkdir(parents=True)
        name = safe_name(record.filename)
        shutil.copyfile(store.path(record.sha256), folder / "original" / name)
        copy = rendition_of(catalog.db, record.id)
        preservation = None
        if copy is not None and copy.status == "done" and store.preservation_path(record.sha256).is_file():
            shutil.copyfile(store.preservation_path(record.sha256), folder / "preservation.pdf")
            preservation = {**copy.to_dict(), "path": "preservation.pdf"}
        else:
            result.missing_copies.append(record.id)
        (folder / "text.txt").write_text(catalog.text(record.id), encoding="utf-8")
        metadata = {
            "source": {"archive": source, "id": record.id},
            "imported_from": [i.to_dict() for i in tables.imports_of(catalog.db, record.id) if i.status == "added"],
            "record": {
                **record.to_dict(),
                "mime": record.mime,
                "extractor": record.extractor,
                "pages": record.pages,
                "source_path": record.source_path,
                "ingested_at": record.ingested_at,
                "updated_at": record.updated_at,
            },
            "provenance": dict(record.provenance),
            "citations": tables.citation_rows(catalog.db, record.id),
            "ocr": _ocr_summary(catalog, record.id),
            "format": identify(record.mime, store.path(record.sha256)),
            "original": {"path": f"original/{name}", "sha256": record.sha256, "size": record.size},
            "preservation": preservation,
            "text": "text.txt",
        }
        _dump(folder / "metadata.json", metadata)
        listing.append({"id": record.id, "path": f"documents/{record.id}", "sha256": record.sha256})
        described_docs.append({"path": f"documents/{record.id}", "metadata": metadata})
    with open(work / "audit.jsonl", "w", encoding="utf-8") as f:
        for row in tables.events_of(catalog.db, [r.id for r in records]):
            entry = dict(row)
            entry["detail"] = json.loads(entry["detail"]) if entry["detail"] else None
            f.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    if described is not None:
        _dump(work / "fonds.json", described.get("fonds"))
        (work / "files").mkdir()
        for item in described["files"]:
            name = safe_name(item["ref"].replace("/", "_"))
            (work / "files" / f"{name}.contents.csv").write_text(item["contents_csv"], encoding="utf-8")
            _dump(work / "files" / f"{name}.json", {k: v for k, v in item.items() if k != "contents_csv"})
            result.files.append(item["ref"])
    write_mets(work / "mets.xml", external_id, source, described_docs)
    actor = audit.current()[0]
    _dump(
        work / "package.json",
        {
            "format": FORMAT,
            "package": external_id,
            "source": {"archive": source},
            "created": now(),
            "by": actor,
            "classified": classified,
            "documents": listing,
            "files": result.files,
        },
    )
    return result


def _record_part(record: Record) -> dict:
    extra = ("mime", "extractor", "pages", "source_path", "ingested_at", "updated_at")
    return {**record.to_dict(), **{name: getattr(record, name) for name in extra}}


def _ocr_summary(catalog: Catalog, record_id: int) -> dict | None:
    ocr = catalog.ocr_of(record_id)
    if ocr is None:
        return None
    return {
        "status": ocr.status,
        "engine": ocr.engine,
        "version": ocr.version,
        "languages": ocr.languages,
        "dpi": ocr.dpi,
        "confidence": ocr.confidence,
        "needs_review": ocr.needs_review,
        "reason": str(ocr.reason) if ocr.reason else None,
        "pages": len(ocr.pages),
        "pages_unread": sum(1 for p in ocr.pages if p.error),
    }


def _dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def safe_name(name: str | None) -> str:
    """A file name safe in any folder: no separators, no leading dots, at most 150 characters."""
    base = re.sub(r"[\x00-\x1f/\\:]+", "_", (name or "").rsplit("/", 1)[-1]).lstrip(".").strip()
    return base[-150:] or "original"


@dataclass
class PackageCheck:
    ok: bool
    problems: list[dict]
    info: dict

    def to_dict(self) -> dict:
        return {"ok": self.ok, "problems": self.problems, "package": self.info}


def verify_package(path: Path) -> PackageCheck:
    """Recompute every checksum of the bag (payload and tag manifests) and check it is complete; each
    problem names its file."""
    path = Path(path)
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as exc:
        return PackageCheck(False, [{"kind": "not_a_bag", "path": str(path), "detail": str(exc)}], {})
    info = {k: v for k, v in bag.info.items() if isinstance(v, str)}
    try:
        bag.validate(fast=False, completeness_only=False)
    except bagit.BagValidationError as exc:
        # bagit stops at a wrong Payload-Oxum (byte and file counts) before it hashes: name the files anyway.
        problems = [_problem(d) for d in exc.details] or _name_files(path, bag)
        problems = problems or [{"kind": "invalid", "path": None, "detail": str(exc)}]
        return PackageCheck(False, problems, info)
    except bagit.BagError as exc:
        return PackageCheck(False, [{"kind": "invalid", "path": None, "detail": str(exc)}], info)
    return PackageCheck(True, [], info)


def _name_files(path: Path, bag: bagit.Bag) -> list[dict]:
    """Each file the manifests list that is missing or whose SHA-256 differs, and each file they do not list."""
    from archive.store import file_sha256

    found = []
    for name, hashes in sorted(bag.entries.items()):
        expected = hashes.get("sha256")
        if expected is None:
            continue
        target = path / name
        if not target.is_file():
            found.append({"kind": "missing", "path": name, "detail": f"{name} is missing"})
        elif file_sha256(target) != expected:
            found.append({"kind": "changed", "path": name, "detail": f"{name}: sha256 differs from the manifest"})
    listed = set(bag.entries)
    for name in sorted(bag.payload_files()):
        if name not in listed:
            found.append({"kind": "unexpected", "path": name, "detail": f"{name} is not in the manifest"})
    return found


def _problem(detail) -> dict:
    kind = {
        "ChecksumMismatch": "changed",
        "FileMissing": "missing",
        "UnexpectedFile": "unexpected",
    }.get(type(detail).__name__, "invalid")
    return {"kind": kind, "path": getattr(detail, "path", None), "detail": str(detail)}
