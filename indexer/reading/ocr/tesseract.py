"""Tesseract, called as a program: one page image in, its words with their confidence out (TSV).

We call the `tesseract` binary directly rather than through pytesseract: pytesseract runs the same
binary (writing temporary files), so it would add a dependency and save nothing. Calling it ourselves
gives one process per page, the image in a temporary file, TSV (words, boxes, confidences) on stdout, a
timeout, and `OMP_THREAD_LIMIT=1`: we run one Tesseract per core, and its own threads would only compete.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from indexer.core.errors import ExtractionError

# Tesseract's names for the archive's languages, and the Debian package that carries each.
TRAINEDDATA = {"vi": "vie", "en": "eng"}
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng"
PAGE_TIMEOUT = 300  # seconds; a page that takes longer is reported, not waited for forever
COLUMN_GAP = 2.5  # a gap wider than this many word heights separates two columns of a line


@dataclass(frozen=True)
class Engine:
    """A Tesseract program and the languages to read with."""

    command: str = "tesseract"
    languages: str = "vie+eng"

    @property
    def path(self) -> str | None:
        return shutil.which(self.command)

    def missing(self) -> str | None:
        """Why OCR cannot run here (with what to install), or None when it can."""
        if self.path is None:
            return f"Tesseract OCR is not installed (Debian: {INSTALL})"
        have = installed_languages(self.path)
        lacking = [code for code in self.languages.split("+") if code not in have]
        if lacking:
            packages = " ".join(f"tesseract-ocr-{code}" for code in lacking)
            return f"Tesseract has no {'+'.join(lacking)} language data (Debian: apt-get install {packages})"
        return None

    def version(self) -> str:
        return tesseract_version(self.path or self.command)


def engine_for(command: str, languages: tuple[str, ...]) -> Engine:
    """The engine reading the archive's languages (`vi,en` → `vie+eng`); unknown codes are passed as they are."""
    return Engine(command, "+".join(TRAINEDDATA.get(code, code) for code in languages) or "eng")


@functools.cache
def installed_languages(path: str) -> frozenset[str]:
    result = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=60)
    return frozenset(line.strip() for line in result.stdout.splitlines()[1:] if line.strip())


@functools.cache
def tesseract_version(path: str) -> str:
    result = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    first = (result.stdout or result.stderr).split("\n", 1)[0]  # "tesseract 5.3.0"
    return first.split()[-1] if first.strip() else "unknown"


@dataclass(frozen=True)
class PageText:
    """What Tesseract read on one page: text in lines, mean word confidence (0–100), word count."""

    text: str
    confidence: float | None
    words: int


def recognise(image: bytes, engine: Engine, dpi: int) -> PageText:
    """OCR one page image (any format Leptonica reads: PNM, PNG, TIFF …)."""
    path = engine.path
    if path is None:
        raise ExtractionError(engine.missing() or "Tesseract is not installed")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # From a file, not stdin: Tesseract copies standard input a byte at a time, ~0.15 s of CPU for a 300 dpi
    # page (7% of its own work); Leptonica reads a file in one go.
    with tempfile.NamedTemporaryFile(prefix="ocr-page-") as page:
        page.write(image)
        page.flush()
        command = [path, page.name, "stdout", "-l", engine.languages, "--dpi", str(dpi), "tsv"]
        try:
            result = subprocess.run(command, capture_output=True, env=env, timeout=PAGE_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError(f"Tesseract took more than {PAGE_TIMEOUT} s on the page") from exc
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExtractionError(f"Tesseract failed on the page: {detail[-1] if detail else result.returncode}")
    return parse_tsv(result.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> PageText:
    """Lines of words in Tesseract's reading order; a blank line between paragraphs; a wide gap inside a
    line (two header columns side by side) becomes a run of spaces, which the metadata reader splits on."""
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    lines: dict[tuple[str, str, str], list[dict]] = {}
    for row in rows:
        if row.get("level") == "5" and (row.get("text") or "").strip():
            lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    out: list[str] = []
    confidences: list[float] = []
    previous = None
    for line_key, words in lines.items():
        if previous is not None and line_key[:2] != previous[:2]:
            out.append("")
        out.append(_join(words))
        confidences += [float(w["conf"]) for w in words if float(w["conf"]) >= 0]
        previous = line_key
    mean = round(sum(confidences) / len(confidences), 2) if confidences else None
    return PageText("\n".join(out), mean, len(confidences))


def _join(words: list[dict]) -> str:
    parts = [words[0]["text"].strip()]
    for before, word in itertools.pairwise(words):
        gap = int(word["left"]) - (int(before["left"]) + int(before["width"]))
        height = max(int(before["height"]), int(word["height"]), 1)
        parts.append("    " if gap > COLUMN_GAP * height else " ")
        parts.append(word["text"].strip())
    return "".join(parts)
