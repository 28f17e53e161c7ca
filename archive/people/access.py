"""Who may see which catalog record: the same rule the search index applies (`indexer.index.visibility`),
for everything that reads the catalog directly (record pages, downloads, citations, disposal records).
`clearance=None` is the local administrator (the command line)."""

from __future__ import annotations

from collections.abc import Iterable

from archive.catalog import Catalog
from archive.errors import DisposedError, NotFoundError
from archive.messages import Message
from archive.models import Record
from archive.retention.disposals import Disposal, find_disposal
from indexer import Clearance


def may_see(clearance: Clearance | None, classification: str | None, compartments: Iterable[str] = ()) -> bool:
    """Classification at or below the clearance and no compartment the reader lacks; an unreadable
    classification is hidden (as in the index)."""
    return clearance is None or clearance.allows(classification, compartments)


def can_see(clearance: Clearance | None, record: Record) -> bool:
    return may_see(clearance, record.classification, record.compartments)


ACCESS_FIELDS = ("classification", "compartments")  # who may see a record: an edit of them is audited on its own too


def may_classify(clearance: Clearance | None, values: dict, record: Record | None = None) -> bool:
    """Whether a person may set these (validated) values on `record` (None: a new record, unclassified until
    said otherwise): one may only mark what one is cleared to read, so the result must stay within their
    clearance and compartments. Always for the command line (None), which runs as the archive's operator."""
    if clearance is None or not set(ACCESS_FIELDS) & values.keys():
        return True
    level, compartments = (record.classification, record.compartments) if record else ("unclassified", ())
    return clearance.allows(values.get("classification", level), values.get("compartments", compartments))


def not_found(record_id: int) -> NotFoundError:
    """The one answer for a record that does not exist and for one the reader may not see."""
    return NotFoundError(Message("record %(id)s not found", id=record_id))


def visible_record(catalog: Catalog, record_id: int, clearance: Clearance | None) -> Record:
    """The record if the reader may see it; a disposed one they could have seen raises DisposedError;
    anything else is "not found", worded exactly as for an id that never existed."""
    if not -(2**63) <= record_id < 2**63:  # no record has an id SQLite cannot hold (sent in a JSON body)
        raise not_found(record_id)
    record = catalog.find(record_id)
    if record is not None and can_see(clearance, record):
        return record
    if record is None:
        disposal = find_disposal(catalog.db, record_id)
        if disposal is not None and may_see(clearance, disposal.classification, disposal.compartments):
            raise DisposedError(disposal.message, disposal_seen(catalog, disposal, clearance))
    raise not_found(record_id)


def disposal_seen(catalog: Catalog, disposal: Disposal, clearance: Clearance | None) -> dict:
    """A disposal record as the reader may read it: a record it cited that they may not see shows as not
    archived (`id` null), as on a live record's page (`archive.search.record_details`)."""
    seen = disposal.to_dict()
    citations = seen["metadata"].get("citations") if isinstance(seen["metadata"], dict) else None
    if citations and clearance is not None:
        linked = catalog.get_many({c["id"] for c in citations if c.get("id")})
        shown = {i for i, record in linked.items() if can_see(clearance, record)}
        cut = [{**c, "id": c["id"] if c.get("id") in shown else None} for c in citations]
        seen["metadata"] = {**seen["metadata"], "citations": cut}
    return seen


def may_know(catalog: Catalog, record_id: int, clearance: Clearance | None) -> bool:
    """Whether the reader may learn anything of this id: a record they may see, or a disposed one they
    could have seen (its disposal record says so). Anything else, an id never used too, is not theirs."""
    record = catalog.find(record_id)
    if record is not None:
        return can_see(clearance, record)
    disposal = find_disposal(catalog.db, record_id)
    return disposal is not None and may_see(clearance, disposal.classification, disposal.compartments)


def visible_count(catalog: Catalog, clearance: Clearance | None, where: str = "1") -> int:
    """How many records the reader may see (grouped in SQL: a handful of level × compartment groups), of all
    or of those matching `where` (SQL over `records`, written in the program, never from input)."""
    rows = catalog.db.execute(f"SELECT classification, compartments, count(*) FROM records WHERE {where} GROUP BY 1, 2")
    return sum(n for level, names, n in rows if may_see(clearance, level, [c for c in (names or "").split(",") if c]))
