"""A year's file plan (danh mục hồ sơ) from a CSV, checked row by row like a manifest: every problem is
reported with its line number, and the plan is loaded only when it has none (`dry_run` only checks).

Columns (header row, any order; `,` `;` or tab): code, title, year (required), and heading (or series), unit,
keeper, retention, classification, compartments, description, kind (matter | meeting), meeting_date, fonds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from archive.config import Settings
from archive.errors import UsageError
from archive.fields import validate
from archive.filing import store
from archive.filing.fonds import fonds_for
from archive.filing.models import KINDS
from archive.messages import Message, message_of
from archive.people.access import may_classify
from archive.pipeline.manifest import ManifestProblem, _reader
from archive.upkeep.failpoint import reach
from archive.upkeep.session import writing
from indexer import Clearance

COLUMNS = (
    "code",
    "title",
    "year",
    "heading",
    "series",
    "unit",
    "keeper",
    "retention",
    "classification",
    "compartments",
    "description",
    "kind",
    "meeting_date",
    "fonds",
)
REQUIRED = ("code", "title", "year")
MEETING_WORDS = {"hội nghị": "meeting", "phiên họp": "meeting", "hoi nghi": "meeting", "phien hop": "meeting"}
FILE_CODE = re.compile(r"[\w.\-]{1,40}")


@dataclass
class PlanResult:
    rows: list[dict] = field(default_factory=list)  # checked values, one per file
    problems: list[ManifestProblem] = field(default_factory=list)
    imported: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"rows": len(self.rows), "imported": self.imported, "problems": [p.to_dict() for p in self.problems]}


def check_code(code: str) -> str:
    code = code.strip()
    if not FILE_CODE.fullmatch(code) or (code.isdigit() and len(code) == 4):
        raise ValueError(Message("a file code is one word of letters, digits, . - _ (no /), not %(code)r", code=code))
    return code


def file_values(raw: dict[str, str], clearance: Clearance | None = None) -> dict:
    """The stored values of one file described by `raw` (a plan row, a form, a JSON body); ValueError names
    the first bad one."""
    values: dict = {"code": check_code(raw.get("code") or "")}
    values["title"] = " ".join((raw.get("title") or "").split())
    if not values["title"]:
        raise ValueError(Message("a file needs a title"))
    year = (raw.get("year") or "").strip()
    if not re.fullmatch(r"\d{4}", year) or not 1900 <= int(year) <= 2200:
        raise ValueError(Message("year must be four digits, not %(value)r", value=year))
    values["year"] = int(year)
    for name in ("heading", "unit", "keeper", "description"):
        text = " ".join((raw.get(name) or raw.get("series" if name == "heading" else name) or "").split())
        values[name] = text or None
    if (raw.get("retention") or "").strip():
        values["retention"] = validate("retention", raw["retention"])
    values["classification"] = validate("classification", raw.get("classification") or "unclassified")
    values["compartments"] = validate("compartments", raw.get("compartments") or "")
    kind = (raw.get("kind") or "matter").strip().lower()
    kind = {"hoi nghi": "meeting", "hội nghị": "meeting", "phien hop": "meeting", "phiên họp": "meeting"}.get(
        kind, kind
    )
    if kind not in KINDS:
        raise ValueError(Message("kind must be matter or meeting, not %(value)r", value=kind))
    values["kind"] = kind
    if (raw.get("meeting_date") or "").strip():
        values["meeting_date"] = validate("issued", raw["meeting_date"])
    if not may_classify(clearance, values):
        raise ValueError(Message("you may not classify a file beyond your own clearance"))
    return values


def import_plan(
    settings: Settings,
    path: Path,
    *,
    fonds: str | None = None,
    dry_run: bool = False,
    shown_as: str | None = None,
    clearance: Clearance | None = None,
) -> PlanResult:
    """Check the plan in `path` and, unless `dry_run` or it has problems, create its files (one audit entry).
    With a `clearance` (a person's upload), a row may not classify a file beyond it."""
    shown = shown_as or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            Message("cannot read the file plan %(path)s: %(error)s", path=shown, error=exc.strerror)
        ) from exc
    return import_plan_bytes(settings, data, shown, fonds=fonds, dry_run=dry_run, clearance=clearance)


# A year's plan is some hundreds of rows (a few dozen KiB): a web upload beyond this is refused before it is read
# whole, since the body is held in memory (never staged in the store's tmp, which recovery empties).
PLAN_UPLOAD_MAX = 4 << 20


class PlanTooLarge(UsageError):
    """A plan sent over the web beyond `PLAN_UPLOAD_MAX` bytes."""

    status = 413

    def __init__(self) -> None:
        super().__init__(
            Message("the file plan is larger than %(mb)s MiB: send one year's plan at a time", mb=PLAN_UPLOAD_MAX >> 20)
        )


def import_plan_bytes(
    settings: Settings,
    data: bytes,
    shown_as: str,
    *,
    fonds: str | None = None,
    dry_run: bool = False,
    clearance: Clearance | None = None,
) -> PlanResult:
    """`import_plan` for a plan already read (a web upload, held in memory); `shown_as` names it in problems
    and in the audit entry."""
    shown = shown_as
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            Message("%(path)s: not UTF-8 text (in Excel: Save As → CSV UTF-8): %(error)s", path=shown, error=str(exc))
        ) from exc
    reach("file-plan:read")  # a test runs a whole recovery here, as an ingest starting beside the upload would
    result = PlanResult()
    reader = _reader(text)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise UsageError(Message("%(path)s: the first row must name the columns code, title and year", path=shown))
    for name in header:
        if name not in COLUMNS:
            result.problems.append(
                ManifestProblem(
                    1, Message("unknown column %(name)r; columns: %(known)s", name=name, known=", ".join(COLUMNS))
                )
            )
    with writing(settings, "file plan", repair="catalog") as session:
        catalog = session.catalog
        seen: dict[tuple, int] = {}
        ended = reader.line_num
        for cells in reader:
            line, ended = ended + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            raw = {h: c for h, c in zip(header, cells, strict=False)}
            try:
                values = file_values(raw, clearance)
                values["fonds_id"] = fonds_for(catalog, (raw.get("fonds") or "").strip() or fonds).id
            except (ValueError, UsageError) as exc:
                result.problems.append(ManifestProblem(line, message_of(exc)))
                continue
            key = (values["fonds_id"], values["year"], store.code_key(values["code"]))
            if key in seen:
                result.problems.append(
                    ManifestProblem(
                        line,
                        Message(
                            "%(code)s: second row for this code in %(year)s (first on line %(first)s)",
                            code=values["code"],
                            year=values["year"],
                            first=seen[key],
                        ),
                    )
                )
                continue
            seen[key] = line
            if store.file_exists(catalog, values["fonds_id"], values["year"], values["code"]):
                result.problems.append(
                    ManifestProblem(
                        line,
                        Message(
                            "%(code)s: the %(year)s plan has this code already",
                            code=values["code"],
                            year=values["year"],
                        ),
                    )
                )
                continue
            result.rows.append(values)
        if dry_run or not result.ok or not result.rows:
            return result
        with catalog.transaction():
            for values in result.rows:
                fonds_id = values.pop("fonds_id")
                store.insert_file(catalog, fonds_id, {**values, "source": "plan"})
            years = sorted({v["year"] for v in result.rows})
            catalog.log_event("files.plan", None, files=len(result.rows), years=years, plan=shown)
        result.imported = len(result.rows)
    return result
