"""The samples that `make run` serves: all ingest cleanly and the README tour's searches find them."""

import json

import pytest

from bench.generators.docgen import SAMPLES as SAMPLE_SPECS
from bench.generators.docgen import WRITERS
from tests.conftest import SAMPLES


@pytest.fixture
def sampled(cli):
    result, lines = cli.json("ingest", str(SAMPLES))
    assert result.exit_code == 0, result.stderr
    return {line["path"].rsplit("/", 1)[-1]: line for line in lines[:-1]}


def test_samples_are_current(tmp_path):
    """samples/ is exactly what bench/generators/docgen.py makes (regenerate with `make samples`)."""
    for name, doc, fmt, kwargs in SAMPLE_SPECS:
        fresh = WRITERS[fmt](doc, tmp_path / name, **kwargs)
        assert fresh.read_bytes() == (SAMPLES / name).read_bytes(), name


def test_every_sample_is_added(sampled):
    assert len(sampled) == len(SAMPLE_SPECS) == 12
    assert {o["status"] for o in sampled.values()} == {"added"}


def test_formats_and_languages(cli, sampled):
    shown = [cli.json("show", str(o["id"]))[1][0] for o in sampled.values()]
    assert {s["mime"].split("/")[-1] for s in shown} >= {"pdf", "html", "plain"}
    assert any("wordprocessingml" in s["mime"] for s in shown)
    assert {s["language"] for s in shown} == {"vi", "en"}


@pytest.mark.parametrize(
    ("accented", "folded"), [("chuyển đổi số", "chuyen doi so"), ("cải cách hành chính", "cai cach hanh chinh")]
)
def test_search_with_and_without_diacritics_agree(cli, sampled, accented, folded):
    _, (with_marks,) = cli.json("search", accented, "--limit", "20")
    _, (without,) = cli.json("search", folded, "--limit", "20")
    assert with_marks["total"] == without["total"] >= 3
    assert {h["id"] for h in with_marks["hits"]} == {h["id"] for h in without["hits"]}


def test_english_search(cli, sampled):
    _, (found,) = cli.json("search", "report", "--limit", "5")
    assert found["hits"] and found["hits"][0]["filename"] == "report-412-BC-TU-en.pdf"
    assert json.dumps(found, ensure_ascii=False).count("<mark>") >= 1
