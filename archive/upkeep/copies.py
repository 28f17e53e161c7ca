"""Backup and restore as commands run them: the copy (`archive.upkeep.backup`), then its audit entry, since
a copy of every original left the archive, or came into it."""

from __future__ import annotations

from pathlib import Path

from archive.catalog import Catalog
from archive.config import Settings
from archive.upkeep.backup import backup, restore


def make_backup(settings: Settings, dest: Path) -> dict:
    """`backup`'s summary, once the backup is in the audit trail."""
    summary = backup(settings, dest)
    with Catalog(settings.catalog_path) as catalog:
        catalog.log_event("backup", None, dest=str(dest.resolve()), records=summary["records"])
    return summary


def bring_back(settings: Settings, source: Path) -> dict:
    """`restore`'s summary, once the restore is in the restored archive's audit trail."""
    summary = restore(settings, source)
    with Catalog(settings.catalog_path) as catalog:
        catalog.log_event("restore", None, source=str(source.resolve()), records=summary["backup"]["records"])
    return summary
