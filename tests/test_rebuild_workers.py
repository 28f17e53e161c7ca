"""A full rebuild written by worker processes (whole segments, added in record-id order) answers exactly as
one written in a single process, and a run stopped part way is resumed from the segments it added."""

import pytest

import archive.upkeep.reindex
from archive.catalog import Catalog
from archive.filing.filing import add_documents, open_file
from archive.filing.fonds import add_fonds
from archive.pipeline.ingest import ingest
from archive.store import Store
from archive.upkeep.reindex import rebuild
from archive.upkeep.verify import verify
from indexer.index.generations import indexed_revs, open_index, read_building, read_current
from indexer.index.search import SearchIndex
from indexer.index.visibility import Clearance
from tests.conftest import write

RECORDS, CHUNK = 240, 30
QUERIES = ("cai cach hanh chinh", "thông báo", "ket luan dot 7", '"hanh chinh"', "nghi quyet", "so 12")
TOPICS = ("cải cách hành chính", "kết luận hội nghị", "nghị quyết tỉnh ủy", "xây dựng đảng")


@pytest.fixture
def archived(settings, inbox):
    for n in range(RECORDS):
        line = f"Thông báo số {n}-TB/TU về {TOPICS[n % 4]}, đợt {n % 13}. " + "Kết luận. " * (n % 5)
        write(inbox / f"tb-{n:03}.txt", line * (3 + n % 7))
    assert ingest(settings, [inbox]).counts["added"] == RECORDS
    # Some filed in hồ sơ: the `hoso` field (a facet and the hoso: filter) must come through either writer.
    add_fonds(settings, "TUQT", "Phông Tỉnh ủy")
    with Catalog(settings.catalog_path) as catalog:
        ids = sorted(catalog.id_revs())
    for n, code in enumerate(("01.TB", "02.TB")):
        hoso = open_file(settings, {"code": code, "title": f"Hồ sơ {code}", "year": "2020"}, fonds="TUQT")
        add_documents(settings, hoso.ref, ids[n::11])
    return settings


def answers(index_dir) -> list:
    index = SearchIndex(index_dir)
    found = []
    for query in QUERIES:
        for sort in ("relevance", "oldest"):
            result = index.search(query, limit=20, sort=sort, clearance=Clearance("secret"))
            found.append((query, sort, result.total, [(h.id, h.score) for h in result.hits], result.facets))
    index.close()
    return found


def segment_sizes(index_dir) -> list[int]:
    return [s.doc_count_all() for s in open_index(index_dir)._segments()]


def test_workers_write_the_index_one_process_writes(archived):
    with Catalog(archived.catalog_path) as catalog:
        rebuild(catalog, archived.index_dir, chunk=CHUNK, workers=1)
        alone, alone_sizes = answers(archived.index_dir), segment_sizes(archived.index_dir)
        summary = rebuild(catalog, archived.index_dir, chunk=CHUNK, workers=2)
        assert (
            summary.indexed == RECORDS
            and not (archived.index_dir / read_current(archived.index_dir).name / "staging").exists()
        )
        assert answers(archived.index_dir) == alone, "the same totals, ids, scores and facets"
        assert all(len(facets["file"]) == 2 for *_, facets in alone[:2]), "the filed documents' hồ sơ facet"
        assert segment_sizes(archived.index_dir) == alone_sizes == [CHUNK] * (RECORDS // CHUNK)
        ix = open_index(archived.index_dir)
        with ix.searcher() as searcher:  # document numbers follow record ids: score ties break the same way
            ids = [int(v) for v in searcher.reader().column_reader("id")]
        assert ids == sorted(ids)
        assert verify(catalog, Store(archived.store_dir), archived.index_dir).ok


def test_a_rebuild_stopped_between_segments_is_resumed(archived, monkeypatch):
    added = []
    original = archive.upkeep.reindex.add_segment

    def add_then_stop(ix, written):
        if len(added) == 3:
            raise KeyboardInterrupt  # stopped after three segments were committed
        added.append(written)
        original(ix, written)

    monkeypatch.setattr(archive.upkeep.reindex, "add_segment", add_then_stop)
    live = read_current(archived.index_dir)
    with Catalog(archived.catalog_path) as catalog, pytest.raises(KeyboardInterrupt):
        rebuild(catalog, archived.index_dir, chunk=CHUNK, workers=2)
    assert read_current(archived.index_dir) == live, "the live index is untouched"
    building = read_building(archived.index_dir)
    assert building is not None and len(added) == 3
    monkeypatch.setattr(archive.upkeep.reindex, "add_segment", original)
    with Catalog(archived.catalog_path) as catalog:
        summary = rebuild(catalog, archived.index_dir, chunk=CHUNK, workers=2)
        assert (summary.resumed, summary.indexed) == (3 * CHUNK, RECORDS - 3 * CHUNK)
        assert read_current(archived.index_dir).name == building.name
        assert len(indexed_revs(open_index(archived.index_dir))) == RECORDS
        assert verify(catalog, Store(archived.store_dir), archived.index_dir).ok
