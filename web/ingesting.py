"""Uploads for archivists: many files at once (and a manifest CSV), streamed to disk inside the home folder,
then ingested through the same pipeline as `archive ingest`, under the writer lock."""

from __future__ import annotations

import shutil
import tempfile
import unicodedata
import uuid
from pathlib import Path

from flask import Blueprint, Request, current_app, jsonify, render_template, request
from flask_babel import gettext as _

from archive.errors import ArchiveError, LockedError, UsageError
from archive.ingest import ingest
from archive.manifest import load_manifest
from archive.models import IngestOutcome
from web import settings
from web.auth import require

ingesting = Blueprint("ingesting", __name__)
LOCK_WAIT = 5.0  # seconds an upload waits for another writer before saying the archive is busy
MAX_NAME_BYTES = 200  # file names are kept as sent, within what a file system takes


class UploadRequest(Request):
    """Uploaded files go straight to disk in the home folder's `uploads/`, never held in memory."""

    max_form_memory_size = 1024 * 1024  # the form's text fields; files are streamed regardless

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        folder = current_app.config["ARCHIVE_SETTINGS"].uploads_dir / "incoming"
        folder.mkdir(parents=True, exist_ok=True)
        stream = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 -- unnamed, closed with the request
        self.__dict__.setdefault("_upload_streams", []).append(stream)
        return stream

    def close(self) -> None:
        """Also close streams of a form whose parsing failed half-way (over the size limit)."""
        super().close()
        for stream in self.__dict__.pop("_upload_streams", []):
            stream.close()


def safe_name(sent: str | None, taken: set[str]) -> str:
    """The name as the browser sent it, minus folders and control characters, never hidden (ingest skips
    dot files) and unique within the batch."""
    name = unicodedata.normalize("NFC", (sent or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if c.isprintable()).strip() or "unnamed"
    if name.startswith("."):
        name = "_" + name
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem} ({n}).{ext}" if dot and stem else f"{name} ({n})"
    taken.add(candidate)
    return candidate


def run_upload() -> dict:
    """Save the request's files into a batch folder and ingest it: `{"batch", "outcomes", "summary", "manifest"}`."""
    files = [f for f in request.files.getlist("files") if f and f.filename]
    if not files:
        raise UsageError(_("Choose one or more files to upload."))
    batch = settings().uploads_dir / uuid.uuid4().hex
    folder = batch / "files"
    folder.mkdir(parents=True)
    try:
        names: dict[str, str] = {}
        taken: set[str] = set()
        for upload in files:
            name = safe_name(upload.filename, taken)
            upload.save(folder / name)
            names[name] = upload.filename
        manifest, problems = _manifest(batch, folder)
        if manifest is not None and not manifest.ok:
            return {"batch": None, "outcomes": [], "summary": None, "manifest": problems}
        outcomes: list[IngestOutcome] = []
        summary = ingest(settings().with_(lock_wait=LOCK_WAIT), [folder], on_outcome=outcomes.append, manifest=manifest)
        rows = [_row(o, names) for o in outcomes]
        return {"batch": summary.batch_id, "outcomes": rows, "summary": summary.to_dict(), "manifest": problems}
    finally:
        shutil.rmtree(batch, ignore_errors=True)


def _manifest(batch: Path, folder: Path):
    sent = request.files.get("manifest")
    if sent is None or not sent.filename:
        return None, []
    path = batch / "manifest.csv"  # beside the files, not among them: it is not a record
    sent.save(path)
    checked = load_manifest(path, folder)
    return checked, [p.to_dict() for p in checked.problems]


def _row(outcome: IngestOutcome, names: dict[str, str]) -> dict:
    stored = Path(outcome.path).name
    return {
        "name": names.get(stored, stored),
        "status": str(outcome.status),
        "id": outcome.record_id,
        "reason": outcome.reason,
    }


@ingesting.get("/ingest")
def ingest_page():
    require("archivist")
    return render_template("ingest.html", result=None, error=None, limit_mb=settings().max_upload_mb)


@ingesting.post("/ingest")
def ingest_form():
    require("archivist")
    result, error, status = None, None, 200
    try:
        result = run_upload()
    except LockedError as exc:
        error, status = (
            _("The archive is busy with another job; try again in a minute. (%(detail)s)", detail=exc.message),
            503,
        )
    except ArchiveError as exc:
        error, status = exc.message, exc.status
    page = render_template("ingest.html", result=result, error=error, limit_mb=settings().max_upload_mb)
    return page, status


@ingesting.post("/api/ingest")
def ingest_api():
    """Multipart `files` (many) and an optional `manifest` → the outcome of each file and the summary."""
    require("archivist")
    result = run_upload()
    return jsonify(result), (422 if result["batch"] is None else 200)
