"""Turn a catalog record and its text into an index document."""

from __future__ import annotations

from datetime import datetime

from indexer.core.models import Record
from indexer.core.vocabulary import DOC_TYPES
from indexer.normalize import symbol_key


def document_for(record: Record, text: str, citation_keys: list[str] = (), file_id: int | None = None) -> dict:
    """The fields `indexer.index.schema` expects; unknown values are simply left out. `file_id`: the file
    (hồ sơ) the record is filed in, if any."""
    doc = {
        "id": str(record.id),
        "rev": record.rev,
        "body": text,
        "body_exact": text,
        "body_pairs": text,
        "filename": record.filename,
        "language": record.language or "und",
        "classification": record.classification,
        "ingested": _date(record.ingested_at),
    }
    issued = _date(record.issued)
    english = record.language == "en"
    optional = {
        "title": record.title,
        "title_exact": record.title,
        "title_en": record.title if english else None,
        "body_en": text if english else None,
        "doc_type": record.doc_type,
        "type_name": " ".join(DOC_TYPES[record.doc_type]) if record.doc_type in DOC_TYPES else None,
        "issuer": record.issuer,
        "issuer_exact": record.issuer,
        "doc_number": symbol_key(record.doc_number) if record.doc_number else None,
        "citations": " ".join(citation_keys),
        "issued": issued,
        "year": issued.year if issued else None,
        "urgency": record.urgency,
        "signer": record.signer,
        "notes": record.notes,
        "compartments": ",".join(getattr(record, "compartments", None) or ()),
        "hoso": str(file_id) if file_id else None,
    }
    doc.update({k: v for k, v in optional.items() if v})
    return doc


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None
