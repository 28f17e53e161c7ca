"""The bulk segment writer (indexer.index.bulk) writes the files Whoosh's own writer writes, merges as it does,
and a rebuild by worker processes answers exactly as one written in a single process."""

from datetime import datetime
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

import indexer.index.generations as index
from indexer.index.bulk import BulkSegmentWriter
from indexer.index.schema import build_schema

WORDS = ("văn bản thông báo kết luận cải cách hành chính nghị quyết tỉnh ủy đảng bộ huyện").split()  # noqa: SIM905


def documents(n: int, start: int = 0) -> list[dict]:
    """Varied documents: every field kind, English ones, and a word in every document (more postings than one
    block of CODEC_BLOCK)."""
    docs = []
    for i in range(start, start + n):
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(5 + i % 11)]
        english = i % 9 == 0
        body = " ".join(words) + (" the meeting concluded with a plan" if english else "") + f" số {i}"
        docs.append({
            "id": str(i + 1), "rev": 1 + i % 3, "title": f"Thông báo {words[0]} {i}", "title_exact": f"Thông báo {i}",
            "body": body, "body_exact": body, "body_pairs": body, "filename": f"tb-{i}.txt",
            "language": "en" if english else "vi", "classification": ("unclassified", "secret")[i % 2],
            "issuer": "Tỉnh ủy Quảng Trị" if i % 4 else "Văn phòng Tỉnh ủy", "issuer_exact": "Tỉnh ủy Quảng Trị",
            "doc_type": ("NQ", "TB", "KH")[i % 3], "year": 2000 + i % 20,
            "issued": datetime(2000 + i % 20, 1, 1 + i % 28),
            "ingested": datetime(2024, 1, 1), "doc_number": f"{i}-tb/tu", "citations": f"{i + 1}-nq/tu {i + 2}-kh/tu",
            "compartments": "to-chuc" if i % 5 == 0 else "",
            **({"title_en": "Plan of the meeting", "body_en": body} if english else {}),
            **({"_title_boost": 2.0} if i % 50 == 7 else {}),  # Whoosh's per-document boost: the general path
        })  # fmt: skip
    return [{k: v for k, v in d.items() if v != ""} for d in docs]


def new_index(path: Path):
    path.mkdir()
    return FileStorage(str(path)).create_index(build_schema())


def write_with(writer_class, ix, docs, **commit):
    writer = writer_class(ix, codec=index.CODEC)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit(**commit)


def sub_files(ix) -> dict[str, bytes]:
    """Each segment's sub-files by kind (segment ids are random), in segment order."""
    files = {}
    for n, segment in enumerate(ix._read_toc().segments):
        compound = segment.open_compound_file(ix.storage)
        for name in compound.list():
            files[f"{n}:{name.replace(segment.segment_id(), '')}"] = bytes(compound.open_file(name).read())
        compound.close()
    return files


def postings(ix) -> list[tuple]:
    with ix.reader() as reader:
        return list(reader.iter_postings())


def test_the_bulk_writer_writes_the_bytes_whooshs_writer_writes(tmp_path):
    docs = documents(1300)  # 'số' and others are in every document: two blocks of 1,024
    whoosh_ix, bulk_ix = new_index(tmp_path / "whoosh"), new_index(tmp_path / "bulk")
    write_with(SegmentWriter, whoosh_ix, docs)
    write_with(BulkSegmentWriter, bulk_ix, docs)
    expected, written = sub_files(whoosh_ix), sub_files(bulk_ix)
    assert sorted(written) == sorted(expected)
    different = [name for name in expected if expected[name] != written[name]]
    assert not different, f"sub-files differ: {different}"
    assert any(name.endswith(".pst") and len(data) > 100_000 for name, data in written.items())


def test_a_segment_written_outside_the_index_then_added_is_the_same_segment(tmp_path):
    docs = documents(400)
    whoosh_ix, bulk_ix = new_index(tmp_path / "whoosh"), new_index(tmp_path / "bulk")
    write_with(SegmentWriter, whoosh_ix, docs[:200])
    write_with(SegmentWriter, whoosh_ix, docs[200:], merge=False)
    for part in (docs[:200], docs[200:]):
        index.add_segment(bulk_ix, index.write_segment_files(index.staging_dir(bulk_ix), part))
    assert sub_files(bulk_ix) == sub_files(whoosh_ix)
    assert index.write_segment_files(index.staging_dir(bulk_ix), []) is None
    assert [p.name for p in index.staging_dir(bulk_ix).iterdir()] == [], "added segments leave nothing staged"


def test_merging_concatenates_postings_as_whoosh_merges_them(tmp_path):
    """Small segments with deletions merged by the bulk writer's pool: the same postings, stored values and
    columns as Whoosh's own merge gives."""
    ixs = {}
    for name, writer_class in (("whoosh", SegmentWriter), ("bulk", BulkSegmentWriter)):
        ix = ixs[name] = new_index(tmp_path / name)
        for start in range(0, 60, 12):
            write_with(writer_class, ix, documents(12, start), merge=False)
        writer = writer_class(ix, codec=index.CODEC)
        for record_id in ("3", "17", "18", "40"):
            writer.delete_by_term("id", record_id)
        writer.commit(merge=False)
        write_with(writer_class, ix, documents(5, 60), optimize=True)  # everything merged into one segment
        assert len(ix._read_toc().segments) == 1
    assert postings(ixs["bulk"]) == postings(ixs["whoosh"])
    assert sub_files(ixs["bulk"]) == sub_files(ixs["whoosh"])
    assert ixs["bulk"].doc_count() == 65 - 4


def test_adding_many_small_segments_folds_them_together(tmp_path, monkeypatch):
    monkeypatch.setattr(index, "SMALL_SEGMENT", 10)
    monkeypatch.setattr(index, "MERGE_AT", 3)
    ix = new_index(tmp_path / "ix")
    for start in range(0, 15, 5):
        index.add_segment(ix, index.write_segment_files(index.staging_dir(ix), documents(5, start)))
    assert [s.doc_count_all() for s in ix._read_toc().segments] == [15]
    assert index.indexed_revs(ix) == {i + 1: 1 + i % 3 for i in range(15)}
