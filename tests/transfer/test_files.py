"""Handing on a whole hồ sơ: `package create --file` (description, contents list, fonds) and
`transfer record --file` (refused while open or held; removal after the package verifies)."""

from __future__ import annotations

import json
from pathlib import Path

from archive.catalog import Catalog
from tests.transfer.helpers import DOC_A, DOC_B, DOC_C, ingest_docs

TO = "Lưu trữ lịch sử tỉnh"
DECISION = "Biên bản giao nhận số 7/BB-LT"


def _filed(tmp_path: Path, settings, cli) -> dict[str, int]:
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A, "ct.html": DOC_B, "cv.txt": DOC_C})
    with Catalog(settings.catalog_path) as catalog:
        ids = {r.filename: r.id for r in catalog.iter_records()}
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy Quảng Trị").exit_code == 0
    opened = cli(
        "files", "open", "01.TH", "--title", "Hồ sơ công tác lưu trữ", "--year", "2025", "--fonds", "TUQT",
        "--description", "Nghị quyết và chỉ thị về lưu trữ",
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output
    added = cli("files", "add", "TUQT/2025/01.TH", str(ids["nq.txt"]), str(ids["ct.html"]))
    assert added.exit_code == 0, added.output
    return ids


def test_package_of_a_file_carries_its_description_contents_and_fonds(tmp_path: Path, settings, cli):
    ids = _filed(tmp_path, settings, cli)
    package = tmp_path / "pkg"
    made, out = cli.json("package", "create", "--file", "01.TH", "-o", str(package))
    assert made.exit_code == 0, made.output
    assert out[0]["files"] == ["TUQT/2025/01.TH"] and out[0]["documents"] == 2
    data = package / "data"
    assert json.loads((data / "fonds.json").read_text()) == [{"code": "TUQT", "name": "Phông Tỉnh ủy Quảng Trị"}]
    described = json.loads((data / "files/TUQT_2025_01.TH.json").read_text())
    assert described["title"] == "Hồ sơ công tác lưu trữ"
    assert described["description"] == "Nghị quyết và chỉ thị về lưu trữ"
    assert [row["id"] for row in described["contents"]] == [ids["nq.txt"], ids["ct.html"]]
    assert [row["stt"] for row in described["contents"]] == [1, 2]
    assert "Trích yếu nội dung" in (data / "files/TUQT_2025_01.TH.contents.csv").read_text(encoding="utf-8-sig")
    listed = {d["id"] for d in json.loads((data / "package.json").read_text())["documents"]}
    assert listed == {ids["nq.txt"], ids["ct.html"]}
    assert cli("package", "verify", str(package)).exit_code == 0


def test_a_classified_file_is_stopped_by_the_gate(tmp_path: Path, settings, cli):
    ids = _filed(tmp_path, settings, cli)
    opened = cli("files", "open", "02.TH", "--title", "Hồ sơ mật", "--year", "2025", "--classification", "secret")
    assert opened.exit_code == 0, opened.output
    assert cli("files", "add", "02.TH", str(ids["cv.txt"])).exit_code == 0  # an unclassified document
    stopped = cli("package", "create", "--file", "02.TH", "-o", str(tmp_path / "pkg"))
    assert stopped.exit_code == 1 and "file TUQT/2025/02.TH (secret)" in stopped.stderr
    assert not (tmp_path / "pkg").exists()


def test_transfer_of_a_file_refused_while_open_or_held_then_removed(tmp_path: Path, settings, cli):
    ids = _filed(tmp_path, settings, cli)
    package = tmp_path / "pkg"
    assert cli("package", "create", "--file", "01.TH", "-o", str(package), "-q").exit_code == 0
    args = ["transfer", "record", "--file", "01.TH", "--to", TO, "--decision", DECISION]
    still_open = cli(*args)
    assert still_open.exit_code == 1 and "is still open" in still_open.stderr
    assert cli("files", "close", "01.TH", "--date", "2025-12-31").exit_code == 0
    assert cli("files", "hold", "01.TH", "--reason", "Thanh tra").exit_code == 0
    held = cli(*args)
    assert held.exit_code == 1 and "file TUQT/2025/01.TH is under a legal hold" in held.stderr
    assert cli("files", "hold", "01.TH", "--reason", "Kết thúc thanh tra", "--lift").exit_code == 0
    done, out = cli.json(*args, "--remove-local", "--package", str(package))
    assert done.exit_code == 0, done.output
    assert out[0]["file"] == "TUQT/2025/01.TH" and out[0]["local_copies_removed"] is True
    assert sorted(r["id"] for r in out[0]["records"]) == sorted([ids["nq.txt"], ids["ct.html"]])
    with Catalog(settings.catalog_path) as catalog:
        assert [r.id for r in catalog.iter_records()] == [ids["cv.txt"]]
    assert cli("verify").exit_code == 0
