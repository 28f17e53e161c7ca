"""Transfer benchmark: packaging N records into a BagIt package, verifying it, and importing it into a
second home, against tools we did not write doing the bare part of each job.

    python -m bench.transfer [--docs 10000]

Home A gets `--docs` generated plain-text records (about 2 kB each) put straight into its store and catalog
(ingest is measured by `bench.ingest`). Then, each through the `archive` command in a subprocess:
`package create --ids 1-N`, `package verify`, `package import` into an empty home B (catalog, store and
Whoosh index), and the rerun of the import (nothing to do). Baselines: the `bagit` library's own
`make_bag` over a plain copy of the same originals (copy + SHA-256/512 manifests, nothing else), and
coreutils `sha256sum -c` over the package's manifest. Figures go to `bench/RESULTS.md`.

Not a test: figures depend on the machine and on its load.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bagit

from archive.catalog import Catalog
from archive.store import Store
from bench.results import write_block
from bench.search_common import RESULTS, log
from bench.search_report import machine

SECTION = "## Transfer packages: create, verify, import (`bench/transfer.py`)"
VOCABULARY = (
    "công tác lưu trữ hồ sơ tài liệu nộp lưu chỉnh lý Ban Thường vụ Tỉnh ủy nghị quyết chỉ thị kết luận "
    "báo cáo kế hoạch triển khai thực hiện các cấp ủy chi bộ đảng viên chuyển đổi số cải cách hành chính"
)
WORDS = VOCABULARY.split()


def populate(home: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = Store(home / "store").ensure()
    tmp = home / "gen.txt"
    with Catalog(home / "catalog.sqlite3") as catalog:
        for start in range(0, n, 1000):
            with catalog.transaction():
                for i in range(start, min(n, start + 1000)):
                    text = f"BÁO CÁO số {i}\n" + " ".join(rng.choice(WORDS) for _ in range(300)) + "\n"
                    tmp.write_text(text, encoding="utf-8")
                    blob = store.put_file(tmp)
                    catalog.insert_record(
                        text, sha256=blob.sha256, size=blob.size, mime="text/plain", filename=f"bc-{i}.txt",
                        title=f"Báo cáo số {i}", language="vi", doc_type="BC",
                    )  # fmt: skip
    tmp.unlink()


def archive(home: Path, *args: str) -> float:
    started = time.monotonic()
    env = {**os.environ, "ARCHIVE_HOME": str(home), "ARCHIVE_JOB_NICE": "0"}
    done = subprocess.run([sys.executable, "-m", "archive", *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"archive {' '.join(args)} failed: {done.stderr[-2000:]}")
    return time.monotonic() - started


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    return time.monotonic() - started


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    n = args.docs
    info = machine()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="bench-transfer-") as work_dir:
        work = Path(work_dir)
        a, b, package = work / "a", work / "b", work / "pkg"
        log(f"populating {n:,} records")
        populate(a, n)
        log("package create")
        create = archive(a, "package", "create", "--ids", f"1-{n}", "-o", str(package), "-q")
        log("package verify")
        verify = archive(a, "package", "verify", str(package), "-q")
        sha_check = timed(["sh", "-c", f"cd {package} && sha256sum --quiet -c manifest-sha256.txt"])
        log("bagit baseline")
        plain = work / "plain"
        store = Store(a / "store")
        started = time.monotonic()
        plain.mkdir()
        with Catalog(a / "catalog.sqlite3") as catalog:
            for record in catalog.iter_records():
                shutil.copyfile(store.path(record.sha256), plain / record.filename)
        bagit.make_bag(str(plain), checksums=["sha256", "sha512"])
        baseline = time.monotonic() - started
        log("package import")
        imported = archive(b, "package", "import", str(package), "-q")
        rerun = archive(b, "package", "import", str(package), "-q")
        with Catalog(b / "catalog.sqlite3") as catalog:
            assert catalog.count() == n, catalog.count()
        package_mb = size_of(package) / 1e6
        package_files = sum(1 for p in package.rglob("*") if p.is_file())
    rows = [
        ("`archive package create` (copy, metadata, text, audit entries, BagIt manifests)", create),
        ("baseline: copy the originals + `bagit.make_bag` (SHA-256 and SHA-512)", baseline),
        ("`archive package verify` (bagit: every checksum, both algorithms)", verify),
        ("baseline: `sha256sum -c manifest-sha256.txt` (coreutils, one algorithm)", sha_check),
        ("`archive package import` into an empty home (verify, store, catalog, Whoosh index)", imported),
        ("`archive package import` again (verify, then nothing to do)", rerun),
    ]
    lines = [
        f"{info['date']} · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · Python {info['python']}, "
        f"bagit {bagit.VERSION}, Whoosh {info['whoosh']} · load average at start {load} (shared machine).",
        "",
        f"{n:,} plain-text records of about 2 kB; the package is {package_mb:,.1f} MB on disk "
        f"({package_files:,} files: original, metadata.json and text.txt per record, mets.xml; no PDF/A copies).",
        "",
        "| step | seconds | records/s |",
        "|---|---:|---:|",
        *[f"| {name} | {sec:.1f} | {n / sec:,.0f} |" for name, sec in rows],
        "",
        f"Package create ÷ bagit baseline: {create / baseline:.1f}×; import ÷ create: {imported / create:.1f}×.",
        "",
    ]
    write_block(RESULTS, f"transfer N={n}", SECTION, "\n".join(lines),
                intro="Made by `python -m bench.transfer --docs N`; one block per N.")  # fmt: skip
    log("\n".join(lines))


if __name__ == "__main__":
    main()
