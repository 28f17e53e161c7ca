"""Snippets mark accented and unaccented matches alike, escape everything, and keep to the passages."""

from indexer.index.snippets import Terms, plain_snippet, snippet


def test_marks_every_accented_form_of_a_folded_word():
    text = "Nghị quyết về cải cách hành chính. Cai cach thủ tục."
    result = snippet(text, Terms(words={"cai", "cach"}))
    assert result.count("<mark>") == 4
    assert "<mark>cải</mark> <mark>cách</mark>" in result and "<mark>Cai</mark> <mark>cach</mark>" in result


def test_escapes_document_text_around_and_inside_marks():
    text = "<script>alert(1)</script> đảng & <b>dang</b>"
    result = snippet(text, Terms(words={"dang"}))
    assert "<script>" not in result and "&lt;script&gt;" in result
    assert "<mark>đảng</mark> &amp; &lt;b&gt;<mark>dang</mark>&lt;/b&gt;" in result


def test_two_best_passages_from_a_long_text_in_text_order():
    filler = " ".join(["lorem"] * 80)
    text = f"alpha beta {filler} gamma {filler} alpha beta gamma"
    result = snippet(text, Terms(words={"alpha", "beta", "gamma"}))
    assert result.count(" … ") == 1
    assert result.index("<mark>alpha</mark>") < result.index("<mark>gamma</mark>")
    assert result.endswith("<mark>alpha</mark> <mark>beta</mark> <mark>gamma</mark>")


def test_prefixes_and_stems_mark_word_forms():
    terms = Terms(prefixes={"quyet"}, stems={"resolut"}, stem=lambda w: w[:7])
    result = snippet("quyết định and resolutions", terms)
    assert "<mark>quyết</mark>" in result and "<mark>resolutions</mark>" in result


def test_no_match_gives_the_start_of_the_text_escaped():
    assert snippet("a < b " * 100, Terms(words={"zzz"})) == plain_snippet("a < b " * 100)
    assert plain_snippet("x" * 300).endswith("…")


def test_a_symbol_is_marked_however_it_is_printed():
    text = "Thực hiện Chỉ thị số 18-CT/TU, Số 18 – CT / TU và 118-CT/TU; 18-CT/TUX không phải."
    result = snippet(text, Terms(symbols={"18-ct/tu"}))
    assert result.count("<mark>") == 2, "not inside another symbol"
    assert "số <mark>18-CT/TU</mark>," in result and "Số <mark>18 – CT / TU</mark>" in result
    both = snippet("Số 18-CT/TU", Terms(symbols={"18-ct/tu"}, words={"ct"}))
    assert both == "Số <mark>18-CT/TU</mark>", "a word inside a marked symbol is not marked again"
    assert "<mark>" in snippet("Quy định số 06-QĐi/TU", Terms(symbols={"06-qdi/tu"}))


def test_a_symbol_query_marks_its_symbol_in_a_records_text():
    from indexer.index.highlight import pieces

    text = "TỈNH ỦY QUẢNG TRỊ\nSố 18-CT/TU\nChỉ thị về cải cách"
    assert [p for p, matched in pieces(text, "18-CT/TU") if matched] == ["18-CT/TU"]
    assert [p for p, matched in pieces(text, "chi thi 18-ct/tu") if matched] == ["18-CT/TU", "Chỉ", "thị"]
    assert [p for p, matched in pieces(text, "so:18-CT/TU") if matched] == [], "a filter narrows, it marks nothing"
