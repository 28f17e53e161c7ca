"""A help page's tabs, accordions and script-revealed sections are text of the record: the HTML extractor
reads them (a page built here from random words); scripts, styles, templates and comments are not text."""

from __future__ import annotations

import random

from indexer import detect
from indexer.reading.extract import extract_file

WORDS = [
    "mô",
    "đun",
    "cấu",
    "hình",
    "người",
    "dùng",
    "quyền",
    "hạn",
    "báo",
    "cáo",
    "tải",
    "lên",
    "tệp",
    "đính",
    "kèm",
    "lịch",
    "họp",
    "phê",
    "duyệt",
    "ký",
    "số",
    "lưu",
    "trữ",
]


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + f" mã{rng.randrange(10**6):06d}."


def test_hidden_sections_are_read_and_code_is_not(tmp_path):
    rng = random.Random(16)
    shown, hidden = [sentence(rng) for _ in range(3)], [sentence(rng) for _ in range(6)]
    page = f"""<!doctype html><html><head><title>Hướng dẫn</title><style>.tab{{display:none}}</style>
    <script>var SCRIPTWORD = 1;</script></head><body>
    <h1>Hướng dẫn sử dụng</h1><p>{shown[0]}</p>
    <div class="tabs"><section id="t1"><p>{shown[1]}</p></section>
      <section id="t2" hidden><h2>Mô đun văn thư</h2><p>{hidden[0]}</p></section>
      <section id="t3" style="display: none"><p>{hidden[1]}</p><ul><li>{hidden[2]}</li></ul></section></div>
    <details><summary>Câu hỏi</summary><p>{hidden[3]}</p></details>
    <div aria-hidden="true" style="visibility:hidden">{hidden[4]}</div>
    <noscript>{hidden[5]}</noscript>
    <template><p>TEMPLATEWORD</p></template><!-- COMMENTWORD --><p>{shown[2]}</p>
    <script type="text/x-template">SCRIPTTEMPLATEWORD</script></body></html>"""
    path = tmp_path / "help.html"
    path.write_text(page, encoding="utf-8")
    text = extract_file(path, detect.HTML).text
    for line in shown + hidden:
        assert line in text, line
    for noise in ("SCRIPTWORD", "TEMPLATEWORD", "COMMENTWORD", "SCRIPTTEMPLATEWORD", "display"):
        assert noise not in text
    assert text.index(shown[1]) < text.index(hidden[0]) < text.index(hidden[1]) < text.index(shown[2]), "page order"
