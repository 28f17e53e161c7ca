"""First pages of invented Party and state documents, each with the metadata an extractor should find: the
cases are in ``data/metadata_cases.json`` (and ``data/metadata_recipients.json``), read here.

A case renders with ``WRITERS[case.fmt](case.doc, path, **case.writer_kwargs)`` (``bench.generators.docgen``); its
``expected`` gives every field of ``FIELDS``, written out by hand. Every name, number and sentence is
fictional test data; symbols of real documents appear only as citations, and an invented symbol that
matches a real one does so by chance.

Conventions for ``expected``:
- doc_number: the symbol as printed, without "Số", "Số:" or "No.", dashes (– — ‑) as "-", no spaces
  around "-" and "/"; None without a number.
- doc_type: from the type word above the summary, else from the symbol ("45/UBND-VP" → CV).
- issuer: the issuing body (not its superior), canonically cased; "Bộ Chính trị" / "Ban Bí thư" /
  "Politburo" / "Secretariat" from the centre's "CỦA ..." / "OF THE ..." line under the Central Committee;
  a bare unit ("VĂN PHÒNG") completed by its parent ("Văn phòng Tỉnh ủy Quảng Trị").
- place, issued (ISO date): from the date line only, None without one.
- title: the summary as printed, lines joined by one space ("V/v ..." kept for a công văn).
- classification / urgency: only from a mark printed by the number, never from the prose.
- signer: the last line of the signature block; citations: sorted distinct symbols cited in the body,
  normalised like doc_number, without the document's own symbol.
- recipients: the "Nơi nhận:" (Recipients:) entries, each without its dash and closing punctuation, joined
  by "; ", without the entries for the file copy ("Lưu VT", "Filed at …"); None without a block. Cases
  written before the field existed state it by this rule from their own block (``listed``); the cases in
  ``RECIPIENT_CASES`` state it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from bench.generators.data import read
from bench.generators.docgen import OfficialDoc

FIELDS = (
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
    "citations",
    "recipients",
)


def listed(entries: tuple[str, ...]) -> str | None:
    """The recipients field of a block written as ``entries`` (``OfficialDoc.recipients``), by the rule above."""
    kept = [" ".join(e.split()).lstrip("-–•+* ").rstrip(",;. ") for e in entries]
    kept = [e for e in kept if e and not e.startswith(("Lưu", "Filed"))]
    return "; ".join(kept) or None


def expected_value(case: MetadataCase, name: str):
    """What the case expects for a field; recipients by ``listed`` where the case does not say."""
    if name == "recipients" and name not in case.expected:
        return listed(case.doc.recipients)
    return case.expected[name]


@dataclass(frozen=True)
class MetadataCase:
    """One rendered document and the metadata expected from it."""

    name: str
    doc: OfficialDoc
    fmt: str  # "docx" | "pdf" | "text" | "html"
    expected: dict[str, object]
    writer_kwargs: dict[str, Any] = field(default_factory=dict)
    skip: tuple[str, ...] = ()  # fields not scored for this case
    notes: tuple[str, ...] = field(default=(), compare=False)  # why the case is there, where it is not plain


def case_from(item: dict[str, Any]) -> MetadataCase:
    """A case from its entry in a data file; every field of ``FIELDS`` stated (recipients, a later field, may be
    left to ``listed``), and nothing else."""
    expected = item["expected"]
    missing, unknown = set(FIELDS) - set(expected) - {"recipients"}, set(expected) - set(FIELDS)
    if missing or unknown:
        raise ValueError(f"case {item['name']}: fields missing {sorted(missing)}, unknown {sorted(unknown)}")
    doc = OfficialDoc(**{k: tuple(v) if isinstance(v, list) else v for k, v in item["doc"].items()})
    return MetadataCase(
        name=item["name"],
        doc=doc,
        fmt=item["fmt"],
        expected=expected,
        writer_kwargs=item.get("writer_kwargs", {}),
        skip=tuple(item.get("skip", ())),
        notes=tuple(item.get("notes", ())),
    )


def cases(name: str) -> tuple[MetadataCase, ...]:
    """The cases of a data file, in its order."""
    return tuple(case_from(item) for item in read(name)["cases"])


CASES: tuple[MetadataCase, ...] = cases("metadata_cases.json")


def _with_block(item: dict[str, Any]) -> MetadataCase:
    """A case of ``CASES`` (``base``) with another closing block and the recipients expected from it."""
    case = next(c for c in CASES if c.name == item["base"])
    return MetadataCase(
        name=item["name"],
        fmt=case.fmt,
        doc=replace(case.doc, recipients=tuple(item["recipients"])),
        expected={**case.expected, "recipients": item["expected"]},
        writer_kwargs={**case.writer_kwargs, **item.get("writer_kwargs", {})},
        skip=case.skip,
    )


# First pages of the cases above with other closing blocks, their recipients written out by hand.
RECIPIENT_CASES = tuple(_with_block(item) for item in read("metadata_recipients.json")["cases"])
