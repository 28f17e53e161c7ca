"""A mixed archive for the hostile-reader tests: records at every level, one in a compartment, records
citing each other across levels, and two disposed records (one secret, one not). Every hidden record
carries words found nowhere else, so any leak of them shows in an answer's bytes."""

from __future__ import annotations

import csv

from tests.conftest import Cli, write

COMMON = "Ban Thường vụ Tỉnh ủy kết luận về cải cách hành chính và chuyển đổi số trong các cơ quan Đảng. "

# name: (classification, compartments, symbol, issued, issuer, title, body)
RECORDS = {
    "pub": ("unclassified", "", "5-CV/TU", "2010-03-01", "Tỉnh ủy Quảng Trị", "V/v triển khai công khai",
            "Thực hiện Nghị quyết số 7-NQ/TU ngày 02/02/2009, đề nghị các cơ quan congkhaiword báo cáo."),
    "conf": ("confidential", "", "6-CV/TU", "2011-04-01", "Tỉnh ủy Quảng Trị", "V/v tài liệu mật thường",
             "Nội dung matthuongword cần bảo vệ ở mức mật."),
    "secret": ("secret", "", "7-NQ/TU", "2009-02-02", "Ban Bí mật Đặc biệt", "Nghị quyết về kế hoạch hạt nhân",
               "Nội dung bimatquansu tối mật, căn cứ Công văn số 5-CV/TU ngày 01/03/2010 và khoản xylophonevault."),
    "topsec": ("top_secret", "", "8-NQ/TU", "2012-05-05", "Tỉnh ủy Quảng Trị", "Nghị quyết tuyệt mật",
               "Nội dung tuyetmatword tuyệt mật."),
    "unit": ("confidential", "ban-to-chuc", "9-CV/TU", "2013-06-06", "Tỉnh ủy Quảng Trị", "V/v nhân sự ban",
             "Nội dung ngannguocword chỉ ban tổ chức được xem."),
    "gone_secret": ("secret", "", "10-CV/TU", "2000-01-01", "Tỉnh ủy Quảng Trị", "V/v đã hủy tối mật",
                    "Nội dung huybimatword đã hết hạn."),
    "gone_pub": ("unclassified", "", "11-CV/TU", "2000-01-01", "Tỉnh ủy Quảng Trị", "V/v đã hủy công khai",
                 "Nội dung huycongkhaiword đã hết hạn."),
}  # fmt: skip
VISIBLE = ("pub", "conf")  # to a confidential reader without compartments
HIDDEN = ("secret", "topsec", "unit")
DISPOSED = ("gone_secret", "gone_pub")
# Strings that exist only in what the reader may not see; none may appear in any answer they get.
HIDDEN_MARKERS = (
    "bimatquansu", "xylophonevault", "hạt nhân", "hat nhan", "Ban Bí mật Đặc biệt", "tuyetmatword", "ngannguocword",
    "huybimatword", "secret.txt", "topsec.txt", "unit.txt", "gone_secret.txt", "tuyệt mật", "top_secret", "ban-to-chuc",
)  # fmt: skip


def build_mixed(cli: Cli, folder) -> dict[str, int]:
    """Ingest the records with a manifest, dispose of the two old ones; returns {name: record id}."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, (level, compartments, symbol, issued, issuer, title, body) in RECORDS.items():
        write(folder / f"{name}.txt", f"{title}\n\n{COMMON}{body}\n")
        rows.append({"file": f"{name}.txt", "classification": level, "compartments": compartments,
                     "doc_number": symbol, "doc_type": symbol.split("-")[1].split("/")[0], "issued": issued,
                     "issuer": issuer, "title": title})  # fmt: skip
    manifest = folder.parent / f"{folder.name}-manifest.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result, lines = cli.json("ingest", str(folder), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    ids = {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1]}
    disposed = cli("retention", "dispose", *(str(ids[n]) for n in DISPOSED), "--authority", "QĐ 1-QĐ/VPTU")
    assert disposed.exit_code == 0, disposed.output
    return ids
