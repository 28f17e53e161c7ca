"""Snippets mark accented and unaccented matches alike, escape everything, and keep to the passages."""

from indexer.snippets import Terms, plain_snippet, snippet


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
