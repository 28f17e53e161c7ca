"""A clerk's first day without a browser (issue 21): what the pages say and refuse, through the Flask test
client on a real archive. The browser side is tests/web/test_clerk_browser.py."""

from __future__ import annotations

import re
import unicodedata

import pytest

from archive.catalog import Catalog
from archive.pipeline.manifest import column_name, decode, template_csv
from tests.conftest import write
from tests.web.conftest import add_user, archive_app, token_client
from web.highlighting import exact_pieces, exact_snippet


@pytest.fixture
def world(cli, settings, inbox, tmp_path):
    write(inbox / "cv.txt", "V/v lưu trữ hồ sơ\n\nCông văn về chuyển đổi số tại Sở Nội vụ.\n")
    write(inbox / "mat.txt", "Kế hoạch mật\n\nNội dung mật về chuyển đổi số.\n")
    rows = "file,doc_type,title,classification,doc_number,issued\n"
    rows += "cv.txt,CV,V/v lưu trữ hồ sơ,unclassified,1-CV/TU,2024-05-02\n"
    rows += "mat.txt,KH,Kế hoạch mật,secret,2-KH/TU,2024-06-01\n"
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(write(tmp_path / "m.csv", rows)))
    assert result.exit_code == 0, result.output
    ids = {line["path"].rsplit("/", 1)[-1]: line["id"] for line in lines[:-1]}
    app = archive_app(settings)
    users = {
        "admin": add_user(cli, "admin", "admin", "top_secret"),
        "thu": add_user(cli, "thu", "archivist", "top_secret"),
        "lan": add_user(cli, "lan", "reader", "unclassified"),
    }
    return {"ids": ids, "client": {n: token_client(app, u["token"]) for n, u in users.items()}}


def text(reply) -> str:
    return reply.get_data(as_text=True)


def test_an_accented_word_marks_only_its_own_form_and_a_bare_word_every_form():
    snippet = "<mark>Số</mark> 5 về chuyển đổi <mark>số</mark> tại <mark>Sở</mark>, <mark>so</mark> với <mark>sơ</mark>"
    assert exact_snippet(snippet, "chuyển đổi số").count("<mark>") == 2  # "Số" and "số"
    assert exact_snippet(snippet, "chuyen doi so") == snippet
    pieces = [("đổi", True), (" và ", False), ("đối", True)]
    assert exact_pieces(pieces, "đổi") == [("đổi", True), (" và ", False), ("đối", False)]
    assert exact_snippet("<mark>&lt;số&gt;</mark>", "số") == "<mark>&lt;số&gt;</mark>", "escaped text stays so"


def test_the_start_page_counts_only_what_the_reader_may_see(world):
    page = text(world["client"]["lan"].get("/"))
    assert "Mới nhập gần đây" in page and "Công văn về việc lưu trữ hồ sơ" in page, "a V/v title reads with its type"
    assert "2-KH/TU" not in page and "Kế hoạch" not in page and "Tối mật" not in page
    everything = text(world["client"]["lan"].get("/?q="))
    assert re.search(r'id="count" role="status">1 kết quả', everything), "an empty search lists what one may see"


def test_a_date_range_filters_on_the_issue_date_and_a_bad_date_is_said_in_words(world):
    admin = world["client"]["admin"]
    may = text(admin.get("/?q=&from=01/05/2024&to=31/05/2024"))
    assert re.search(r'id="count" role="status">1 kết quả', may) and "Từ ngày: 01/05/2024" in may
    wrong = text(admin.get("/?q=&from=31/02/2024"))
    assert "không phải ngày" in wrong and "nn/tt/nnnn" in wrong


def test_declassifying_needs_a_decision_and_reason_and_a_confirmation(world, settings):
    thu, record = world["client"]["thu"], world["ids"]["mat.txt"]
    refused = thu.post(f"/records/{record}/declassify", data={"decision": "", "reason": "x"})
    assert refused.status_code == 400 and "số quyết định và lý do" in text(refused)
    asked = thu.post(f"/records/{record}/declassify", data={"decision": "5-QĐ/TU", "reason": "Hết hạn"})
    assert asked.status_code == 200 and "Giải mật văn bản này?" in text(asked)
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.get(record).classification == "secret", "nothing changes before the confirmation"
    done = thu.post(f"/records/{record}/declassify", data={"decision": "5-QĐ/TU", "reason": "Hết hạn", "confirm": "1"})
    assert done.status_code == 303 and done.headers["Location"].endswith("done=declassified")
    assert "Đã giải mật" in text(thu.get(done.headers["Location"]))
    audit = text(world["client"]["admin"].get("/admin/audit?action=classification.changed"))
    assert "quyết định 5-QĐ/TU, lý do: Hết hạn" in audit and "{&#34;" not in audit
    assert f'<a href="/records/{record}">2-KH/TU</a>' in audit


def test_a_disposal_and_a_lock_are_confirmed_first_and_ones_own_lock_is_not_offered(world):
    thu, admin = world["client"]["thu"], world["client"]["admin"]
    record = world["ids"]["cv.txt"]
    review = thu.post("/retention/dispose/review", data={"id": str(record), "authority": "QĐ 9", "as_of": ""})
    assert review.status_code == 200 and "Tiêu hủy các văn bản này?" in text(review) and "1-CV/TU" in text(review)
    assert thu.get(f"/records/{record}").status_code == 200, "not disposed by the review"
    users = text(admin.get("/admin/users"))
    assert 'Khóa<span class="visually-hidden"> lan' in users and 'Khóa<span class="visually-hidden"> admin' not in users
    assert admin.post("/admin/users/confirm", data={"name": "admin"}).status_code == 400
    asked = admin.post("/admin/users/confirm", data={"name": "lan"})
    assert "Khóa tài khoản của lan?" in text(asked) and 'name="action" value="disable"' in text(asked)


def test_the_record_page_folds_technical_details_and_hides_the_server_path_from_readers(world):
    record = world["ids"]["cv.txt"]
    reader = text(world["client"]["lan"].get(f"/records/{record}?q=so&type=CV"))
    assert '<p class="back"><a href="/?q=so&amp;type=CV">← Quay lại kết quả</a></p>' in reader
    assert "Thông tin kỹ thuật" in reader and "Nhập từ" not in reader and "inbox" not in reader
    assert reader.count('class="legend"') == 1
    archivist = text(world["client"]["thu"].get(f"/records/{record}"))
    assert "Nhập từ" in archivist and "Sửa thông tin" in archivist
    assert '<option value="CV" selected>Công văn</option>' in archivist and 'value="02/05/2024"' in archivist


def test_the_audit_csv_has_a_bom_and_the_page_local_times(world):
    admin = world["client"]["admin"]
    assert admin.get("/admin/audit.csv").get_data().startswith("\ufeff".encode())
    page = text(admin.get("/admin/audit"))
    assert re.search(r"<time datetime=\"[^\"]+Z\">\d\d/\d\d/\d{4} \d\d:\d\d</time>", page)


def test_a_manifest_from_excel_reads_in_either_encoding_with_vietnamese_headers():
    listing = 'Tệp,"Số, ký hiệu",Trích yếu\nả.txt,1-CV/TU,Công văn về lưu trữ\n'
    composed = unicodedata.normalize("NFC", listing)
    assert decode(composed.encode("utf-8-sig")) == composed
    assert decode(b"T\xea\xf2p,ky\xec hi\xea\xf2u\n") == "Tệp,ký hiệu\n", "Windows-1258, tone marks apart"
    with pytest.raises(UnicodeDecodeError):
        decode(b"file,issued\na.txt,\xff\xfe2001\n")  # neither UTF-8 nor Vietnamese in Windows-1258
    assert [column_name(h) for h in ("Tệp", "Số, ký hiệu", "ĐỘ MẬT", "Ngày ban hành", "title")] == [
        "file",
        "doc_number",
        "classification",
        "issued",
        "title",
    ]
    assert template_csv().startswith('\ufeffTệp,"Số, ký hiệu",Loại văn bản'), "a BOM and Vietnamese headers"


def test_formats_are_vietnamese(world):
    page = text(world["client"]["thu"].get(f"/records/{world['ids']['cv.txt']}"))
    assert re.search(r"\d+ B|\d+,\d KB", page)
    login = text(world["client"]["lan"].get("/login"))
    assert "Tên đăng nhập" in login
