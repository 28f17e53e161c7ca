"""A consistent copy of a home folder while the archive is in use, and bringing one back.

The catalog is copied with SQLite's online backup (a snapshot, even while an ingest writes); the
store's originals are content-addressed and never change, so exactly those the snapshot names are
copied, each hashed on the way. The index is derived: the live generation is copied if its files hold
still during the copy, otherwise the backup says so and `restore` rebuilds it from the catalog.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import UsageError
from archive.lock import writer_lock
from archive.reindex import sync_index
from archive.store import Store
from indexer.index import read_current

MANIFEST = "BACKUP.json"
CHUNK = 1 << 20
INDEX_ATTEMPTS = 3


def backup(settings: Settings, dest: Path) -> dict:
    """Write a backup of `settings.home` into the new or empty folder `dest`."""
    if not settings.catalog_path.is_file():
        raise UsageError(f"no archive at {settings.home}")
    _require_empty(dest)
    dest.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    catalog_copy = dest / settings.catalog_path.name
    with sqlite3.connect(settings.catalog_path) as source, sqlite3.connect(catalog_copy) as copy:
        source.backup(copy)
    copy_db = sqlite3.connect(catalog_copy)
    digests = sorted({row[0] for row in copy_db.execute("SELECT sha256 FROM records")})
    copy_db.close()
    store, target = Store(settings.store_dir), Store(dest / settings.store_dir.name)
    copied, missing, size = 0, [], 0
    for digest in digests:
        if not store.exists(digest):
            missing.append(digest)  # disposed of, or already lost: `verify` on the source says which
            continue
        size += _copy_checked(store.path(digest), target.path(digest), digest)
        copied += 1
        rendition = store.rendition_path(digest)
        if rendition.is_file():
            shutil.copy2(rendition, target.rendition_path(digest))
    for config in settings.home.glob("*.toml"):  # retention schedule and other settings kept in the home
        shutil.copy2(config, dest / config.name)
    index = _copy_index(settings.index_dir, dest / settings.index_dir.name)
    summary = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": str(settings.home),
        "records": len(digests),
        "originals": copied,
        "originals_missing": len(missing),
        "bytes": size,
        "index": index,
        "seconds": round(time.monotonic() - started, 1),
    }
    (dest / MANIFEST).write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return summary


def restore(settings: Settings, source: Path) -> dict:
    """Bring a backup back into an empty home, then bring its index in step with its catalog."""
    manifest = source / MANIFEST
    if not manifest.is_file():
        raise UsageError(f"{source} is not a backup made by `archive backup` (no {MANIFEST})")
    _require_empty(settings.home, allowed={settings.lock_path.name})
    settings.home.mkdir(parents=True, exist_ok=True)
    with writer_lock(settings.lock_path, wait=settings.lock_wait, command="restore"):
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


def _require_empty(folder: Path, allowed: set[str] = frozenset()) -> None:
    if folder.exists() and any(p.name not in allowed for p in folder.iterdir()):
        raise UsageError(f"{folder} is not empty; give a new or empty folder")


def _copy_checked(source: Path, target: Path, digest: str) -> int:
    """Copy one original, checking on the way that its bytes still hash to its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    hasher, size = hashlib.sha256(), 0
    with open(source, "rb") as src, open(target, "wb") as out:
        while chunk := src.read(CHUNK):
            hasher.update(chunk)
            out.write(chunk)
            size += len(chunk)
    if hasher.hexdigest() != digest:
        target.unlink()
        raise UsageError(f"the original {digest} in the store is damaged; run `archive verify` before backing up")
    target.chmod(0o444)
    return size


def _copy_index(index_dir: Path, target: Path) -> str:
    """'copied' when the live generation held still while copied; else 'rebuild' (restore rebuilds it)."""
    for _ in range(INDEX_ATTEMPTS):
        current = read_current(index_dir)
        if current is None:
            return "rebuild"
        shutil.rmtree(target, ignore_errors=True)
        try:
            before = _listing(index_dir / current.name)
            shutil.copytree(index_dir / current.name, target / current.name)
            if read_current(index_dir) == current and _listing(index_dir / current.name) == before:
                shutil.copy2(index_dir / "CURRENT", target / "CURRENT")
                return "copied"
        except (FileNotFoundError, shutil.Error):
            pass  # a commit or merge removed a file under us: try again
    shutil.rmtree(target, ignore_errors=True)
    return "rebuild"


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}
