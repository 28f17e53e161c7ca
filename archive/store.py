"""Content-addressed store of original bytes: the only module that writes or removes originals.

A blob lives at `store/<first two hex digits>/<sha256>`. It is written to a temporary file in the same
filesystem, fsynced, then renamed into place, so a blob is either whole or absent. Blobs are never
modified; they are made read-only once in place.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archive.errors import ArchiveError

CHUNK = 1024 * 1024
HEX = set("0123456789abcdef")
RENDITION_SUFFIX = ".ocr.pdf"  # a searchable PDF made from a scan, beside its original; never the original
PREVIEW_SUFFIX = ".preview.pdf"  # a PDF LibreOffice made of a DOCX/ODT/HTML for the record page (archive.preview)


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    created: bool  # False when identical bytes were already stored


class Store:
    """Original bytes keyed by SHA-256."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"

    def ensure(self) -> Store:
        self.tmp.mkdir(parents=True, exist_ok=True)
        return self

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or not set(sha256) <= HEX:
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_file(self, source: Path, max_bytes: int = 0) -> StoredBlob:
        """Copy `source` into the store while hashing it; identical content is stored once.

        A file that grows past `max_bytes` (when given) while it is read is not stored: ArchiveError."""
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp, prefix="in-")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    if max_bytes and size > max_bytes:
                        raise ArchiveError(
                            f"the file grew past the limit of {max_bytes // CHUNK:,} MB while it was read"
                        )
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path(sha)
            if final.is_file():
                os.unlink(tmp_name)
                return StoredBlob(sha, size, created=False)
            final.parent.mkdir(exist_ok=True)
            read_only(tmp_name)
            os.replace(tmp_name, final)
            _fsync_dir(final.parent)
            return StoredBlob(sha, size, created=True)
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise

    def rendition_path(self, sha256: str) -> Path:
        return self.path(sha256).with_name(sha256 + RENDITION_SUFFIX)

    def preview_path(self, sha256: str) -> Path:
        return self.path(sha256).with_name(sha256 + PREVIEW_SUFFIX)

    def put_rendition(self, sha256: str, made: Path) -> Path:
        """Move a finished rendition (made in `tmp`) beside its original, durably; replaces an older one."""
        final = self.rendition_path(sha256)
        read_only(made)
        with open(made, "rb") as f:
            os.fsync(f.fileno())
        os.replace(made, final)
        _fsync_dir(final.parent)
        return final

    def remove(self, sha256: str) -> bool:
        """Delete a blob (disposal, or an orphan left by a killed run). True when something was removed."""
        path = self.path(sha256)
        self.rendition_path(sha256).unlink(missing_ok=True)
        self.preview_path(sha256).unlink(missing_ok=True)  # nothing of a disposed record stays readable
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        _fsync_dir(path.parent)
        return True

    def hash_of(self, sha256: str) -> str:
        """Recompute the SHA-256 of a stored blob (for verify)."""
        digest = hashlib.sha256()
        with open(self.path(sha256), "rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def iter_digests(self) -> Iterator[str]:
        """Every blob digest in the store (ignores temporary files)."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.name == "tmp" or not sub.is_dir():
                continue
            for blob in sub.iterdir():
                if blob.name.startswith(sub.name) and len(blob.name) == 64:
                    yield blob.name

    def clear_tmp(self) -> int:
        """Remove temporary files left by a killed writer; call only while holding the writer lock."""
        removed = 0
        if self.tmp.is_dir():
            for leftover in self.tmp.iterdir():
                if leftover.is_dir() and not leftover.is_symlink():  # a worker's (LibreOffice's, ocrmypdf's)
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink(missing_ok=True)
                removed += 1
        return removed


def _fsync_dir(path: Path) -> None:
    """Make a rename or unlink in `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_only(path) -> None:
    """Make a stored file read-only for everyone it was readable by, and no more readable than the process's
    umask allows (0400 under the archive's 077: `Settings.umask`)."""
    os.chmod(path, 0o444 & ~current_umask())


def current_umask() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o077)  # elsewhere: read by setting it, at once set back
    os.umask(mask)
    return mask
