"""Uploads for archivists: many files at once (and a manifest CSV), streamed to disk inside the home folder,
then ingested through the same pipeline as `archive ingest`, under the writer lock."""

from __future__ import annotations

import shutil
import tempfile
import unicodedata
import uuid
from pathlib import Path

from flask import Blueprint, Request, Response, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest

from archive.errors import ArchiveError, LockedError, UsageError
from archive.messages import Message
from archive.models import IngestOutcome, OutcomeStatus
from archive.people.access import may_know
from archive.pipeline.files import printable
from archive.pipeline.ingest import disposed_record, ingest
from archive.pipeline.manifest import UPLOAD_DEFAULTS, ManifestProblem, load_manifest, template_csv, with_defaults
from web.auth import role_for
from web.context import catalog, clearance, settings
from web.formats import vndate
from web.labels import edit_choices, label, levels_up_to
from web.messages import localize
from web.multipart import FormParser
from web.status import busy_message

ingesting = Blueprint("ingesting", __name__)
role_for(ingesting, "archivist")
LOCK_WAIT = 5.0  # seconds an upload waits for another writer before saying the archive is busy
MAX_NAME_BYTES = 200  # file names are kept as sent, within what a file system takes


class UploadRequest(Request):
    """Uploaded files go straight to disk in the home folder's `uploads/`, never held in memory."""

    max_form_memory_size = 1024 * 1024  # the form's text fields; files are streamed regardless
    form_data_parser_class = FormParser  # a file name in a legacy code page does not fail the whole upload

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        folder = current_app.config["ARCHIVE_SETTINGS"].uploads_dir / "incoming"
        folder.mkdir(parents=True, exist_ok=True)
        stream = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 -- unnamed, closed with the request
        self.__dict__.setdefault("_upload_streams", []).append(stream)
        return stream

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True):
        """As Werkzeug's, but a body nested deeper than the JSON decoder can follow (a RecursionError, which
        its `silent` does not cover) is a body that cannot be read, not a server error."""
        try:
            return super().get_json(force=force, silent=silent, cache=cache)
        except RecursionError:
            if silent:
                return None
            raise BadRequest("the JSON body is nested too deeply") from None

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


def origin(sent: str) -> str:
    """Where a web upload came from, as its record keeps it: `upload:` and the name the browser sent
    (control characters written as `\\xNN`), not the temporary folder it was ingested from."""
    return "upload:" + printable(unicodedata.normalize("NFC", sent))


def run_upload() -> dict:
    """Save the request's files into a batch folder and ingest it: `{"batch", "outcomes", "summary", "manifest"}`.
    Each outcome names its file as sent and its place among the request's files (`index`, from 0). Reasons
    and manifest problems are in English (`reason`, `message`) and in the reader's language (`reason_text`,
    `text`, `severity_text`), for the page's script to show. A duplicate of a record the uploader may not
    see, or bytes of a disposed record they could not have seen, is told without the record."""
    files = [f for f in request.files.getlist("files") if f and f.filename]
    if not files:
        raise UsageError(Message("Choose one or more files to upload."))  # said in English by the API
    batch = settings().uploads_dir / uuid.uuid4().hex
    folder = batch / "files"
    folder.mkdir(parents=True)
    try:
        sent: dict[str, tuple[int, str]] = {}  # name kept in the folder → (index, name as sent)
        taken: set[str] = set()
        for index, upload in enumerate(files):
            name = safe_name(upload.filename, taken)
            upload.save(folder / name)
            sent[name] = (index, upload.filename)
        manifest, problems = _manifest(batch, folder, sent)
        if manifest is not None and not manifest.ok:
            return {"batch": None, "outcomes": [], "summary": None, "manifest": problems, "registers": None}
        # Classification, type and notes chosen on the form hold for every file its row leaves them to.
        chosen = {name: request.form.get(f"set-{name}", "") for name in UPLOAD_DEFAULTS}
        manifest = with_defaults(manifest, batch / "form", folder, list(sent), chosen, clearance())
        outcomes: list[IngestOutcome] = []
        summary = ingest(
            settings().with_(lock_wait=LOCK_WAIT),
            [folder],
            on_outcome=outcomes.append,
            manifest=manifest,
            describe=lambda path: origin(sent.get(path.name, (None, path.name))[1]),
            clearance=clearance(),
        )
        rows = [_row(o, sent) for o in outcomes]
        registers = _register(outcomes, manifest)
        return {
            "batch": summary.batch_id,
            "outcomes": rows,
            "summary": summary.to_dict(),
            "manifest": problems,
            "registers": registers,
        }
    finally:
        shutil.rmtree(batch, ignore_errors=True)


def _register(outcomes: list[IngestOutcome], manifest) -> dict | None:
    """Number the files archived in the register their manifest row names (its `register` column), as
    `archive ingest` does; None when the manifest names none."""
    if manifest is None or not manifest.books:
        return None
    from archive.registers.intake import register_ingested

    added = [(o.source, o.record_id) for o in outcomes if o.status in ("added", "pending_ocr")]
    return register_ingested(settings(), added, None, manifest, clearance=clearance()).to_dict()


def _manifest(batch: Path, folder: Path, sent: dict[str, tuple[int, str]]):
    upload = request.files.get("manifest")
    if upload is None or not upload.filename:
        return None, []
    path = batch / "manifest.csv"  # beside the files, not among them: it is not a record
    upload.save(path)
    aliases = {}  # a row may name a file as the archivist sent it, though it is kept under a safe name
    for kept, (_index, name) in sent.items():
        aliases[name] = aliases[name.replace("\\", "/").rsplit("/", 1)[-1]] = kept
    shown = printable(upload.filename.replace("\\", "/").rsplit("/", 1)[-1]) or "manifest.csv"
    checked = load_manifest(
        path, folder, aliases=aliases, where=Message("this upload"), shown_as=shown, clearance=clearance()
    )
    return checked, [_problem(p) for p in checked.problems]


def _problem(problem: ManifestProblem) -> dict:
    shown = problem.to_dict()
    severity = _("error") if problem.error else _("warning")
    return {**shown, "text": localize(problem.message), "severity_text": severity}


def _row(outcome: IngestOutcome, sent: dict[str, tuple[int, str]]) -> dict:
    kept = outcome.source.name if outcome.source is not None else outcome.path
    index, name = sent.get(kept, (None, kept))
    record_id, reason = outcome.record_id, outcome.reason
    if record_id is not None and not may_know(catalog(), record_id, clearance()):
        record_id = None
        if outcome.status == OutcomeStatus.DUPLICATE:
            reason = Message("these bytes are already in the archive")
    disposed = disposed_record(reason)
    if disposed is not None and not may_know(catalog(), disposed, clearance()):
        reason = Message("these bytes were disposed of: a disposed record is not archived again")
    reason = plain_reason(reason)
    return {
        "index": index,
        "name": name,
        "status": str(outcome.status),
        "id": record_id,
        "reason": reason,
        "reason_text": localize(reason) if reason is not None else None,
        "read": _read(record_id),
    }


def plain_reason(reason):
    """A reason a clerk can read: an error text that came from a library (Python's words, in English) is
    replaced by its gist, the text kept in the server log."""
    if reason is None:
        return None
    if not isinstance(reason, Message):
        current_app.logger.info("ingest: %s", reason)
        return Message("the file could not be read: it may be damaged, or not what its name says")
    if "error" in reason.params and not isinstance(reason.params["error"], Message):
        current_app.logger.info("ingest: %s", reason)
        return Message(reason.template, **{**reason.params, "error": Message("details in the server log")})
    return reason


def _read(record_id: int | None) -> dict | None:
    """What was read of a record the uploader may see, for the review table: codes and their words."""
    record = catalog().find(record_id) if record_id is not None else None
    if record is None:
        return None
    return {
        "doc_number": record.doc_number,
        "doc_type": record.doc_type,
        "doc_type_text": label("type", record.doc_type) if record.doc_type else None,
        "title": record.title,
        "issued": record.issued,
        "issued_text": vndate(record.issued) if record.issued else None,
        "classification": record.classification,
        "classification_text": label("classification", record.classification),
        "check": url_for("records.record", record_id=record.id, edit=1),
    }


def _form() -> dict:
    """What the upload form offers: the size limit and the choices set once for all files."""
    return {
        "limit_mb": settings().max_upload_mb,
        "choices": edit_choices(),
        "levels": levels_up_to(clearance().level),
    }


@ingesting.get("/ingest")
def ingest_page():
    return render_template("ingest.html", result=None, error=None, **_form())


@ingesting.post("/ingest")
def ingest_form():
    result, error, status = None, None, 200
    try:
        result = run_upload()
    except LockedError as exc:
        error, status = (
            _(
                "The archive is busy with another job; try again in a minute. (%(detail)s)",
                detail=localize(busy_message(exc.holder)),  # the job, not its command line's arguments
            ),
            503,
        )
    except ArchiveError as exc:
        error, status = localize(exc.message), exc.status
    page = render_template("ingest.html", result=result, error=error, **_form())
    return page, status


@ingesting.get("/ingest/template.csv")
def manifest_template():
    """A manifest to fill in: Vietnamese headers and an example row, UTF-8 with a BOM (Excel opens it)."""
    return Response(
        template_csv(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=bang-ke-mau.csv"},
    )


@ingesting.get("/api/ingest")
def ingest_limits():
    """What an upload may be, as the ingest page says it: the most one request may carry, in MiB."""
    return jsonify({"limit_mb": settings().max_upload_mb})


@ingesting.post("/api/ingest")
def ingest_api():
    """Multipart `files` (many) and an optional `manifest` → the outcome of each file and the summary."""
    result = run_upload()
    return jsonify(result), (422 if result["batch"] is None else 200)
