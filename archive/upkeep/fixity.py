"""Handing out stored bytes checked against their SHA-256 as they are read: an original (web download and
preview, `archive export`), and what was made beside it for reading, whose digest was recorded when it was
made: the searchable PDF OCR made of a scan, the PDF preview of an office document.

The bytes go out chunk by chunk, the last one held back until the whole file has hashed to the recorded
SHA-256, so a damaged file never arrives whole: a file of one chunk (most records) is checked before
anything is sent, and the request answers an error; a longer one is cut short before its end, which
every client reports as a failed transfer. A mismatch is recorded in the audit trail as a fixity problem
of the record (`corrupt_original`, `corrupt_rendition` or `corrupt_preview`, as `archive verify` reports
them) and raised as FixityError.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from archive.catalog import Catalog
from archive.errors import FixityError
from archive.messages import Message
from archive.models import Record
from archive.upkeep.verify import Problem

CHUNK = 1024 * 1024
# What is damaged, as the error names it: an original, or a file made from it.
DAMAGED = {
    "original": Message(
        "the original of record %(id)s is damaged (it no longer matches its SHA-256): it was not handed "
        "out; restore it from a backup (`archive verify` lists it)"
    ),
    "rendition": Message(
        "the searchable PDF of record %(id)s is damaged (it no longer matches its SHA-256): it was not handed "
        "out; the original is not affected; restore the PDF from a backup (`archive verify` lists it)"
    ),
    "preview": Message(
        "the preview of record %(id)s is damaged (it no longer matches its SHA-256): it was not shown; "
        "it is made again from the original at the next view"
    ),
}


def checked_original(catalog: Catalog, record: Record, path: Path, via: str) -> Iterator[bytes]:
    """The original's bytes, the last chunk only after the whole file matched `record.sha256`; on a mismatch
    the problem is logged (as done `via` a download or an export) and FixityError raised instead."""
    return checked_file(catalog, record, path, record.sha256, via, kind="original")


def checked_file(
    catalog: Catalog, record: Record, path: Path, sha256: str, via: str, *, kind: str, on_damage=None
) -> Iterator[bytes]:
    """The bytes of `path` (the record's `kind`: original, rendition or preview), the last chunk only after
    the whole file matched `sha256`; on a mismatch the problem is logged (as done `via` a download, an
    export, an inline view) and FixityError raised instead, after `on_damage()` if given."""
    digest = hashlib.sha256()
    held = None
    with open(path, "rb") as source:
        while data := source.read(CHUNK):
            digest.update(data)
            if held is not None:
                yield held
            held = data
    actual = digest.hexdigest()
    if actual != sha256:
        problem = Problem.of(f"corrupt_{kind}", record.id, actual=actual, sha256=sha256)
        catalog.log_event("fixity", record.id, ok=False, via=via, problems=[problem.to_dict()])
        if on_damage is not None:
            on_damage()
        raise FixityError(Message(DAMAGED[kind].template, id=record.id))
    if held is not None:
        yield held
