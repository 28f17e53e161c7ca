"""Filing suggestions: an unfiled document that cites a filed one (a plan implementing conclusion 89-KL/TU,
filed in that conclusion's file) is a candidate for the same file. An archivist accepts (files it) or
dismisses (never suggested again for that file); nothing is filed automatically."""

from __future__ import annotations

from dataclasses import dataclass

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import UsageError
from archive.filing import store
from archive.filing.access import can_see_file, visible_file
from archive.filing.filing import FileView, add_documents
from archive.filing.models import HoSo
from archive.messages import Message
from archive.models import Record
from archive.people.access import can_see, visible_record
from archive.upkeep.session import writing
from indexer import Clearance

SCAN_LIMIT = 5000  # citation pairs read per call: the cost stays bounded on a large archive


@dataclass(frozen=True)
class Suggestion:
    record: Record
    cited: Record
    file: HoSo

    def to_dict(self) -> dict:
        return {
            "id": self.record.id,
            "title": self.record.title,
            "doc_number": self.record.doc_number,
            "cites": {"id": self.cited.id, "doc_number": self.cited.doc_number},
            "file": self.file.ref,
            "file_title": self.file.title,
        }


def suggestions(catalog: Catalog, clearance: Clearance | None = None, limit: int = 100) -> list[Suggestion]:
    """Candidates the reader may see whole (document, cited document and file), open files only."""
    pairs = store.citing_unfiled(catalog, SCAN_LIMIT)
    gone = store.dismissed(catalog)
    records = catalog.get_many({i for pair in pairs for i in pair})
    filed = store.files_of(catalog, {cited for _, cited in pairs})
    files = store.files_by_ids(catalog, set(filed.values()))
    found, seen = [], set()
    for record_id, cited_id in pairs:
        file = files.get(filed.get(cited_id))
        record, cited = records.get(record_id), records.get(cited_id)
        if not (file and record and cited) or (record_id, file.id) in gone or (record_id, file.id) in seen:
            continue
        if not file.is_open or not all(can_see(clearance, r) for r in (record, cited)):
            continue
        if not can_see_file(clearance, file):
            continue
        seen.add((record_id, file.id))
        found.append(Suggestion(record, cited, file))
        if len(found) >= limit:
            break
    return found


def accept(settings: Settings, record_id: int, ref: str, *, clearance: Clearance | None = None) -> FileView:
    """File the suggested document in the file (as `archive files add` does)."""
    return add_documents(settings, ref, [record_id], clearance=clearance)


def dismiss(settings: Settings, record_id: int, ref: str, *, clearance: Clearance | None = None) -> None:
    """Never suggest this document for this file again; audited."""
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        visible_record(catalog, record_id, clearance)
        if store.file_of(catalog, record_id) == file.id:
            raise UsageError(Message("document %(id)s is in file %(file)s", id=record_id, file=file.ref))
        from archive.filing.closing import catalog_actor

        with catalog.transaction():
            store.dismiss(catalog, record_id, file.id, catalog_actor())
            catalog.log_event("file.suggestion.dismissed", record_id, file_id=file.id)
