"""A file's package (a meeting's document set for the paperless meeting room): a ZIP of the originals the
reader may see, in contents order, with a SHA-256 checksum list and the contents list; each document
included is audited as a download."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

from archive.catalog import Catalog
from archive.errors import ArchiveError
from archive.filing.contents import contents_csv
from archive.filing.filing import file_documents
from archive.messages import Message
from archive.store import Store
from indexer.visibility import Clearance

UNSAFE = re.compile(r"[^\w.\-]+")


def file_package(catalog: Catalog, store: Store, ref: str, clearance: Clearance | None) -> tuple[str, bytes]:
    """(suggested ZIP name, ZIP bytes). Checksums are of the bytes written, checked against the catalog's."""
    view = file_documents(catalog, ref, clearance)
    buffer = io.BytesIO()
    sums = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, record in enumerate(view.records, 1):
            name = f"{n:03d}-{UNSAFE.sub('_', record.filename)[:100]}"
            data = store.path(record.sha256).read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest != record.sha256:  # a damaged original is not handed out as if it were the record
                raise ArchiveError(Message("the original of record %(id)s is damaged", id=record.id))
            archive.writestr(name, data)
            sums.append(f"{digest}  {name}\n")
            catalog.log_event("download", record.id, sha256=record.sha256, package=True, file_id=view.file.id)
        archive.writestr("muc-luc.csv", contents_csv(view))
        archive.writestr("SHA256SUMS", "".join(sums))
    stem = UNSAFE.sub("_", f"{view.file.year}-{view.file.code}")
    return f"ho-so-{stem}.zip", buffer.getvalue()
