"""Make a PDF/A-2b copy of one original with the tools installed, and read back what a PDF/A file declares.

Scans and PDFs go through ocrmypdf (which OCRs pages that have no text, then writes PDF/A with Ghostscript);
office documents, HTML and plain text through LibreOffice's PDF export with PDF/A-2 selected. Each tool runs
as its own process with a time limit; LibreOffice gets a profile of its own per conversion.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

PDF_TYPES = {"application/pdf", "image/tiff", "image/png", "image/jpeg"}
OFFICE_TYPES = {  # mime → the extension LibreOffice recognises the file by
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/rtf": ".rtf",
    "text/html": ".html",
    "text/plain": ".txt",
    "image/gif": ".gif",  # ocrmypdf takes no GIF; LibreOffice draws it on a page
}
TIMEOUT = 600  # seconds for one document; ocrmypdf OCRs every page without text
XMP = re.compile(rb"<x:xmpmeta.*?</x:xmpmeta>", re.S)


class ToolMissing(Exception):
    """The program this type needs is not installed: the record waits as pending."""


class ConversionFailed(Exception):
    """The tool ran and made no PDF/A of this file (its reason, shortened)."""


@dataclass(frozen=True)
class Made:
    path: Path
    tool: str
    part: str
    conformance: str


def tool_for(mime: str) -> str | None:
    """ "ocrmypdf", "libreoffice", or None for a type no tool converts."""
    if mime in PDF_TYPES:
        return "ocrmypdf"
    if mime in OFFICE_TYPES:
        return "libreoffice"
    return None


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def make_pdfa(original: Path, mime: str, title: str | None, workdir: Path, languages: str = "vie+eng") -> Made:
    """Convert `original` into `workdir`/copy.pdf as PDF/A-2b; raises ToolMissing or ConversionFailed."""
    tool = tool_for(mime)
    if tool is None:
        raise ConversionFailed(f"no tool makes a PDF/A copy of {mime}")
    out = workdir / "copy.pdf"
    if tool == "ocrmypdf":
        if shutil.which("ocrmypdf") is None:
            raise ToolMissing("ocrmypdf is not installed (Debian: apt-get install ocrmypdf)")
        command = ["ocrmypdf", "--quiet", "--jobs", "1", "--output-type", "pdfa-2", "--skip-text", "-l", languages]
        if mime != "application/pdf":
            command += ["--image-dpi", "300"]  # used only when the image does not say its resolution
        if title:
            command += ["--title", title]
        _run([*command, str(original), str(out)])
        version = _version(["ocrmypdf", "--version"])
    else:
        program = soffice()
        if program is None:
            raise ToolMissing("LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
        source = workdir / ("original" + OFFICE_TYPES[mime])
        shutil.copyfile(original, source)
        export = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
        command = [program, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless"]
        if mime == "text/html":
            command += ["--infilter=HTML (StarWriter)"]  # Writer, not Writer/Web: the PDF/A export is Writer's
        _run([*command, "--convert-to", export, "--outdir", str(workdir / "out"), str(source)])
        made = workdir / "out" / "original.pdf"
        if not made.is_file():
            raise ConversionFailed("LibreOffice made no PDF")
        os.replace(made, out)
        version = _version([program, "--version"])
    part, conformance = pdfa_identification(out)
    if not part:
        raise ConversionFailed(f"{tool} made a PDF that does not declare PDF/A")
    return Made(out, f"{tool} {version}".strip(), part, conformance)


def pdfa_identification(path: Path) -> tuple[str | None, str | None]:
    """(part, conformance) as the file's XMP metadata declares them (pdfaid), or (None, None).

    The XMP packet is usually stored unfiltered; otherwise each Flate stream is tried in turn."""
    data = path.read_bytes()
    for packet in _xmp_packets(data):
        part = _pdfaid(packet, b"part")
        if part:
            return part, _pdfaid(packet, b"conformance")
    return None, None


def _xmp_packets(data: bytes):
    yield from XMP.findall(data)
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            yield from XMP.findall(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue


def _pdfaid(packet: bytes, name: bytes) -> str | None:
    found = re.search(rb"pdfaid:" + name + rb"\s*=\s*[\"']([^\"']+)", packet) or re.search(
        rb"<pdfaid:" + name + rb">\s*([^<\s]+)", packet
    )
    return found.group(1).decode("ascii", "replace") if found else None


def _run(command: list[str]) -> None:
    # Its own session, so that a timeout kills LibreOffice's soffice.bin or ocrmypdf's Ghostscript too.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ConversionFailed(f"{Path(command[0]).name} took longer than {TIMEOUT} s") from None
    if process.returncode != 0:
        lines = [line for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
        raise ConversionFailed(f"{Path(command[0]).name} failed: {(lines[-1] if lines else '')[:300]}")


def _version(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.splitlines()[0] if out else ""


def scratch(tmp_root: Path) -> tempfile.TemporaryDirectory:
    """A working folder inside the store's tmp (same filesystem, so the copy moves into place by rename)."""
    return tempfile.TemporaryDirectory(dir=tmp_root, prefix="pdfa-")
