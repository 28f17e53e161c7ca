"""The OCR benchmark's page task, in a module of its own: a pool worker that unpickles it imports what an
ingest worker imports (`archive.pipeline.scanning`) and no more, not the benchmark's page generators."""

from __future__ import annotations

import os
import resource

from archive.pipeline.scanning import ocr_page_in_worker


def cpu_seconds() -> float:
    """CPU this process and its reaped children (the page's Tesseract) have used."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def timed_page(*args) -> tuple[bool, object, int, float]:
    """Run in a worker: the archive's own page task; the worker's pid and all the CPU it has used so far, its
    start-up and imports included (the last page of each worker gives its whole cost)."""
    ok, value = ocr_page_in_worker(*args)
    return ok, value, os.getpid(), cpu_seconds()
