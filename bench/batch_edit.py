"""Correcting many records at once (`archive.corrections.batch.edit_many`): N generated records, EDITED of
them corrected in one batch, against the same records edited one by one (`archive.editing.edit_record`,
one index update each, timed on a sample and scaled) and a bare SQLite UPDATE of the same rows (the floor,
no audit, no index). Also the incremental reindex of the edited records alone vs a full rebuild.

    nice -n 10 python -m bench.batch_edit [N] [EDITED]      (default 10000 1000)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime

from bench import corpus as bench_corpus
from bench.results import write_block
from bench.search_common import RESULTS, SEED, WORK
from bench.search_homes import build_catalog, build_index
from bench.search_report import machine

SECTION = "## Correcting many records at once (`bench/batch_edit.py`)"
SAMPLE = 50  # records edited one by one (the per-record path is timed on these and scaled)


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


def main(n: int = 10_000, edited: int = 1_000) -> None:
    from archive.catalog import Catalog
    from archive.config import Settings
    from archive.corrections.batch import edit_many
    from archive.editing import edit_record
    from archive.upkeep.reindex import reindex_records
    from indexer import open_index

    home = WORK / f"batch-edit-n{n}"
    if home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True)
    build_catalog(home, n, bench_corpus.generate_documents(n, SEED))
    index = build_index(home, n)
    settings = Settings(home=home)
    with Catalog(settings.catalog_path) as catalog:
        all_ids = sorted(catalog.id_revs())
    step = max(1, len(all_ids) // edited)
    ids = all_ids[::step][:edited]

    dry = [
        timed(lambda: edit_many(settings, ids, {"place": "Đông Hà"}, actor="bench", dry_run=True))[0] for _ in range(3)
    ]
    batch = []
    for value in ("Đông Hà", "Gio Linh", "Cam Lộ"):
        seconds, result = timed(lambda v=value: edit_many(settings, ids, {"place": v}, actor="bench"))
        assert result.ok and sum(1 for r in result.changes if r["changed"]) == len(ids)
        batch.append(seconds)
    with Catalog(settings.catalog_path) as catalog:
        reindex = [timed(lambda: reindex_records(catalog, open_index(settings.index_dir), ids))[0] for _ in range(3)]
    sample = all_ids[1::step][:SAMPLE]
    singles = []
    for record_id in sample:
        singles.append(timed(lambda r=record_id: edit_record(settings, r, {"place": "Hải Lăng"}, actor="bench"))[0])
    db = sqlite3.connect(settings.catalog_path)
    floor = []
    for value in ("A", "B", "C"):
        started = time.perf_counter()
        with db:
            db.executemany("UPDATE records SET notes = ? WHERE id = ?", [(value, i) for i in ids])
        floor.append(time.perf_counter() - started)
    db.close()

    info = machine()
    med = statistics.median
    per_record = med(singles)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    block = (
        f"### N = {n:,}, {len(ids):,} records edited\n\n"
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · "
        f"Python {sys.version.split()[0]} · load average at the end {load} (shared machine). "
        f"Command: `nice -n 10 python -m bench.batch_edit {n} {edited}`; corpus `bench/corpus.py`.\n\n"
        "| what | median s | per record ms | notes |\n|---|---:|---:|---|\n"
        f"| `edit_many` dry run | {med(dry):.2f} | {med(dry) / len(ids) * 1000:.2f} | checks every record, "
        "old → new, writes nothing (3 runs) |\n"
        f"| `edit_many` real run | {med(batch):.2f} | {med(batch) / len(ids) * 1000:.2f} | one transaction, "
        "one audit entry per record (hash-chained), one index update (3 runs) |\n"
        f"| of which: incremental reindex of the {len(ids):,} | {med(reindex):.2f} | "
        f"{med(reindex) / len(ids) * 1000:.2f} | `reindex_records` alone on the same ids (3 runs) |\n"
        f"| one by one (`edit_record`) | {per_record * len(ids):.2f} | {per_record * 1000:.2f} | "
        f"median of {len(sample)} single edits × {len(ids):,}: a lock, a transaction and an index commit each |\n"
        f"| bare SQLite `UPDATE … executemany` | {med(floor):.3f} | {med(floor) / len(ids) * 1000:.3f} | "
        "the floor: no checks, no audit, no index (3 runs) |\n"
        f"| full rebuild of the index | {index['seconds']:.1f} | {index['seconds'] / n * 1000:.2f} | "
        f"`archive.upkeep.reindex.rebuild` of all {n:,}, what an edit would cost without incremental updates |\n\n"
        f"Batch vs one by one: {per_record * len(ids) / med(batch):.1f}× faster; batch vs the bare UPDATE: "
        f"{med(batch) / med(floor):.0f}× slower (the checks, the audit chain and the index).\n\n"
    )
    write_block(RESULTS, f"batch_edit N={n}", SECTION, block)
    print(block)
    shutil.rmtree(home)


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
