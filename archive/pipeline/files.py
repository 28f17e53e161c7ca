"""Which files an ingest looks at, and how their paths are shown and stored."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from archive.config import UPLOADS_DIR
from archive.messages import Message

MB = 1024 * 1024
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def display_path(path: Path | str) -> str:
    """A path as valid Unicode text: undecodable bytes in names become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def printable(text: str) -> str:
    """Text safe on a terminal or in a log line: control characters (escape sequences, a new line in a file
    name) written as `\\xNN`."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def refusal(path: Path, max_file_mb: float) -> tuple[str, str] | None:
    """(status, reason) when a file must not even be opened: not a regular file, or over the size limit."""
    found = path.stat()
    if not stat.S_ISREG(found.st_mode):  # a pipe would block the batch forever, a device never ends
        return "unsupported", Message("not a regular file (a device, pipe or socket): nothing to archive")
    if max_file_mb and found.st_size > max_file_mb * MB:
        return "failed", Message(
            "the file is %(size)s MB, over the limit of %(limit)s MB (ARCHIVE_MAX_FILE_MB)",
            size=f"{found.st_size / MB:,.0f}",
            limit=f"{max_file_mb:,g}",
        )
    return None


def iter_files(paths: Iterable[Path], *, exclude: Path | None = None) -> Iterator[Path]:
    """Files named directly, and files below folders (sorted, recursive).

    Inside folders, hidden files and folders (`.DS_Store`, `.git`) are skipped and symbolic links to
    folders are not followed (no loops); `exclude` (the archive's own home) is never entered, but for its
    `uploads` folder, where the web keeps files it is about to ingest.
    """
    excluded = exclude.resolve() if exclude else None
    for path in paths:
        if path.is_dir():
            yield from _walk(path, excluded)
        elif not _excluded(path.resolve(), excluded):
            yield path


def _excluded(path: Path, excluded: Path | None) -> bool:
    return excluded is not None and _inside(path, excluded) and not _inside(path, excluded / UPLOADS_DIR)


def _walk(folder: Path, excluded: Path | None) -> Iterator[Path]:
    if _excluded(folder.resolve(), excluded):
        return
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        if excluded is not None:
            dirs[:] = [d for d in dirs if not _excluded(Path(root, d).resolve(), excluded)]
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
