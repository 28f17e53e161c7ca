"""Fonds and files (hồ sơ) as the filing use cases pass them around."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("matter", "meeting")  # a file of one matter; a meeting's (hội nghị, phiên họp) document set


@dataclass(frozen=True)
class Fonds:
    id: int
    code: str
    name: str

    def to_dict(self) -> dict:
        return {"id": self.id, "code": self.code, "name": self.name}


@dataclass(frozen=True)
class HoSo:
    """A file (hồ sơ): one matter's documents, planned in a year's file plan or opened ad hoc."""

    id: int
    fonds: str  # the fonds' code
    fonds_name: str
    year: int
    code: str
    title: str
    description: str | None
    heading: str | None
    unit: str | None
    keeper: str | None
    retention: str | None  # "permanent", "N years", or None: each document's own period
    classification: str
    compartments: tuple[str, ...]
    kind: str
    meeting_date: str | None
    source: str
    opened_at: str
    closed_on: str | None
    disposed_at: str | None

    @property
    def ref(self) -> str:
        """The reference that names it in every archive: FONDS/YEAR/CODE (shorter forms work when unique)."""
        return f"{self.fonds}/{self.year}/{self.code}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None and self.disposed_at is None

    @property
    def status(self) -> str:
        return "disposed" if self.disposed_at else "closed" if self.closed_on else "open"

    def to_dict(self) -> dict:
        """The file as answers show it: named by `ref`, never by its row id (a gap in those would tell of a
        file the reader may not see)."""
        return {
            "ref": self.ref,
            "fonds": self.fonds,
            "fonds_name": self.fonds_name,
            "year": self.year,
            "code": self.code,
            "title": self.title,
            "description": self.description,
            "heading": self.heading,
            "unit": self.unit,
            "keeper": self.keeper,
            "retention": self.retention,
            "classification": self.classification,
            "compartments": list(self.compartments),
            "kind": self.kind,
            "meeting_date": self.meeting_date,
            "source": self.source,
            "opened_at": self.opened_at,
            "closed_on": self.closed_on,
            "status": self.status,
        }
