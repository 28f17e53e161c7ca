"""`archive reindex`: incremental sync, full rebuild beside a live index, schema changes, failures."""

import json
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

import archive.upkeep.reindex
from archive.catalog import Catalog
from archive.config import Settings
from archive.editing import edit_record
from archive.pipeline.ingest import ingest
from archive.pipeline.ocr import ocr_pending
from archive.retention.dispose import dispose
from archive.retention.holds import add_hold
from archive.retention.retention import rule_for
from archive.retention.schedule import DEFAULT_TEXT, load_schedule, schedule_path
from archive.store import Store
from archive.upkeep.reindex import rebuild, sync_index
from archive.upkeep.verify import verify
from indexer.index.generations import indexed_revs, open_index, read_current
from indexer.index.schema import SCHEMA_VERSION
from indexer.index.search import SearchIndex
from indexer.index.visibility import Clearance
from indexer.reading.ocr.tesseract import Engine
from tests.conftest import run_archive, write

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NOTICES = 10  # text records in the archive the change tests copy, besides one scan


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

    original = archive.upkeep.reindex._index_chunk
    monkeypatch.setattr(archive.upkeep.reindex, "_index_chunk", failing_chunk)
    with Catalog(filled.catalog_path) as catalog, pytest.raises(OSError, match="disk full"):
        rebuild(catalog, filled.index_dir, chunk=100)  # fails on the second of three chunks
    assert read_current(filled.index_dir) == before
    building = json.loads((filled.index_dir / "BUILDING").read_text())["generation"]
    assert sorted(p.name for p in filled.index_dir.iterdir()) == sorted(["BUILDING", "CURRENT", before.name, building])
    assert SearchIndex(filled.index_dir).search("thong bao").total == 300  # the live index still answers


def test_schema_version_change_triggers_a_rebuild(archive_copy):
    current = archive_copy.index_dir / "CURRENT"
    data = json.loads(current.read_text())
    current.write_text(json.dumps({**data, "schema_version": SCHEMA_VERSION - 1}))
    verify = run_archive(archive_copy.home, "verify", "--json")
    assert verify.returncode == 1 and json.loads(verify.stdout)["problems"][0]["kind"] == "index_outdated"
    summary = reindex(archive_copy)  # the nightly command, without --full
    assert summary == {"full": True, "indexed": NOTICES + 1, "deleted": 0, "reason": "index outdated", "resumed": 0}
    assert read_current(archive_copy.index_dir).schema_version == SCHEMA_VERSION
    assert read_current(archive_copy.index_dir).name != data["generation"], "a new generation, swapped in"
    assert sound(archive_copy)


def test_incremental_reindex_touches_only_what_changed(filled):
    with Catalog(filled.catalog_path) as catalog:
        assert sync_index(catalog, filled.index_dir).to_dict() == {
            "full": False,
            "indexed": 0,
            "deleted": 0,
            "reason": "incremental",
            "resumed": 0,
        }
        three, four, five = sorted(catalog.id_revs())[2:5]
        with catalog.transaction():
            catalog.db.execute(
                "UPDATE records SET title = 'Tiêu đề mới', rev = rev + 1 WHERE id IN (?, ?)", (three, four)
            )
            catalog.db.execute("DELETE FROM texts WHERE record_id = ?", (five,))
            catalog.db.execute("DELETE FROM records WHERE id = ?", (five,))
        summary = sync_index(catalog, filled.index_dir)
        assert (summary.indexed, summary.deleted) == (2, 1)
        assert catalog.pending_index() == []
    index = SearchIndex(filled.index_dir)
    assert {h.id for h in index.search("tieu de moi").hits} == {three, four}
    assert index.search("thong bao").total == 299


def test_a_full_rebuild_stopped_part_way_is_resumed_not_restarted(filled):
    live = read_current(filled.index_dir)
    seen = []

    def stop_after_two_chunks(count: int) -> None:
        seen.append(count)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with Catalog(filled.catalog_path) as catalog:
        with pytest.raises(KeyboardInterrupt):
            rebuild(catalog, filled.index_dir, progress=stop_after_two_chunks, chunk=50)
        assert read_current(filled.index_dir) == live, "the live index is untouched"
        first = min(catalog.id_revs())  # indexed in the first chunk, which the rerun keeps
        with catalog.transaction():  # a record changes before the rerun: its stale copy must not survive
            catalog.db.execute("UPDATE records SET title = 'Đổi tên', rev = rev + 1 WHERE id = ?", (first,))
        summary = rebuild(catalog, filled.index_dir)
        revs = catalog.id_revs()
    assert summary.resumed == 99 and summary.indexed == 201
    assert read_current(filled.index_dir) != live
    assert indexed_revs(open_index(filled.index_dir)) == revs
    assert len(list(filled.index_dir.glob("gen-*"))) == 1 and not (filled.index_dir / "BUILDING").exists()


def test_a_full_rebuild_of_a_missing_index_builds_it_once(filled):
    shutil.rmtree(filled.index_dir)
    result = run_archive(filled.home, "reindex", "--full", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["indexed"] == 300
    assert "rebuilding it" not in result.stderr and "'reindexed'" not in result.stderr  # recovery left it alone
    assert len(indexed_revs(open_index(filled.index_dir))) == 300


# --- what each kind of change leaves for the next incremental run ------------------------------------------


def write_scan(path: Path) -> Path:
    """A one-page scan with no text layer: two printed lines, as an image."""
    page = Image.new("L", (1400, 220), 255)
    draw, font = ImageDraw.Draw(page), ImageFont.truetype(str(FONT), 44)
    draw.text((40, 40), "Biên bản kiểm tra công tác lưu trữ", font=font, fill=0)
    draw.text((40, 120), "tại Văn phòng Tỉnh ủy năm 2024", font=font, fill=0)
    page.save(path, dpi=(300, 300))
    return path


@pytest.fixture(scope="module")
def changes_template(tmp_path_factory):
    """NOTICES notices and a scan archived while no OCR engine was installed (its text still to come)."""
    root = tmp_path_factory.mktemp("changes")
    inbox = root / "inbox"
    for n in range(NOTICES):
        write(inbox / f"tb-{n}.txt", f"Thông báo số {n}-TB/VPTU về công tác văn thư, lần {n}.\n" * 10)
    write_scan(inbox / "bien-ban.png")
    settings = Settings(home=root / "home", workers=2, tesseract=str(root / "no-tesseract"), ocr_rendition=False)
    assert ingest(settings, [inbox]).counts["pending_ocr"] == 1
    return settings.home


@pytest.fixture
def archive_copy(changes_template, tmp_path) -> Settings:
    home = tmp_path / "home"
    shutil.copytree(changes_template, home)
    return Settings(home=home, workers=2, ocr_rendition=False)


def ids_by_name(settings: Settings) -> dict[str, int]:
    with Catalog(settings.catalog_path) as catalog:
        return {record.filename: record.id for record in catalog.iter_records()}


@contextmanager
def index_left_behind(settings: Settings):
    """Changes made inside reach the catalog but not the index, as when a process is killed between its
    catalog commit and its index write (every path writes both): the index is put back as it was."""
    saved = settings.home / "index-before"
    shutil.copytree(settings.index_dir, saved)
    yield
    shutil.rmtree(settings.index_dir)
    saved.rename(settings.index_dir)


def reindex(settings: Settings) -> dict:
    """`archive reindex --json` (incremental, as the nightly job runs it): its summary."""
    result = run_archive(settings.home, "reindex", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def sound(settings: Settings) -> bool:
    """Catalog, store and index agree: every record in the index once, at its current revision."""
    with Catalog(settings.catalog_path) as catalog:
        return verify(catalog, Store(settings.store_dir), settings.index_dir).ok


def found(settings: Settings, query: str, clearance: Clearance | None = None) -> set[int]:
    return {hit.id for hit in SearchIndex(settings.index_dir).search(query, limit=50, clearance=clearance).hits}


def rev_in_index(settings: Settings, record_id: int) -> int | None:
    return indexed_revs(open_index(settings.index_dir)).get(record_id)


def test_an_edit_reaches_the_index_at_once_so_the_nightly_run_has_nothing_left(archive_copy):
    record_id = ids_by_name(archive_copy)["tb-2.txt"]
    edit_record(archive_copy, record_id, {"title": "Tiêu đề đính chính"}, actor="test")
    assert found(archive_copy, "tieu de dinh chinh") == {record_id}
    assert reindex(archive_copy) == {"full": False, "indexed": 0, "deleted": 0, "reason": "incremental", "resumed": 0}


@pytest.mark.skipif(Engine().missing() is not None or not FONT.exists(), reason="needs Tesseract and DejaVu fonts")
def test_new_text_from_ocr_is_reindexed_incrementally(archive_copy):
    scan = ids_by_name(archive_copy)["bien-ban.png"]
    with index_left_behind(archive_copy):
        assert ocr_pending(archive_copy).done == 1  # replaces the record's (empty) text
    assert found(archive_copy, "kiem tra luu tru") == set(), "the index is behind the catalog"
    summary = reindex(archive_copy)
    assert (summary["indexed"], summary["deleted"], summary["full"]) == (1, 0, False)
    assert found(archive_copy, "kiem tra luu tru") == {scan}
    assert sound(archive_copy)


def test_a_classification_change_is_reindexed_and_holds_for_lower_clearances(archive_copy):
    record_id = ids_by_name(archive_copy)["tb-3.txt"]
    reader, cleared = Clearance("unclassified"), Clearance("secret")
    assert record_id in found(archive_copy, "van thu", reader)
    with index_left_behind(archive_copy):
        edit_record(archive_copy, record_id, {"classification": "secret"}, actor="test")
    summary = reindex(archive_copy)
    assert (summary["indexed"], summary["deleted"]) == (1, 0)
    assert found(archive_copy, "van thu", reader) == set(ids_by_name(archive_copy).values()) - {
        record_id,
        ids_by_name(archive_copy)["bien-ban.png"],
    }
    assert record_id in found(archive_copy, "van thu", cleared)
    with index_left_behind(archive_copy):  # declassified: the same path back
        edit_record(archive_copy, record_id, {"classification": "unclassified"}, actor="test")
    assert reindex(archive_copy)["indexed"] == 1
    assert record_id in found(archive_copy, "van thu", reader)
    assert sound(archive_copy)


def test_a_records_retention_change_is_reindexed(archive_copy):
    record_id = ids_by_name(archive_copy)["tb-4.txt"]
    before = rev_in_index(archive_copy, record_id)
    with index_left_behind(archive_copy):
        edit_record(archive_copy, record_id, {"retention": "permanent"}, actor="test")
    summary = reindex(archive_copy)
    assert (summary["indexed"], summary["deleted"]) == (1, 0)
    assert rev_in_index(archive_copy, record_id) == before + 1, "the record's new revision is the one indexed"
    assert record_id in found(archive_copy, "van thu")
    assert sound(archive_copy)


def test_a_hold_or_a_new_schedule_changes_no_record_so_nothing_is_reindexed(archive_copy):
    """Neither is part of a record or of the index: disposal reads them from the catalog and the schedule."""
    record_id = ids_by_name(archive_copy)["tb-5.txt"]
    with Catalog(archive_copy.catalog_path) as catalog:
        revs = catalog.id_revs()
    with index_left_behind(archive_copy):
        add_hold(archive_copy, record_id, "Vụ việc số 12/2025 đang giải quyết")
        schedule_path(archive_copy.home).write_text(
            DEFAULT_TEXT.replace("default = 20 ", "default = 5  ", 1), encoding="utf-8"
        )
    with Catalog(archive_copy.catalog_path) as catalog:
        assert catalog.id_revs() == revs
        assert rule_for(catalog.get(record_id), load_schedule(archive_copy.home)).years == 5, "the schedule holds"
    assert reindex(archive_copy) == {"full": False, "indexed": 0, "deleted": 0, "reason": "incremental", "resumed": 0}
    assert sound(archive_copy)


def test_a_disposal_is_removed_incrementally(archive_copy):
    names = ids_by_name(archive_copy)
    record_id = names["tb-6.txt"]
    edit_record(archive_copy, record_id, {"retention": "1", "issued": "2001-03-01"}, actor="test")  # long due
    with index_left_behind(archive_copy):
        assert [d.record_id for d in dispose(archive_copy, [record_id], "Quyết định số 9-QĐ/VPTU").disposed] == [
            record_id
        ]
    assert record_id in found(archive_copy, "van thu"), "the index is behind the catalog"
    summary = reindex(archive_copy)
    assert (summary["indexed"], summary["deleted"]) == (0, 1)
    assert found(archive_copy, "van thu") == set(names.values()) - {record_id, names["bien-ban.png"]}
    assert rev_in_index(archive_copy, record_id) is None
    assert sound(archive_copy)


def test_the_commit_size_of_reindex_comes_from_the_environment(archive_copy):
    chunked = {"ARCHIVE_REINDEX_CHUNK": "4"}
    result = run_archive(archive_copy.home, "reindex", "--full", "--json", env=chunked)
    assert result.returncode == 0 and json.loads(result.stdout)["indexed"] == NOTICES + 1
    generation = archive_copy.index_dir / read_current(archive_copy.index_dir).name
    assert [p.name for p in generation.glob("_MAIN_*.toc")] == ["_MAIN_3.toc"], "11 records, 4 a commit: 3 commits"
    wrong = run_archive(archive_copy.home, "reindex", env={"ARCHIVE_REINDEX_CHUNK": "many"})
    assert wrong.returncode == 2 and "ARCHIVE_REINDEX_CHUNK" in wrong.stderr


def test_a_record_indexed_twice_is_reported_by_verify_and_mended_by_reindex(archive_copy):
    """`verify` reads the index as {id: revision}; a second copy of a record must not hide behind the first."""
    from archive.upkeep.reindex import _index_chunk
    from indexer.index.generations import doc_count

    record_id = ids_by_name(archive_copy)["tb-3.txt"]
    with Catalog(archive_copy.catalog_path) as catalog:
        _index_chunk(catalog, open_index(archive_copy.index_dir), [record_id], replace=False)  # a writer's bug
        records = catalog.count()
    checked = run_archive(archive_copy.home, "verify", "--json")
    assert checked.returncode == 1
    problems = [(p["kind"], p["id"], p["detail"]) for p in json.loads(checked.stdout)["problems"]]
    assert problems == [("duplicated_in_index", record_id, "the index holds the record 2 times: run `archive reindex`")]
    assert reindex(archive_copy)["indexed"] == 1
    assert sound(archive_copy) and doc_count(open_index(archive_copy.index_dir)) == records
