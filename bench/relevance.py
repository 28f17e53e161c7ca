"""The relevance set of `tests/test_relevance.py` (`bench/generators/relevance`), measured here and on SQLite
FTS5 tuned, into RESULTS.md.

    python -m bench.relevance
    RELEVANCE_NEWS_DIR=/work/shared/corpus/news python -m bench.relevance   # with the real news texts held out

Same corpus, same queries and same tuned FTS5 as the test (which holds floors and "ahead of FTS5 on every
kind"); this writes the table beside the speed figures so quality and speed are read together.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench.results import write_block
from bench.search_common import RESULTS, log
from bench.search_report import machine

SECTION = "## Relevance: known-item queries, this archive against SQLite FTS5 tuned (`bench/relevance.py`)"


def main() -> int:
    from bench.generators.relevance.measure import LIMIT, measure, table

    info = machine()
    with tempfile.TemporaryDirectory(prefix="bench-relevance-") as tmp:
        measured = measure(Path(tmp))
    languages: dict[str, int] = {}
    for doc in measured.docs:
        languages[doc.language] = languages.get(doc.language, 0) + 1
    command = "python -m bench.relevance"
    if os.environ.get("RELEVANCE_NEWS_DIR"):
        command = f"RELEVANCE_NEWS_DIR={os.environ['RELEVANCE_NEWS_DIR']} {command}"
    block = "\n".join([
        f"{info['date']} · {info['cpu']}, {info['cores']} cores · Python {info['python']}, SQLite {info['sqlite']}"
        f" · `{command}`.",
        "",
        f"{len(measured.docs)} records ({', '.join(f'{n} {k}' for k, n in sorted(languages.items()))}) ingested "
        f"through the real pipeline; {len(measured.outcomes)} known-item queries, each asking for one record; "
        f"success@10 and MRR over the first {LIMIT} hits. FTS5 tuned: title, body, symbol and citation columns "
        "folded on both sides (`đ` → `d` too), `bm25(3, 1, 12, 1)`, filters as SQL on a metadata table, symbols on the "
        "symbol and citation columns, phrases as FTS5 phrases (`bench/generators/relevance/fts5.py`). Kind `pasted` "
        "(`bench/generators/relevance/pasted.py`): titles pasted with a type word and a dash, an en dash, a bullet, a "
        "colon or brackets, quoted stretches starting at a comma, sentences of the text with their punctuation (and of "
        "the real news texts, held out, when present), and hyphenated names (`Ô-xtrây-li-a`, `vi-rút`, `Mác-Lê-nin`, "
        "`cross-border`) on records made with a near miss holding the same syllables apart.",
        "",
        table(measured),
        "",
    ])  # fmt: skip
    write_block(RESULTS, "relevance", SECTION, block, "Made by `python -m bench.relevance`.")
    log(f"relevance written to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
