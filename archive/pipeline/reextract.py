"""Re-read metadata from records' stored text with the current extraction rules.

Only fields whose value came from extraction are replaced: a manifest's value or a person's edit is
never touched. Changes are logged like any other change and reach the index at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from archive.config import Settings
from archive.upkeep.session import writing
from archive.vocabulary import METADATA_FIELDS
from indexer import extract_metadata


def reextract(settings: Settings, ids: Iterable[int] | None = None, *, actor: str = "cli") -> dict[str, int]:
    """Returns {"checked", "updated"}."""
    counts = {"checked": 0, "updated": 0}
    changed_ids: list[int] = []
    with writing(settings, "reextract") as session:
        catalog = session.catalog
        records = [catalog.get(i) for i in ids] if ids else list(catalog.iter_records())
        for record in records:
            counts["checked"] += 1
            meta = extract_metadata(catalog.text(record.id), record.language)
            found = {f: getattr(meta, f) for f in METADATA_FIELDS if hasattr(meta, f) and f != "language"}
            changes = {
                f: value
                for f, value in found.items()
                if value is not None and record.provenance.get(f, "extracted") == "extracted"
            }
            with catalog.transaction():
                fields_changed = catalog.update_fields(record.id, changes, source="extracted", actor=actor)
                citations_changed = catalog.replace_citations(record.id, meta.citations)
            if fields_changed or citations_changed:
                changed_ids.append(record.id)
        if changed_ids:
            session.reindex(changed_ids)
    counts["updated"] = len(changed_ids)
    return counts
