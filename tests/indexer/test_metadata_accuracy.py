"""Field accuracy of metadata extraction over hand-labelled first pages (bench/generators/metadata_cases.py).

Each case is rendered in its format, read back through the real extractor, and every field compared
with its hand-written expectation. Per-field accuracy is printed (`pytest -s`) and held to a floor.
"""

from collections import Counter
from pathlib import Path

import pytest

from bench.generators.docgen import WRITERS
from bench.generators.metadata_cases import CASES as TUNING
from bench.generators.metadata_cases import FIELDS, RECIPIENT_CASES, expected_value
from bench.generators.metadata_holdout import HOLDOUT
from indexer.reading.detect import sniff
from indexer.reading.extract import extract_file

# 50 cases the extractor was tuned on, plus 24 written later by someone who never saw the extractor
# (measured blind first: 98.1% of fields right; see the issue note).
CASES = TUNING + HOLDOUT + RECIPIENT_CASES

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FLOOR = 0.95  # every field; measured values are in the issue note and printed by this test


def extracted(case, folder: Path) -> dict:
    path = WRITERS[case.fmt](case.doc, folder / f"{case.name}.{case.fmt}", **case.writer_kwargs)
    result = extract_file(path, sniff(path).mime)
    meta = result.metadata
    values = {name: getattr(meta, name) for name in FIELDS if name != "citations"}
    values["citations"] = sorted(c.symbol for c in meta.citations)
    return values


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    if not FONT.exists() and any(c.fmt == "pdf" for c in CASES):
        pytest.skip("PDF cases need fonts-dejavu-core (apt-get install it)")
    folder = tmp_path_factory.mktemp("first-pages")
    return {case.name: (case, extracted(case, folder)) for case in CASES}


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 40
    formats = Counter(c.fmt for c in CASES)
    assert set(formats) >= {"docx", "pdf", "text"} and min(formats.values()) >= 5
    assert {c.expected["language"] for c in CASES} == {"vi", "en"}
    assert len(RECIPIENT_CASES) >= 6 and all("recipients" in c.expected for c in RECIPIENT_CASES)
    assert any(c.expected["classification"] != "unclassified" for c in CASES)


def test_field_accuracy(outcomes):
    right, scored, misses = Counter(), Counter(), []
    for case, got in outcomes.values():
        for name in FIELDS:
            if name in case.skip:
                continue
            scored[name] += 1
            if got[name] == expected_value(case, name):
                right[name] += 1
            else:
                misses.append(f"{case.name}: {name}: expected {expected_value(case, name)!r}, got {got[name]!r}")
    accuracy = {name: right[name] / scored[name] for name in FIELDS}
    print("\nfield accuracy over", len(outcomes), "first pages:")
    for name in FIELDS:
        print(f"  {name:<15} {accuracy[name]:6.1%}  ({right[name]}/{scored[name]})")
    print("\n".join(misses))
    low = {name: round(value, 3) for name, value in accuracy.items() if value < FLOOR}
    assert not low, f"fields below {FLOOR:.0%}: {low}\n" + "\n".join(misses)
