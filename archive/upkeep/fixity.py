"""Handing out an original checked against its SHA-256 as it is read (web download, `archive export`).

The bytes go out chunk by chunk, the last one held back until the whole file has hashed to the catalog's
SHA-256, so a damaged original never arrives whole: a file of one chunk (most records) is checked before
anything is sent, and the request answers an error; a longer one is cut short before its end, which
every client reports as a failed transfer. A mismatch is recorded in the audit trail as a fixity problem
of the record (`corrupt_original`, as `archive verify` reports it) and raised as FixityError.
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


def checked_original(catalog: Catalog, record: Record, path: Path, via: str) -> Iterator[bytes]:
    """The original's bytes, the last chunk only after the whole file matched `record.sha256`; on a mismatch
    the problem is logged (as done `via` a download or an export) and FixityError raised instead."""
    digest = hashlib.sha256()
    held = None
    with open(path, "rb") as source:
        while data := source.read(CHUNK):
            digest.update(data)
            if held is not None:
                yield held
            held = data
    actual = digest.hexdigest()
    if actual != record.sha256:
        problem = Problem.of("corrupt_original", record.id, actual=actual, sha256=record.sha256)
        catalog.log_event("fixity", record.id, ok=False, via=via, problems=[problem.to_dict()])
        raise FixityError(
            Message(
                "the original of record %(id)s is damaged (it no longer matches its SHA-256): it was not handed "
                "out; restore it from a backup (`archive verify` lists it)",
                id=record.id,
            )
        )
    if held is not None:
        yield held
