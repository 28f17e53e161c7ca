"""Controlled vocabularies: document types, classification levels, urgency, metadata fields."""

from __future__ import annotations

from indexer.normalize import fold

# code → (Vietnamese name, English name). Party types per Hướng dẫn 36-HD/VPTW; NĐ/TT for state documents.
DOC_TYPES: dict[str, tuple[str, str]] = {
    "NQ": ("Nghị quyết", "Resolution"),
    "CT": ("Chỉ thị", "Directive"),
    "QĐi": ("Quy định", "Regulation"),
    "QĐ": ("Quyết định", "Decision"),
    "KL": ("Kết luận", "Conclusion"),
    "TB": ("Thông báo", "Notice"),
    "BC": ("Báo cáo", "Report"),
    "KH": ("Kế hoạch", "Plan"),
    "CTr": ("Chương trình", "Programme"),
    "TTr": ("Tờ trình", "Submission"),
    "HD": ("Hướng dẫn", "Guidance"),
    "QC": ("Quy chế", "Rules"),
    "ĐA": ("Đề án", "Project"),
    "PA": ("Phương án", "Scheme"),
    "CV": ("Công văn", "Official dispatch"),
    "BB": ("Biên bản", "Minutes"),
    "TT": ("Thông tri", "Circular notice"),
    "NĐ": ("Nghị định", "Decree"),
}

# Ordered from lowest to highest; a user's clearance is one of these too.
CLASSIFICATIONS = ("unclassified", "confidential", "secret", "top_secret")
URGENCIES = ("urgent", "very_urgent", "flash")

# Metadata fields that extraction, manifests and edits may set, with their provenance kept per field.
METADATA_FIELDS = (
    "doc_number",
    "doc_type",
    "issuer",
    "place",
    "issued",
    "title",
    "classification",
    "urgency",
    "language",
    "signer",
    "retention",
    "notes",
    "compartments",
    "direction",
    "received",
    "sender",
    "recipients",
    "routed_to",
    "copies",
)
PROVENANCES = ("extracted", "manifest", "edited", "registered")  # registered: numbered by archive.registers
DIRECTIONS = ("incoming", "outgoing", "internal")


def doc_type_code(value: str) -> str | None:
    """The vocabulary code for a code written in any case or without diacritics (`qdi` → `QĐi`)."""
    wanted = fold(value.strip()).lower()
    for code in DOC_TYPES:
        if fold(code).lower() == wanted:
            return code
    return None
