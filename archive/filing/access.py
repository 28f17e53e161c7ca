"""Which files a reader may know of, by the same rule as records (`archive.access.may_see`): a file's own
classification and compartments cover its title and description. A file the reader may not see is answered
exactly like a reference that names no file, and ambiguity is judged among the files they may see only."""

from __future__ import annotations

import re

from archive.catalog import Catalog
from archive.errors import NotFoundError, UsageError
from archive.filing import store
from archive.filing.models import HoSo
from archive.messages import Message
from archive.people.access import may_see
from indexer import Clearance

REF_RE = re.compile(r"(?:(?:(?P<fonds>[^/\s]+)/)?(?P<year>\d{4})/)?(?P<code>[^/]+)")


def can_see_file(clearance: Clearance | None, file: HoSo) -> bool:
    return may_see(clearance, file.classification, file.compartments)


def file_not_found(ref: str) -> NotFoundError:
    """The one answer for a file that does not exist and for one the reader may not see."""
    return NotFoundError(Message("file %(ref)s not found", ref=ref))


def visible_file(catalog: Catalog, ref: str, clearance: Clearance | None) -> HoSo:
    """The file named by `ref` (CODE, YEAR/CODE or FONDS/YEAR/CODE) if the reader may see it.

    A code several visible files share (numbering restarts every year) is refused, naming the longer forms."""
    ref = " ".join((ref or "").split())
    match = REF_RE.fullmatch(ref)
    if not match or len(ref) > 200:
        raise file_not_found(ref)
    year = int(match["year"]) if match["year"] else None
    found = [f for f in store.files_by_code(catalog, match["code"], year, match["fonds"]) if can_see_file(clearance, f)]
    if not found:
        raise file_not_found(ref)
    if len(found) > 1:
        raise UsageError(
            Message(
                "several files have the code %(code)s: name one as %(refs)s",
                code=match["code"],
                refs=", ".join(f.ref for f in found[:5]),
            )
        )
    return found[0]


def visible_file_ids(catalog: Catalog, ref: str, clearance: Clearance | None) -> list[int]:
    """Every file `ref` may name that the reader may see (a search filter takes them all); [] when none."""
    match = REF_RE.fullmatch(" ".join((ref or "").split()))
    if not match:
        return []
    year = int(match["year"]) if match["year"] else None
    return [
        f.id for f in store.files_by_code(catalog, match["code"], year, match["fonds"]) if can_see_file(clearance, f)
    ]


def visible_files_by_ids(catalog: Catalog, ids, clearance: Clearance | None) -> dict[int, HoSo]:
    return {i: f for i, f in store.files_by_ids(catalog, ids).items() if can_see_file(clearance, f)}
