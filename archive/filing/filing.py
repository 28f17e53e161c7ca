"""Filing: opening a file ad hoc, filing documents into it and taking them out, and reading a file as a
reader may see it. A document belongs to at most one file; filing into a closed file needs `reopen` first.
Filing bumps each document's revision and reindexes it at once, so `hoso:` and the facet follow."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError, UsageError
from archive.filing import store
from archive.filing.access import can_see_file, visible_file, visible_files_by_ids
from archive.filing.fonds import fonds_for
from archive.filing.models import HoSo
from archive.filing.plan import file_values
from archive.messages import Message
from archive.models import Record
from archive.people.access import can_see, visible_record
from archive.upkeep.session import Writer, writing
from indexer import Clearance


@dataclass(frozen=True)
class FileView:
    """A file and the documents in it the reader may see, in contents order."""

    file: HoSo
    records: list[Record]

    def to_dict(self) -> dict:
        return {**self.file.to_dict(), "documents": len(self.records)}


def open_file(
    settings: Settings, raw: dict[str, str], *, fonds: str | None = None, clearance: Clearance | None = None
) -> HoSo:
    """Open a file outside the plan (ad hoc); the same checks as a plan row. Audited."""
    try:
        values = file_values(raw, clearance)
    except ValueError as exc:
        raise UsageError(exc.args[0]) from None
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        target = fonds_for(catalog, fonds or (raw.get("fonds") or "").strip() or None)
        if store.file_exists(catalog, target.id, values["year"], values["code"]):
            raise UsageError(
                Message("%(code)s: the %(year)s plan has this code already", code=values["code"], year=values["year"])
            )
        with catalog.transaction():
            file_id = store.insert_file(catalog, target.id, {**values, "source": "ad hoc"})
            catalog.log_event("file.open", None, file_id=file_id)
        return store.file_by_id(catalog, file_id)


def file_documents(catalog: Catalog, ref: str, clearance: Clearance | None) -> FileView:
    """The file `ref` names and the documents in it the reader may see (others are left out without a trace)."""
    file = visible_file(catalog, ref, clearance)
    return FileView(file, visible_items(catalog, file, clearance))


def visible_items(catalog: Catalog, file: HoSo, clearance: Clearance | None) -> list[Record]:
    ids = store.item_ids(catalog, file.id)
    records = catalog.get_many(ids)
    return [records[i] for i in ids if i in records and can_see(clearance, records[i])]


def list_visible_files(
    catalog: Catalog,
    clearance: Clearance | None,
    *,
    year: int | None = None,
    unit: str | None = None,
    status: str | None = None,
) -> list[FileView]:
    files = [f for f in store.list_files(catalog, year=year, unit=unit, status=status) if can_see_file(clearance, f)]
    return [FileView(f, visible_items(catalog, f, clearance)) for f in files]


def visible_years(catalog: Catalog, clearance: Clearance | None) -> list[int]:
    """The plan years the reader has a file in, newest first (a year of hidden files only is not named)."""
    return sorted({f.year for f in store.list_files(catalog) if can_see_file(clearance, f)}, reverse=True)


def add_documents(
    settings: Settings, ref: str, record_ids: Iterable[int], *, clearance: Clearance | None = None
) -> FileView:
    """File these documents at the end of the file, in the order given; all or nothing: a document filed
    elsewhere (or here), unknown, or a closed or disposed file refuses the whole request."""
    ids = list(dict.fromkeys(record_ids))
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file, _ = _check_filing(catalog, ref, ids, clearance)
        with catalog.transaction():
            store.add_items(catalog, file.id, ids)
            for record_id in ids:
                catalog.log_event("file.add", record_id, file_id=file.id)
        session.reindex(ids)
        return FileView(file, visible_items(catalog, file, clearance))


def preview_filing(
    settings: Settings, ref: str, record_ids: Iterable[int], *, clearance: Clearance | None = None
) -> FileView:
    """What `add_documents` would do, checked the same way and writing nothing: the file and the documents
    that would go into it (the search page's preview before filing its ticked results)."""
    with Catalog(settings.catalog_path) as catalog:
        file, records = _check_filing(catalog, ref, list(dict.fromkeys(record_ids)), clearance)
        return FileView(file, records)


def _check_filing(catalog: Catalog, ref: str, ids: list[int], clearance: Clearance | None) -> tuple[HoSo, list]:
    """The open file and the documents to file into it; refused whole for one document unknown, hidden from
    the caller, disposed or filed already (here or elsewhere)."""
    if not ids:
        raise UsageError(Message("name the documents to file"))
    file = visible_file(catalog, ref, clearance)
    _check_open(file)
    records = [visible_record(catalog, record_id, clearance) for record_id in ids]
    filed = store.files_of(catalog, ids)
    if filed:
        record_id, other = next(iter(filed.items()))
        where = store.file_by_id(catalog, other)
        shown = where.ref if where and can_see_file(clearance, where) else None
        if shown:
            raise UsageError(
                Message(
                    "document %(id)s is filed already, in %(file)s: remove it from there first",
                    id=record_id,
                    file=shown,
                )
            )
        raise UsageError(Message("document %(id)s is filed already", id=record_id))
    return file, records


def remove_documents(
    settings: Settings, ref: str, record_ids: Iterable[int], *, clearance: Clearance | None = None
) -> FileView:
    """Take documents out of an open file (all or nothing); audited."""
    ids = list(dict.fromkeys(record_ids))
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        _check_open(file)
        filed = store.files_of(catalog, ids)
        for record_id in ids:
            visible_record(catalog, record_id, clearance)
            if filed.get(record_id) != file.id:
                raise UsageError(Message("document %(id)s is not in file %(file)s", id=record_id, file=file.ref))
        with catalog.transaction():
            store.remove_items(catalog, ids)
            for record_id in ids:
                catalog.log_event("file.remove", record_id, file_id=file.id)
        session.reindex(ids)
        return FileView(file, visible_items(catalog, file, clearance))


def reorder_documents(
    settings: Settings, ref: str, record_ids: Iterable[int], *, clearance: Clearance | None = None
) -> FileView:
    """Put the documents the caller sees in this order (a meeting's agenda order): they must be named, each
    once. They take the places they held between them, so documents hidden from the caller keep theirs."""
    ids = list(record_ids)
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        _check_open(file)
        seen = [r.id for r in visible_items(catalog, file, clearance)]
        if sorted(ids) != sorted(seen) or len(set(ids)) != len(ids):
            raise UsageError(Message("name every document of file %(file)s once, in the new order", file=file.ref))
        held = store.item_positions(catalog, file.id)
        places = sorted(held[i] for i in seen)
        with catalog.transaction():
            store.set_positions(catalog, dict(zip(ids, places, strict=True)))
            catalog.log_event("file.order", None, file_id=file.id, order=ids)
        return FileView(file, visible_items(catalog, file, clearance))


def resolve_documents(settings: Settings, names: Iterable[str], clearance: Clearance | None = None) -> list[int]:
    """Record ids from ids or document symbols (89-KL/TU) as a person types them; a symbol must name one
    record the reader may see."""
    from indexer.normalize import symbol_key

    ids = []
    with Catalog(settings.catalog_path) as catalog:
        for name in names:
            if name.strip().isdigit():
                ids.append(int(name))
                continue
            found = [i for i in store.records_by_symbol(catalog, symbol_key(name)) if _sees(catalog, i, clearance)]
            if len(found) != 1:
                raise UsageError(
                    Message("%(symbol)s names %(n)s documents: give the record id", symbol=name, n=len(found))
                )
            ids.append(found[0])
    return ids


def _sees(catalog: Catalog, record_id: int, clearance: Clearance | None) -> bool:
    record = catalog.find(record_id)
    return record is not None and can_see(clearance, record)


def file_for_record(catalog: Catalog, record: Record, clearance: Clearance | None) -> dict | None:
    """The record page's box: its file (if the reader may see it) and the neighbours they may see in it,
    `{"file", "position", "count", "previous", "next"}`; None when unfiled or the file is hidden."""
    file_id = store.file_of(catalog, record.id)
    file = visible_files_by_ids(catalog, [file_id], clearance).get(file_id) if file_id else None
    if file is None:
        return None
    items = visible_items(catalog, file, clearance)
    at = next(i for i, r in enumerate(items) if r.id == record.id)

    def brief(r: Record | None) -> dict | None:
        return {"id": r.id, "title": r.title, "doc_number": r.doc_number} if r else None

    return {
        "file": file.to_dict(),
        "position": at + 1,
        "count": len(items),
        "previous": brief(items[at - 1] if at > 0 else None),
        "next": brief(items[at + 1] if at + 1 < len(items) else None),
    }


def file_refs(catalog: Catalog, file_ids: Iterable[int], clearance: Clearance | None) -> dict[int, HoSo]:
    """Files by id that the reader may see (search facets name them)."""
    return visible_files_by_ids(catalog, file_ids, clearance)


def _check_open(file: HoSo) -> None:
    if file.disposed_at:
        raise UsageError(Message("file %(ref)s was disposed of", ref=file.ref))
    if file.closed_on:
        raise UsageError(
            Message("file %(ref)s is closed (on %(day)s): reopen it first", ref=file.ref, day=file.closed_on)
        )


def check_file_open(catalog: Catalog, ref: str, clearance: Clearance | None) -> HoSo:
    """The file `ref` names, if documents may be filed into it now (ingest --file, a manifest's file_code)."""
    file = visible_file(catalog, ref, clearance)
    _check_open(file)
    return file


def file_ingested(session: Writer, wanted: dict[int, str], clearance: Clearance | None) -> list:
    """File records just ingested: `wanted` {record id: file ref}. Runs inside the ingest's writer session; a
    record already filed or a file that closed meanwhile is reported, the others filed. Returns the problems."""
    catalog = session.catalog
    problems = []
    by_file: dict[int, list[int]] = {}
    for record_id, ref in wanted.items():
        try:
            file = check_file_open(catalog, ref, clearance)
        except ArchiveError as exc:
            problems.append((record_id, exc.message))
            continue
        if store.file_of(catalog, record_id) is not None:
            problems.append((record_id, Message("document %(id)s is filed already", id=record_id)))
            continue
        by_file.setdefault(file.id, []).append(record_id)
    with catalog.transaction():
        for file_id, ids in by_file.items():
            store.add_items(catalog, file_id, ids)
            for record_id in ids:
                catalog.log_event("file.add", record_id, file_id=file_id)
    touched = [i for ids in by_file.values() for i in ids]
    if touched:
        session.reindex(touched)
    return problems


def view_file(catalog: Catalog, ref: str, clearance: Clearance | None) -> FileView:
    """A file as `file_documents` gives it, its viewing recorded in the audit trail (`file.view`)."""
    view = file_documents(catalog, ref, clearance)
    catalog.log_event("file.view", None, file_id=view.file.id)
    return view


def read_contents(catalog: Catalog, ref: str, clearance: Clearance | None) -> FileView:
    """A file for its contents list (mục lục) as a download, recorded in the audit trail (`file.contents`)."""
    view = file_documents(catalog, ref, clearance)
    catalog.log_event("file.contents", None, file_id=view.file.id)
    return view
