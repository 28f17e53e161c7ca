"""Word 97-2003 (.doc), OpenDocument text (.odt) and RTF: LibreOffice converts them to DOCX in a temporary
folder, and the DOCX extractor reads that (runs in legacy fonts included). The original is never touched.

What LibreOffice made is held to the same limits as a DOCX that was sent (ARCHIVE_MAX_UNZIPPED_MB,
ARCHIVE_MAX_ZIP_RATIO) before python-docx unpacks it: a small file can convert into a large one. An ODT,
itself a ZIP, was checked before the conversion (`indexer.reading.guard.check`).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from indexer.core.errors import ExtractionError, UnsupportedFormatError
from indexer.core.messages import Message
from indexer.core.models import ExtractedText, Limits
from indexer.reading import detect, guard
from indexer.reading.extract import docx

SUFFIXES = {detect.DOC: "doc", detect.ODT: "odt", detect.RTF: "rtf"}
TIMEOUT_SECONDS = 180


def extract(path: Path, mime: str, limits: Limits | None = None) -> ExtractedText:
    command = detect.office_converter()
    if command is None:
        raise UnsupportedFormatError(Message("LibreOffice is not installed (%(hint)s)", hint=detect.OFFICE_HINT))
    suffix = SUFFIXES[mime]
    with tempfile.TemporaryDirectory(prefix="archive-soffice-") as tmp:
        folder = Path(tmp)
        source = folder / f"document.{suffix}"  # the stored blob has no name; LibreOffice likes a telling one
        shutil.copyfile(path, source)
        convert(command, source, folder)
        converted = folder / "out" / "document.docx"
        if not converted.is_file():
            raise ExtractionError(
                Message("LibreOffice could not convert this %(kind)s file (damaged or encrypted?)", kind=suffix.upper())
            )
        if limits is not None:
            guard.check_zip(converted, f"DOCX converted from this {suffix.upper()}", limits)
        result = docx.extract(converted)
    return dataclasses.replace(result, extractor=f"{suffix}:soffice+{result.extractor}")


def convert(command: str, source: Path, folder: Path, target: str = "docx:MS Word 2007 XML") -> None:
    """`source` converted by LibreOffice into `folder/out/` as `target` (a filter; the record page's PDF
    preview asks for PDF), killed after TIMEOUT_SECONDS."""
    # A profile of its own per conversion: two workers converting at once must not share one.
    args = [
        command,
        "--headless",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--convert-to",
        target,
        "--outdir",
        str(folder / "out"),
        str(source),
    ]
    env = {**os.environ, "HOME": str(folder)}
    process = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        process.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: soffice.bin and nothing else
        process.wait()
        raise ExtractionError(
            Message("LibreOffice took more than %(seconds)s s to convert this file", seconds=TIMEOUT_SECONDS)
        ) from None
