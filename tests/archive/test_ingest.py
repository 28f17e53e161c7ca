"""The ingest pipeline through its public function: outcomes, duplicates, atomicity, batches."""

import os

from archive.catalog import Catalog
from archive.models import OutcomeStatus
from archive.pipeline.ingest import ingest
from archive.store import Store
from bench.generators.docgen import encode_cp1258
from indexer.index.generations import indexed_revs, open_index
from tests.conftest import EN_TEXT, VI_TEXT, write


def run(settings, *paths):
    outcomes = []
    summary = ingest(settings, list(paths), on_outcome=outcomes.append)
    return summary, {os.path.basename(o.path): o for o in outcomes}


def test_every_file_gets_exactly_one_outcome(settings, inbox):
    write(inbox / "vi.txt", VI_TEXT)
    write(inbox / "en.txt", EN_TEXT)
    write(inbox / "copy-of-vi.txt", VI_TEXT)
    write(inbox / "anim.gif", b"GIF89a\x01\x00\x01\x00")
    write(inbox / "broken.pdf", b"%PDF-1.4\n1 0 obj <<")
    write(inbox / "empty.txt", b"")
    summary, by_name = run(settings, inbox)
    assert summary.files == 6 == len(by_name)
    assert summary.counts == {"added": 2, "duplicate": 1, "unsupported": 1, "failed": 2}
    assert not summary.ok
    assert by_name["vi.txt"].status == OutcomeStatus.DUPLICATE  # sorted: copy-of-vi.txt comes first
    assert by_name["copy-of-vi.txt"].status == OutcomeStatus.ADDED
    assert by_name["vi.txt"].record_id == by_name["copy-of-vi.txt"].record_id
    assert "GIF" in by_name["anim.gif"].reason
    assert "PDF" in by_name["broken.pdf"].reason
    assert by_name["empty.txt"].reason == "the file is empty"
    for outcome in by_name.values():
        assert (outcome.record_id is not None) == (outcome.status in ("added", "duplicate"))
        assert (outcome.reason is not None) == (outcome.status in ("failed", "unsupported"))


def test_added_record_is_in_store_catalog_and_index(settings, inbox):
    _, by_name = run(settings, write(inbox / "en.txt", EN_TEXT))
    record_id = by_name["en.txt"].record_id
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(record_id)
        assert catalog.text(record_id) == EN_TEXT.strip()
        outcomes = catalog.batch_outcomes(record.batch_id)
    assert record.language == "en" and record.mime == "text/plain" and record.filename == "en.txt"
    assert record.indexed_rev == record.rev
    assert Store(settings.store_dir).path(record.sha256).read_bytes() == EN_TEXT.encode()
    assert indexed_revs(open_index(settings.index_dir)) == {record_id: record.rev}
    assert [(o.status, o.record_id) for o in outcomes] == [("added", record_id)]


def test_rerunning_the_same_ingest_changes_nothing(settings, inbox):
    write(inbox / "a.txt", VI_TEXT)
    write(inbox / "sub" / "b.txt", EN_TEXT)
    first, _ = run(settings, inbox)
    with Catalog(settings.catalog_path) as catalog:
        before = [r.to_dict() for r in catalog.iter_records()]
    digests = sorted(Store(settings.store_dir).iter_digests())
    second, _ = run(settings, inbox)
    assert first.counts["added"] == 2 and second.counts == {"added": 0, "duplicate": 2, "unsupported": 0, "failed": 0}
    assert second.ok
    with Catalog(settings.catalog_path) as catalog:
        assert [r.to_dict() for r in catalog.iter_records()] == before
    assert sorted(Store(settings.store_dir).iter_digests()) == digests
    assert len(indexed_revs(open_index(settings.index_dir))) == 2


def test_failed_files_leave_no_original_behind(settings, inbox):
    run(settings, write(inbox / "broken.pdf", b"%PDF-1.4\ngarbage"), write(inbox / "noise.bin", bytes(range(1, 200))))
    assert list(Store(settings.store_dir).iter_digests()) == []
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.count() == 0


def test_hidden_files_and_the_home_folder_are_skipped(settings, inbox):
    write(inbox / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(inbox / ".git" / "config", "[core]")
    write(inbox / "a.txt", VI_TEXT)
    summary, by_name = run(settings, inbox)
    assert set(by_name) == {"a.txt"}
    inside_home = settings.with_(home=inbox / "var")
    run(inside_home, inbox)
    summary, by_name = run(inside_home, inbox)  # the archive never ingests its own store or catalog
    assert summary.counts["duplicate"] == 1 and set(by_name) == {"a.txt"}


def test_cp1258_and_utf16_text_become_nfc_unicode(settings, inbox):
    write(inbox / "legacy.txt", encode_cp1258(VI_TEXT))
    write(inbox / "wide.txt", "\ufeff" + EN_TEXT, encoding="utf-16-le")
    write(inbox / "decomposed.txt", "Nghi\u0323 quyê\u0301t " * 10)  # NFD input
    _, by_name = run(settings, inbox)
    with Catalog(settings.catalog_path) as catalog:
        legacy = catalog.get(by_name["legacy.txt"].record_id)
        assert catalog.text(legacy.id) == VI_TEXT.strip()
        assert legacy.extractor == "text:cp1258" and legacy.language == "vi"
        assert catalog.text(by_name["wide.txt"].record_id) == EN_TEXT.strip()
        assert catalog.text(by_name["decomposed.txt"].record_id).startswith("Nghị quyết Nghị quyết")


def test_outcomes_are_recorded_per_batch(settings, inbox):
    write(inbox / "a.txt", VI_TEXT)
    summary, _ = run(settings, inbox)
    again, _ = run(settings, inbox)
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT id, status, counts FROM batches ORDER BY id").fetchall()
        assert [o.status for o in catalog.batch_outcomes(again.batch_id)] == ["duplicate"]
    # Batch ids are random: the two batches are compared as a set, not in id order.
    assert {(r["id"], r["status"]) for r in rows} == {(summary.batch_id, "finished"), (again.batch_id, "finished")}
    assert len(rows) == 2
