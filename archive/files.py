"""Which files an ingest looks at, and how their paths are shown and stored."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def display_path(path: Path | str) -> str:
    """A path as valid Unicode text: undecodable bytes in names become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def iter_files(paths: Iterable[Path], *, exclude: Path | None = None) -> Iterator[Path]:
    """Files named directly, and files below folders (sorted, recursive).

    Inside folders, hidden files and folders (`.DS_Store`, `.git`) are skipped and symbolic links to
    folders are not followed (no loops); `exclude` (the archive's own home) is never entered.
    """
    excluded = exclude.resolve() if exclude else None
    for path in paths:
        if path.is_dir():
            yield from _walk(path, excluded)
        elif excluded is None or not _inside(path.resolve(), excluded):
            yield path


def _walk(folder: Path, excluded: Path | None) -> Iterator[Path]:
    if excluded is not None and _inside(folder.resolve(), excluded):
        return
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        if excluded is not None:
            dirs[:] = [d for d in dirs if not _inside(Path(root, d).resolve(), excluded)]
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
