"""Work done in the worker processes: read a file or plan its OCR, OCR one page, make a searchable PDF.

Each returns (True, result) or (False, reason), so that nothing unpicklable crosses back and one bad
file or page never stops a batch.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import shutil
import subprocess
from pathlib import Path

from archive.errors import ArchiveError, NeedsOcrError
from archive.messages import Message
from archive.models import ExtractedText, Limits, OcrPage, ScanPlan, Unsupported
from archive.pipeline.workers import ExtractorPool, own_time_limit
from indexer import Engine, detect, extract_file, guard, page_count, page_image, recognise

SCAN_TYPES = (detect.PNG, detect.JPEG, detect.TIFF)
RENDITION_TIMEOUT = 3600  # seconds for one file through ocrmypdf
MB = 1024 * 1024
Outcome = tuple[bool, object]


def _guarded(work, *args) -> Outcome:
    try:
        return True, work(*args)
    except ArchiveError as exc:
        return False, exc.message
    except MemoryError:
        return False, _out_of_memory()
    except Exception as exc:  # a parser bug on a strange file must not stop the batch
        return False, Message("could not read the file (%(error)s)", error=f"{type(exc).__name__}: {exc}")


def _out_of_memory() -> str:
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    if limit == resource.RLIM_INFINITY:
        return Message("the file needs more memory to read than this machine has")
    return Message(
        "reading the file needs more than the %(limit)s MB a worker may use (ARCHIVE_MAX_MEMORY_MB)",
        limit=f"{limit / MB:,.0f}",
    )


def extract_in_worker(blob: str, mime: str, languages: tuple[str, ...], limits: Limits | None = None) -> Outcome:
    """The file's text (`ExtractedText`), or the plan of its OCR (`ScanPlan`); first, what a ZIP or OLE2
    container holds (`Unsupported` when the archive does not read it), then the file's limits."""
    return _guarded(_extract_or_plan, Path(blob), mime, languages, limits)


def _extract_or_plan(
    path: Path, mime: str, languages: tuple[str, ...], limits: Limits | None
) -> ExtractedText | ScanPlan | Unsupported:
    if mime in detect.CONTAINERS:  # its directory is read here, never in the archive's own process
        found = detect.open_container(path, mime)
        if found.unsupported:
            return Unsupported(found.unsupported)
        mime = found.mime
    guard.check(path, mime, limits)
    if mime in SCAN_TYPES:
        pages = page_count(path, mime)
        return ScanPlan(pages, tuple(range(pages)), ("",) * pages)
    try:
        return dataclasses.replace(extract_file(path, mime, languages, limits), mime=mime)
    except NeedsOcrError as exc:
        return ScanPlan(max(len(exc.texts), max(exc.pages) + 1), exc.pages, exc.texts)


def ocr_page_in_worker(blob: str, mime: str, index: int, engine: Engine, dpi: int) -> Outcome:
    """OCR page `index` (0-based) of a stored file."""
    return _guarded(_ocr_page, Path(blob), mime, index, engine, dpi)


def _ocr_page(path: Path, mime: str, index: int, engine: Engine, dpi: int) -> OcrPage:
    image, resolution = page_image(path, mime, index, dpi)
    read = recognise(image, engine, resolution)
    return OcrPage(index + 1, read.text, read.confidence, read.words)


def page_image_in_worker(blob: str, mime: str, index: int, dpi: int) -> Outcome:
    """Page `index` (0-based) of a stored file as a packed image and its resolution, for an OCR worker on
    another machine (`archive.pipeline.remote`): rendering stays here, under this pool's limits."""
    return _guarded(_packed_page, Path(blob), mime, index, dpi)


def _packed_page(path: Path, mime: str, index: int, dpi: int) -> tuple[bytes, int]:
    return page_image(path, mime, index, dpi, packed=True)


def ocrmypdf_available() -> bool:
    return shutil.which("ocrmypdf") is not None


@own_time_limit(RENDITION_TIMEOUT + 60)  # a whole scan, not a page: ocrmypdf's own timeout stops it
def rendition_in_worker(blob: str, mime: str, out: str, languages: str, redo: bool, pages: str = "") -> Outcome:
    """Make a searchable PDF of a scan with ocrmypdf into `out`; `redo` rasterises the pages whose text is
    garbage, and with `pages` (1-based, comma-separated) only those pages are OCR'd."""
    return _guarded(_rendition, blob, mime, out, languages, redo, pages)


def _rendition(blob: str, mime: str, out: str, languages: str, redo: bool, pages: str = "") -> str:
    command = ["ocrmypdf", "--quiet", "--jobs", "1", "--output-type", "pdf", "-l", languages]
    command.append("--force-ocr" if redo else "--skip-text")
    if pages:
        command += ["--pages", pages]  # never a whole document redone for some of its pages
    if mime != detect.PDF and not _image_has_dpi(Path(blob)):
        command += ["--image-dpi", "300"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        result = subprocess.run(
            [*command, blob, out], capture_output=True, text=True, env=env, timeout=RENDITION_TIMEOUT
        )
    except subprocess.TimeoutExpired as exc:
        raise ArchiveError(f"ocrmypdf took more than {RENDITION_TIMEOUT} s") from exc
    if result.returncode != 0 or not Path(out).is_file():
        Path(out).unlink(missing_ok=True)
        lines = result.stderr.strip().splitlines()
        raise ArchiveError(f"ocrmypdf failed (exit {result.returncode}): {lines[-1] if lines else 'no message'}")
    return out


def _image_has_dpi(path: Path) -> bool:
    from PIL import Image

    with Image.open(path) as image:
        return bool(image.info.get("dpi"))


def extraction_pool(settings, store) -> ExtractorPool:
    """The worker pool that reads files and scan pages, with the settings' limits (ingest and `archive ocr`)."""
    return ExtractorPool(
        settings.workers,
        extract_in_worker,
        settings.languages,
        seconds=settings.max_seconds or None,
        memory_mb=settings.max_memory_mb or None,
        temp_dir=store.tmp,  # inside the home folder; what a killed worker leaves, recovery removes
    )
