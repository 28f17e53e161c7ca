"""A file's package (a meeting's document set for the paperless meeting room): a ZIP of the originals the
reader may see, in contents order, with a SHA-256 checksum list and the contents list; each document
included is audited as a download."""

from __future__ import annotations

import hashlib
import re
import tempfile
import zipfile
from typing import IO

from archive.catalog import Catalog
from archive.errors import ArchiveError
from archive.filing.contents import contents_csv
from archive.filing.filing import file_documents
from archive.messages import Message
from archive.store import Store
from indexer import Clearance

UNSAFE = re.compile(r"[^\w.\-]+")


SPOOL_BYTES = 32 * 1024 * 1024  # a larger package goes to a temporary file, not the server's memory


def file_package(catalog: Catalog, store: Store, ref: str, clearance: Clearance | None) -> tuple[str, IO[bytes]]:
    """(suggested ZIP name, the ZIP, rewound). Checksums are of the bytes written, checked against the catalog's."""
    view = file_documents(catalog, ref, clearance)
    # Closed by the caller once sent (Flask closes the file it serves).
    buffer = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, dir=store.ensure().tmp)  # noqa: SIM115
    sums = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, record in enumerate(view.records, 1):
            name = f"{n:03d}-{UNSAFE.sub('_', record.filename)[:100]}"
            digest = hashlib.sha256()
            with store.path(record.sha256).open("rb") as original, archive.open(name, "w") as member:
                while chunk := original.read(1024 * 1024):
                    digest.update(chunk)
                    member.write(chunk)
            digest = digest.hexdigest()
            if digest != record.sha256:  # a damaged original is not handed out as if it were the record
                buffer.close()
                raise ArchiveError(Message("the original of record %(id)s is damaged", id=record.id))
            sums.append(f"{digest}  {name}\n")
            catalog.log_event("download", record.id, sha256=record.sha256, package=True, file_id=view.file.id)
        archive.writestr("muc-luc.csv", contents_csv(view))
        archive.writestr("SHA256SUMS", "".join(sums))
    buffer.seek(0)
    stem = UNSAFE.sub("_", f"{view.file.year}-{view.file.code}")
    return f"ho-so-{stem}.zip", buffer
