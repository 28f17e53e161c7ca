"""Metadata read from an official document's own text: symbol, type, issuer, place, date, title,
marks, signer, recipients and the symbols it cites. Nothing is invented: what cannot be read stays None."""

from __future__ import annotations

from indexer.core.models import Citation, DocumentMetadata
from indexer.normalize import display_symbol, symbol_key
from indexer.reading.metadata.dates import parse_date_line
from indexer.reading.metadata.layout import HEADER_LINES, cells_of, read_header, read_signer
from indexer.reading.metadata.names import issuer_name
from indexer.reading.metadata.recipients import read_recipients
from indexer.reading.metadata.symbols import find_symbols, type_from_symbol


def extract_metadata(text: str, language: str | None = None) -> DocumentMetadata:
    """Everything the first page and the closing block say about the document."""
    lines = text.replace("\f", "\n").splitlines()
    header = read_header(cells_of(lines[:HEADER_LINES]))
    symbols = find_symbols(header.number or "")
    doc_number = symbols[0].display if symbols else None
    own_key = symbol_key(doc_number) if doc_number else None
    place, issued = parse_date_line(header.date_cell) if header.date_cell else (None, None)
    superior = header.issuer_lines[-2] if len(header.issuer_lines) >= 2 else None
    issuing = header.issuer_lines[-1] if header.issuer_lines else None
    title = " ".join(" ".join(line.split()) for line in header.title_lines) or None
    doc_type = header.type_code or (type_from_symbol(doc_number) if doc_number else None)
    if doc_type is None and title and title.lower().startswith("v/v"):
        doc_type = "CV"
    return DocumentMetadata(
        doc_number=doc_number,
        doc_type=doc_type,
        issuer=issuer_name(superior, issuing, header.of_body),
        place=place,
        issued=issued,
        title=title,
        classification=header.secrecy or "unclassified",
        urgency=header.urgency,
        language=language,
        signer=read_signer(lines),
        citations=_citations(text, own_key),
        recipients=read_recipients(lines),
    )


def _citations(text: str, own_key: str | None) -> tuple[Citation, ...]:
    seen: dict[str, Citation] = {}
    for found in find_symbols(text):
        if found.key != own_key and found.key not in seen:
            seen[found.key] = Citation(display_symbol(found.display), found.key, found.date)
    return tuple(seen.values())
