import sqlite3

import pytest

from archive.catalog import SCHEMA_VERSION, Catalog
from archive.errors import CatalogError, NotFoundError


def _add(catalog: Catalog, sha: str = "a" * 64, text: str = "body") -> int:
    with catalog.transaction():
        return catalog.insert_record(text, sha256=sha, size=4, mime="text/plain", filename="a.txt")


def test_new_catalog_is_migrated_and_in_wal_mode(settings):
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.schema_version == SCHEMA_VERSION >= 1
        assert catalog.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in catalog.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"records", "texts", "batches", "batch_files", "events"} <= tables


def test_reopening_applies_nothing_twice(settings):
    with Catalog(settings.catalog_path) as catalog:
        record_id = _add(catalog)
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.get(record_id).filename == "a.txt"
        assert catalog.schema_version == SCHEMA_VERSION


def test_catalog_newer_than_the_program_is_refused(settings):
    Catalog(settings.catalog_path).close()
    db = sqlite3.connect(settings.catalog_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(CatalogError, match="newer than this program"):
        Catalog(settings.catalog_path)


def test_records_round_trip_as_dataclasses(catalog):
    record_id = _add(catalog, text="Nội dung")
    record = catalog.get(record_id)
    assert record.rev == 1 and record.indexed_rev is None and record.classification == "unclassified"
    assert catalog.text(record_id) == "Nội dung"
    assert catalog.find_by_sha("a" * 64).id == record_id
    assert catalog.pending_index() == [record_id]
    catalog.mark_indexed([(record_id, 1)])
    assert catalog.pending_index() == []
    with pytest.raises(NotFoundError):
        catalog.get(999)


def test_failed_transaction_leaves_nothing(catalog):
    with pytest.raises(RuntimeError), catalog.transaction():
        catalog.insert_record("x", sha256="b" * 64, size=1, mime="text/plain", filename="b.txt")
        raise RuntimeError("boom")
    assert catalog.count() == 0
    assert catalog.texts([1]) == {}


def test_duplicate_sha_is_rejected_by_the_schema(catalog):
    _add(catalog)
    with pytest.raises(sqlite3.IntegrityError):
        _add(catalog)
