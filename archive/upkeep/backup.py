"""A consistent copy of a home folder while the archive is in use, and bringing one back.

Under the writer lock, so that no disposal, ingest or recovery removes or replaces a file half way, the
catalog is copied with SQLite's online backup and every file that snapshot needs (the originals it names,
their searchable-PDF renditions, the live index generation) is hard-linked into a staging folder in the
home. The lock is then released and the copy to DEST is made from the links, which keep the snapshot's
files whatever writers do meanwhile; each original is hashed on the way. Where hard links cannot be made
(the store on another filesystem), the copy is made while holding the lock instead.

A staging folder carries an `flock` held by its backup while it lives; one left by a killed backup is
removed by the next backup or writer's recovery (`remove_abandoned_staging`).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import UsageError
from archive.store import Store, read_only
from archive.upkeep.reindex import sync_index
from archive.upkeep.verify import Problem
from indexer import copy_live_generation

MANIFEST = "BACKUP.json"
CHUNK = 1 << 20
STAGING_PREFIX = ".backup-staging-"  # in the home: the same filesystem as the store, so links can be made


@dataclass(frozen=True)
class Snapshot:
    """The catalog as copied into `dest`, and where the files it needs can be read without the lock."""

    dest: Path
    records: list[tuple[int, str]]  # (record id, sha256) of every record in the copied catalog
    files: Path  # a home-like folder holding `store/` and `index/`: the staging folder, or the home itself
    started: float


def backup(settings: Settings, dest: Path) -> dict:
    """Write a backup of `settings.home` into the new or empty folder `dest`."""
    if not settings.catalog_path.is_file():
        raise UsageError(f"no archive at {settings.home}")
    _require_empty(dest)
    dest.mkdir(parents=True, exist_ok=True)
    with snapshot(settings, dest) as taken:
        return write_backup(settings, taken)


@contextmanager
def snapshot(settings: Settings, dest: Path) -> Iterator[Snapshot]:
    """Copy the catalog into `dest` and keep the files it needs, under the writer lock; the lock is held
    only while they are linked, or for the whole `with` block where links cannot be made."""
    started = time.monotonic()
    from archive.upkeep.session import holding  # here: session → recovery → backup

    with holding(settings, "backup", command="backup"):
        remove_abandoned_staging(settings.home)
        records = _copy_catalog(settings.catalog_path, dest / settings.catalog_path.name)
        for config in settings.home.glob("*.toml"):  # retention schedule and other settings kept in the home
            shutil.copy2(config, dest / config.name)
        staging = _stage(settings, [digest for _, digest in records])
        if staging is None:  # no hard links here: writers wait until the copy is made
            yield Snapshot(dest, records, settings.home, started)
            return
    with staging:  # writers go on; the links keep what the snapshot needs
        yield Snapshot(dest, records, staging.root, started)


def write_backup(settings: Settings, taken: Snapshot) -> dict:
    """Copy the snapshot's originals, renditions and index into its `dest`; write the manifest."""
    source = Store(taken.files / settings.store_dir.name)
    target = Store(taken.dest / settings.store_dir.name)
    copied, size, problems = 0, 0, []
    for record_id, digest in taken.records:
        if not source.exists(digest):
            problems.append(Problem.of("missing_original", record_id, sha256=digest))
            continue
        written, actual = _copy_hashing(source.path(digest), target.path(digest))
        if actual != digest:
            target.path(digest).unlink()  # a backup never holds bytes that are not the record's
            problems.append(Problem.of("corrupt_original", record_id, actual=actual, sha256=digest))
            continue
        read_only(target.path(digest))
        size += written
        copied += 1
        for derived, to in (
            (source.rendition_path(digest), target.rendition_path(digest)),
            (source.preservation_path(digest), target.preservation_path(digest)),  # the PDF/A copy
        ):
            if derived.is_file():
                shutil.copy2(derived, to)
    index = _copy_index(taken.files / settings.index_dir.name, taken.dest / settings.index_dir.name)
    summary = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": str(settings.home),
        "records": len(taken.records),
        "originals": copied,
        "originals_missing": sum(p.kind == "missing_original" for p in problems),
        "originals_damaged": sum(p.kind == "corrupt_original" for p in problems),
        "bytes": size,
        "index": index,
        "seconds": round(time.monotonic() - taken.started, 1),
        "problems": [p.to_dict() for p in problems],
    }
    (taken.dest / MANIFEST).write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return summary


def restore(settings: Settings, source: Path) -> dict:
    """Bring a backup back into an empty home, then bring its index in step with its catalog."""
    manifest = source / MANIFEST
    if not manifest.is_file():
        raise UsageError(f"{source} is not a backup made by `archive backup` (no {MANIFEST})")
    _require_empty(settings.home, allowed={settings.lock_path.name})
    settings.home.mkdir(parents=True, exist_ok=True)
    from archive.upkeep.session import holding  # here: session → recovery → backup

    with holding(settings, "restore", command="restore"):
        for item in source.iterdir():
            if item.name == MANIFEST:
                continue
            target = settings.home / item.name
            if item.is_dir():
                shutil.copytree(item, target)
            else:
                shutil.copy2(item, target)
        with Catalog(settings.catalog_path) as catalog:  # migrates a backup made by an older version
            summary = sync_index(catalog, settings.index_dir)
    return {"restored_from": str(source), "backup": json.loads(manifest.read_text(encoding="utf-8")),
            "reindex": summary.to_dict()}  # fmt: skip


class Staging:
    """A folder in the home for hard links to a snapshot's files, `flock`ed by its backup while it lives."""

    def __init__(self, home: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=home))
        self._fd = os.open(self.root, os.O_RDONLY)
        fcntl.flock(self._fd, fcntl.LOCK_EX)  # released by the kernel if this process dies

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc) -> None:
        self.remove()

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        os.close(self._fd)


def remove_abandoned_staging(home: Path) -> int:
    """Remove staging folders whose backup was killed (no live process holds their flock); call under the
    writer lock, which every backup holds while it makes one. Returns how many were removed."""
    removed = 0
    for folder in home.glob(STAGING_PREFIX + "*") if home.is_dir() else ():
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a backup is copying from it now
        finally:
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


def _copy_catalog(catalog_path: Path, target: Path) -> list[tuple[int, str]]:
    """SQLite's online backup of the catalog into `target`; returns its records' (id, sha256)."""
    with sqlite3.connect(catalog_path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    copy = sqlite3.connect(target)
    try:
        return [(row[0], row[1]) for row in copy.execute("SELECT id, sha256 FROM records ORDER BY id")]
    finally:
        copy.close()


def _stage(settings: Settings, digests: list[str]) -> Staging | None:
    """Hard-link the originals, renditions and live index generation into a new staging folder; None (and
    no folder) when this filesystem cannot link them. An original missing from the store is left out."""
    staging = Staging(settings.home)
    try:
        store, links = Store(settings.store_dir), Store(staging.root / settings.store_dir.name)
        for digest in digests:
            _link_if_there(store.path(digest), links.path(digest))
            _link_if_there(store.rendition_path(digest), links.rendition_path(digest))
            _link_if_there(store.preservation_path(digest), links.preservation_path(digest))
        _copy_index(settings.index_dir, staging.root / settings.index_dir.name, copy_function=os.link)
    except OSError:  # EXDEV, EPERM, EMLINK, a filesystem without links: copy under the lock instead
        staging.remove()
        return None
    except BaseException:
        staging.remove()
        raise
    return staging


def _link_if_there(original: Path, link: Path) -> None:
    """Hard-link one file; one that is not there (a lost original, which the copy reports; no rendition)
    is skipped."""
    link.parent.mkdir(parents=True, exist_ok=True)
    with suppress(FileNotFoundError):
        os.link(original, link)


def _copy_index(index_dir: Path, target: Path, copy_function=shutil.copy2) -> str:
    """'copied' with the live generation (into staging as links, `os.link`; then as linked or, under the lock,
    as it is); 'rebuild' when there is none, and `restore` builds one from the catalog."""
    return "copied" if copy_live_generation(index_dir, target, copy_function) else "rebuild"


def _require_empty(folder: Path, allowed: set[str] = frozenset()) -> None:
    if folder.exists() and any(p.name not in allowed for p in folder.iterdir()):
        raise UsageError(f"{folder} is not empty; give a new or empty folder")


def _copy_hashing(source: Path, target: Path) -> tuple[int, str]:
    """Copy one original; returns its size and the SHA-256 of the bytes read."""
    target.parent.mkdir(parents=True, exist_ok=True)
    hasher, size = hashlib.sha256(), 0
    with open(source, "rb") as src, open(target, "wb") as out:
        while chunk := src.read(CHUNK):
            hasher.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return size, hasher.hexdigest()
