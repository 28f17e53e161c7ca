"""`archive reindex`: incremental sync, full rebuild beside a live index, schema changes, failures."""

import json
import threading

import pytest

import archive.reindex
from archive.catalog import Catalog
from archive.ingest import ingest
from archive.reindex import rebuild, sync_index
from indexer.index import indexed_revs, open_index, read_current
from indexer.schema import SCHEMA_VERSION
from indexer.search import SearchIndex
from tests.conftest import run_archive, write


@pytest.fixture
def filled(settings, inbox):
    for n in range(300):
        write(inbox / f"tb-{n:03}.txt", f"Thông báo kết luận số {n}-TB/TU về cải cách hành chính, đợt {n}.\n" * 15)
    summary = ingest(settings, [inbox])
    assert summary.counts["added"] == 300
    return settings


@pytest.mark.slow
def test_full_reindex_on_a_live_index_keeps_searches_answering(filled):
    index = SearchIndex(filled.index_dir)  # as the web server holds it
    before = read_current(filled.index_dir)
    totals, errors, stop = [], [], threading.Event()

    def search_continuously():
        while not stop.is_set():
            try:
                totals.append(index.search("cai cach hanh chinh", limit=5).total)
            except Exception as exc:  # any error at all fails the test
                errors.append(exc)

    searcher = threading.Thread(target=search_continuously)
    searcher.start()
    try:
        result = run_archive(filled.home, "reindex", "--full", "--json")
    finally:
        stop.set()
        searcher.join()
    assert result.returncode == 0, result.stderr
    summary = {"full": True, "indexed": 300, "deleted": 0, "reason": "requested", "resumed": 0}
    assert json.loads(result.stdout) == summary
    assert errors == [] and len(totals) > 5 and set(totals) == {300}
    after = read_current(filled.index_dir)
    assert after.name != before.name and not (filled.index_dir / before.name).exists()
    assert index.search("cai cach hanh chinh").total == 300, "the searcher moved to the new generation"
    assert run_archive(filled.home, "verify").returncode == 0


def test_a_failed_rebuild_leaves_the_old_index_intact(filled, monkeypatch):
    before = read_current(filled.index_dir)
    calls = []

    def failing_chunk(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            return original(*args, **kwargs)
        raise OSError("disk full")

    original = archive.reindex._index_chunk
    monkeypatch.setattr(archive.reindex, "_index_chunk", failing_chunk)
    monkeypatch.setattr(archive.reindex, "BULK_CHUNK", 100)  # fail on the second of three chunks
    with Catalog(filled.catalog_path) as catalog, pytest.raises(OSError, match="disk full"):
        rebuild(catalog, filled.index_dir)
    assert read_current(filled.index_dir) == before
    building = json.loads((filled.index_dir / "BUILDING").read_text())["generation"]
    assert sorted(p.name for p in filled.index_dir.iterdir()) == sorted(["BUILDING", "CURRENT", before.name, building])
    assert SearchIndex(filled.index_dir).search("thong bao").total == 300  # the live index still answers


def test_schema_version_change_triggers_a_rebuild(filled):
    current = filled.index_dir / "CURRENT"
    data = json.loads(current.read_text())
    current.write_text(json.dumps({**data, "schema_version": SCHEMA_VERSION - 1}))
    verify = run_archive(filled.home, "verify", "--json")
    assert verify.returncode == 1 and json.loads(verify.stdout)["problems"][0]["kind"] == "index_outdated"
    with Catalog(filled.catalog_path) as catalog:
        summary = sync_index(catalog, filled.index_dir)
    assert summary.full and summary.indexed == 300 and summary.reason == "index outdated"
    assert read_current(filled.index_dir).schema_version == SCHEMA_VERSION


def test_incremental_reindex_touches_only_what_changed(filled):
    with Catalog(filled.catalog_path) as catalog:
        assert sync_index(catalog, filled.index_dir).to_dict() == {
            "full": False,
            "indexed": 0,
            "deleted": 0,
            "reason": "incremental",
            "resumed": 0,
        }
        with catalog.transaction():
            catalog.db.execute("UPDATE records SET title = 'Tiêu đề mới', rev = rev + 1 WHERE id IN (3, 4)")
            catalog.db.execute("DELETE FROM texts WHERE record_id = 5")
            catalog.db.execute("DELETE FROM records WHERE id = 5")
        summary = sync_index(catalog, filled.index_dir)
        assert (summary.indexed, summary.deleted) == (2, 1)
        assert catalog.pending_index() == []
    index = SearchIndex(filled.index_dir)
    assert [h.id for h in index.search("tieu de moi").hits] == [3, 4] or {
        h.id for h in index.search("tieu de moi").hits
    } == {3, 4}
    assert index.search("thong bao").total == 299


def test_a_full_rebuild_stopped_part_way_is_resumed_not_restarted(filled, monkeypatch):
    reindex = archive.reindex

    monkeypatch.setattr(reindex, "BULK_CHUNK", 50)
    live = read_current(filled.index_dir)
    seen = []

    def stop_after_two_chunks(count: int) -> None:
        seen.append(count)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with Catalog(filled.catalog_path) as catalog:
        with pytest.raises(KeyboardInterrupt):
            reindex.rebuild(catalog, filled.index_dir, progress=stop_after_two_chunks)
        assert read_current(filled.index_dir) == live, "the live index is untouched"
        with catalog.transaction():  # a record changes before the rerun: its stale copy must not survive
            catalog.db.execute("UPDATE records SET title = 'Đổi tên', rev = rev + 1 WHERE id = 1")
        summary = reindex.rebuild(catalog, filled.index_dir)
        revs = catalog.id_revs()
    assert summary.resumed == 99 and summary.indexed == 201
    assert read_current(filled.index_dir) != live
    assert indexed_revs(open_index(filled.index_dir)) == revs
    assert len(list(filled.index_dir.glob("gen-*"))) == 1 and not (filled.index_dir / "BUILDING").exists()


def test_a_full_rebuild_of_a_missing_index_builds_it_once(filled, monkeypatch):
    import shutil

    shutil.rmtree(filled.index_dir)
    result = run_archive(filled.home, "reindex", "--full", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["indexed"] == 300
    assert "rebuilding it" not in result.stderr and "'reindexed'" not in result.stderr  # recovery left it alone
    assert len(indexed_revs(open_index(filled.index_dir))) == 300
