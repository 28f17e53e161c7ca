"""Reading the archive — search, a record's page, similar records, downloads and exports — each with the
audit entry that records it: the one place the CLI and the web do them, so the trail reads the same from both."""

from __future__ import annotations

from pathlib import Path

from archive.catalog import Catalog
from archive.errors import ArchiveError
from archive.models import Record
from archive.people.access import visible_record
from archive.search import record_detail, search_records, similar_records
from archive.store import Store
from indexer import Clearance, SearchIndex


def searcher(clearance: Clearance) -> dict:
    """The searcher's clearance, kept with a search in the audit trail: what it found is shown there only to
    those cleared as far (`archive.audit.auditview`), even after the searcher's own clearance changes."""
    return {"level": clearance.level, "compartments": sorted(clearance.compartments)}


def search(
    catalog: Catalog,
    index: SearchIndex,
    query: str,
    *,
    filters: dict,
    page: int,
    limit: int,
    sort: str = "relevance",
    clearance: Clearance | None = None,
    browse: bool = False,
) -> dict:
    """A search cut to the clearance (None: the local administrator's, all), logged with its query text and
    result count, and with the searcher's clearance when there is one (`browse`: an empty query lists every
    visible record)."""
    result = search_records(
        catalog, index, query, filters=filters, page=page, limit=limit, sort=sort, clearance=clearance, browse=browse
    )
    seen = {} if clearance is None else {"clearance": searcher(clearance)}
    catalog.log_event("search", None, query=query, filters=filters, page=page, results=result["total"], **seen)
    return result


def view(catalog: Catalog, record_id: int, clearance: Clearance | None) -> tuple[Record, dict]:
    """A record its reader may see, with its metadata and citations (`record_detail`); the viewing is logged."""
    record = visible_record(catalog, record_id, clearance)
    detail = record_detail(catalog, record, clearance)
    catalog.log_event("view", record_id)
    return record, detail


def similar(catalog: Catalog, index: SearchIndex, record_id: int, *, limit: int, clearance: Clearance) -> dict:
    """The records most like this one that the reader may see; logged as a search."""
    result = similar_records(catalog, index, record_id, limit=limit, clearance=clearance)
    catalog.log_event("search.similar", record_id, results=len(result["hits"]), clearance=searcher(clearance))
    return result


def downloaded(
    catalog: Catalog, record: Record, *, inline: bool = False, rendition: bool = False, preview: bool = False
) -> None:
    """Log that the original (or the searchable PDF made of it: `rendition`; the PDF made for its preview:
    `preview`) left the archive, to be saved or shown in the page (`inline`)."""
    how = {"inline": True} if inline else {}
    how |= {"preview": True} if preview else {}
    how |= {"rendition": True} if rendition else {}
    catalog.log_event("download", record.id, sha256=record.sha256, **how)


def export_original(catalog: Catalog, store: Store, record_id: int, output: Path) -> tuple[Record, Path]:
    """The record and where its stored original is, to be copied to `output` (`-`: standard output); logged."""
    record = visible_record(catalog, record_id, None)
    blob = store.path(record.sha256)
    if not blob.is_file():
        raise ArchiveError(f"the original of record {record_id} is missing from the store: run `archive verify`")
    catalog.log_event("export", record_id, output=str(output), sha256=record.sha256)
    return record, blob


def not_found(catalog: Catalog, path: str) -> None:
    """Log a request for a record that is not there (or not for this reader): guessed ids show up in the trail."""
    catalog.log_event("not_found", None, path=path)
