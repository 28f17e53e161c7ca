"""End to end: pre-Unicode files go through `archive ingest`, keep their conversion, and are found by search."""

import pytest

from bench.generators.docgen import encode_cp1258
from bench.generators.legacygen import (
    TCVN3_FONT,
    VNI_FONT,
    legacy_bytes,
    soffice_convert,
    tcvn3_text,
    write_legacy_docx,
)
from indexer.reading import detect, legacy
from tests.conftest import write
from tests.indexer.test_legacy import NEWS_VI

# One topic per file, so that each query has exactly one right answer.
TOPICS = {
    "tcvn3.txt": "Kho lưu trữ nhận bản đánh máy năm 1996 về công trình thủy lợi Ba Lòng.",
    "vni.txt": "Hồ sơ năm 1999 về giao thông nông thôn miền núi.",
    "cp1258.txt": "Tờ trình năm 2000 về trồng rừng phòng hộ ven biển.",
    "fonts.docx": "Báo cáo năm 1998 về khuyến nông và giống lúa mới.",
}
QUERIES = {  # (unaccented, accented)
    "tcvn3.txt": ("cong trinh thuy loi", "công trình thủy lợi"),
    "vni.txt": ("giao thong nong thon", "giao thông nông thôn"),
    "cp1258.txt": ("trong rung phong ho", "trồng rừng phòng hộ"),
    "fonts.docx": ("khuyen nong giong lua", "khuyến nông giống lúa"),
    "old.doc": ("bao ton di tich", "bảo tồn di tích"),
    "old.rtf": ("xoa doi giam ngheo", "xóa đói giảm nghèo"),
}
EXTRACTORS = {
    "tcvn3.txt": "text:tcvn3",
    "vni.txt": "text:vni",
    "cp1258.txt": "text:cp1258",
    "fonts.docx": "python-docx+tcvn3+vni",
    "old.doc": "doc:soffice+python-docx+tcvn3",
    "old.rtf": "rtf:soffice+python-docx+vni",
}
BODY = NEWS_VI.split("\n\n")[1]  # a paragraph of real text around each topic


def _make_files(inbox, tmp_path, with_office: bool) -> None:
    write(inbox / "tcvn3.txt", legacy_bytes(tcvn3_text(f"{TOPICS['tcvn3.txt']}\n{BODY}"), legacy.TCVN3))
    write(inbox / "vni.txt", legacy_bytes(f"{TOPICS['vni.txt']}\n{BODY}", legacy.VNI))
    write(inbox / "cp1258.txt", encode_cp1258(f"{TOPICS['cp1258.txt']}\n{BODY}"))
    write_legacy_docx(
        inbox / "fonts.docx",
        [[(TOPICS["fonts.docx"], TCVN3_FONT)], [(BODY[:200], "Times New Roman"), (BODY[200:], VNI_FONT)]],
    )
    if with_office:
        for name, topic, font in (
            ("old.doc", "Quyết định năm 1995 về bảo tồn di tích lịch sử.", TCVN3_FONT),
            ("old.rtf", "Chương trình năm 1997 về xóa đói giảm nghèo.", VNI_FONT),
        ):
            source = write_legacy_docx(tmp_path / f"{name}.docx", [[(topic, font)], [(BODY, font)]])
            converted = soffice_convert(source, name.rsplit(".", 1)[1], tmp_path / "converted")
            write(inbox / name, converted.read_bytes())


def test_legacy_files_are_ingested_converted_and_found(cli, inbox, tmp_path):
    with_office = detect.office_converter() is not None
    _make_files(inbox, tmp_path, with_office)
    result, lines = cli.json("ingest", str(inbox))
    *outcomes, summary = lines
    assert summary["summary"]["failed"] == 0
    assert result.exit_code == 0, outcomes
    ids = {o["path"].rsplit("/", 1)[-1]: o["id"] for o in outcomes}
    assert all(o["status"] == "added" for o in outcomes) and len(ids) == (6 if with_office else 4)
    for name, record_id in ids.items():
        _, (shown,) = cli.json("show", str(record_id))
        assert shown["extractor"] == EXTRACTORS[name], name
        assert shown["language"] == "vi"
        for query in QUERIES[name]:
            _, (found,) = cli.json("search", query)
            assert [hit["id"] for hit in found["hits"]] == [record_id], (name, query)
    plain = cli("show", str(ids["tcvn3.txt"]))
    assert any(line.split() == ["extractor", "text:tcvn3"] for line in plain.stdout.splitlines())
    if not with_office:
        pytest.skip(
            "LibreOffice is not installed: .doc and .rtf were not tried (apt-get install libreoffice-writer-nogui)"
        )


def test_without_libreoffice_old_formats_are_unsupported_with_a_hint(cli, inbox, monkeypatch, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    write(inbox / "old.rtf", rb"{\rtf1\ansi{\fonttbl{\f0 .VnTime;}}\f0 B\'b8o c\'b8o\par}")
    result, (outcome, _summary) = cli.json("ingest", str(inbox))
    assert result.exit_code == 1
    assert outcome["status"] == "unsupported" and "libreoffice-writer-nogui" in outcome["reason"]
