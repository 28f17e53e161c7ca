"""The "Nơi nhận:" block read into recipients in the layouts the accuracy set does not render: beside the
signature block (OCR, `pdftotext -layout`), with a quoted label in the body, and a real sample's block."""

from __future__ import annotations

from indexer import extract_file
from indexer.reading.metadata.recipients import read_recipients
from tests.conftest import SAMPLES


def test_a_block_beside_the_signature_keeps_only_its_own_cells():
    lines = [
        "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện nghiêm Kết luận này.",
        "",
        "Nơi nhận:                                        T/M BAN THƯỜNG VỤ",
        "- Văn phòng Trung ương Đảng,                                BÍ THƯ",
        "- Thường trực Tỉnh ủy (để b/c),",
        "- Các huyện ủy, thị ủy, thành ủy,",
        "- Lưu VT.                                            Nguyễn Đức Thắng",
    ]
    assert (
        read_recipients(lines)
        == "Văn phòng Trung ương Đảng; Thường trực Tỉnh ủy (để b/c); Các huyện ủy, thị ủy, thành ủy"
    )


def test_the_last_label_is_the_block_and_wrapped_entries_are_joined():
    lines = [
        "Ghi rõ nơi nhận: theo mẫu.",
        "Nơi nhận:",
        "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy phụ trách",
        "các huyện ủy, thị ủy, thành ủy,",
        "- Lưu: VT, TH.",
    ]
    assert (
        read_recipients(lines) == "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy phụ trách các huyện ủy, thị ủy, thành ủy"
    )
    assert read_recipients(["Không có khối nơi nhận."]) is None
    assert read_recipients(["Nơi nhận:", "- Lưu VT."]) is None  # only the file copy: nobody was sent it


def test_a_sample_conclusion_names_its_recipients():
    path = SAMPLES / "ket-luan-89-KL-TU.txt"
    meta = extract_file(path, "text/plain").metadata
    assert meta.recipients == "Văn phòng Trung ương Đảng; Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc"
