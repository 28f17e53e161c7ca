"""CSV manifests: archivists' spreadsheets that set metadata per file, checked before anything is ingested."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from archive.errors import UsageError
from archive.fields import hour_missing, validate
from archive.messages import Message, Term, message_of
from archive.people.access import may_classify
from archive.pipeline.files import iter_files
from archive.vocabulary import METADATA_FIELDS
from indexer import Clearance

FILE_COLUMNS = ("file", "path", "filename")
FILE_CODE = "file_code"  # the file (hồ sơ) to file the document in: CODE, YEAR/CODE or FONDS/YEAR/CODE
REGISTER_COLUMN = "register"  # in | out: the register a file is numbered in once archived (archive.registers)


@dataclass(frozen=True)
class ManifestProblem:
    line: int  # 1 is the header row; 0 when the problem is about a file, not a row
    message: str
    error: bool = True  # warnings (a file without a row) do not stop an ingest

    def to_dict(self) -> dict:
        return {"line": self.line, "message": self.message, "severity": "error" if self.error else "warning"}


@dataclass
class Manifest:
    path: Path
    folder: Path
    rows: dict[str, dict[str, str | None]] = field(default_factory=dict)  # relative path → field → value
    books: dict[str, str] = field(default_factory=dict)  # relative path → register book (in | out)
    problems: list[ManifestProblem] = field(default_factory=list)
    file_codes: dict[str, str] = field(default_factory=dict)  # relative path → the file (hồ sơ) to file it in

    def key_of(self, source: Path) -> str | None:
        try:
            return _key(source.resolve().relative_to(self.folder.resolve()).as_posix())
        except ValueError:
            return None

    @property
    def ok(self) -> bool:
        return not any(p.error for p in self.problems)

    def row_for(self, source: Path) -> dict[str, str | None] | None:
        try:
            relative = source.resolve().relative_to(self.folder.resolve())
        except ValueError:
            return None
        return self.rows.get(_key(relative.as_posix()))

    def book_for(self, source: Path) -> str | None:
        """The register book (in, out) the manifest's row names for this file, if any."""
        try:
            relative = source.resolve().relative_to(self.folder.resolve())
        except ValueError:
            return None
        return self.books.get(_key(relative.as_posix()))


def _key(relative: str) -> str:
    return unicodedata.normalize("NFC", relative.strip().removeprefix("./")).replace("\\", "/")


HOUR = Message("a very urgent or flash document's received needs the hour (DD/MM/YYYY HH:MM)")


def _book(header: list[str], cells: list[str]) -> str | None:
    for column, cell in zip(header, cells, strict=False):
        if column == REGISTER_COLUMN and cell.strip():
            return cell.strip().lower()
    return None


def _reader(text: str):
    """Rows of the CSV, quoted cells as the standard (and Excel) writes them: a `"` doubled inside quotes,
    line breaks kept inside quoted cells. Only the delimiter is guessed (`,`, `;` or tab, from the header):
    a sniffed dialect would also guess the quoting, wrongly when the header has no quotes."""
    try:
        delimiter = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def load_manifest(
    path: Path,
    folder: Path,
    *,
    aliases: Mapping[str, str] | None = None,
    where: str | None = None,
    shown_as: str | None = None,
    clearance: Clearance | None = None,
) -> Manifest:
    """Read and check a manifest against `folder`; every problem carries its line number.

    `aliases` maps a name as the manifest may write it to the file's path in `folder` (the web keeps uploads
    under names a file system takes); `where` names the folder in messages, `shown_as` the manifest (an upload's
    messages must not show where the server keeps it). With a `clearance` (a person's upload), a row may not
    classify its file beyond it: one may only mark what one is cleared to read.
    """
    manifest = Manifest(path, folder)
    shown = shown_as or str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            Message("%(path)s: not UTF-8 text (in Excel: Save As → CSV UTF-8): %(error)s", path=shown, error=str(exc))
        ) from exc
    except OSError as exc:
        raise UsageError(
            Message("cannot read the manifest %(path)s: %(error)s", path=shown, error=exc.strerror)
        ) from exc
    reader = _reader(text)
    header = [h.strip().lower() for h in next(reader, [])]
    file_column = next((i for i, h in enumerate(header) if h in FILE_COLUMNS), None)
    if file_column is None:
        raise UsageError(Message("%(path)s: the first row must name the columns, one of them 'file'", path=shown))
    columns = (*METADATA_FIELDS, REGISTER_COLUMN, FILE_CODE)
    unknown = [h for i, h in enumerate(header) if i != file_column and h not in columns]
    for name in unknown:
        manifest.problems.append(
            ManifestProblem(
                1,
                Message("unknown column %(name)r; columns: file, %(known)s", name=name, known=", ".join(columns)),
            )
        )
    present = {_key(p.relative_to(folder).as_posix()) for p in iter_files([folder])}
    renamed = {_key(sent): _key(kept) for sent, kept in (aliases or {}).items()}
    first_line: dict[str, int] = {}
    ended = reader.line_num
    for cells in reader:
        line, ended = ended + 1, reader.line_num  # where the row starts: a quoted cell may hold line breaks
        if not any(c.strip() for c in cells):
            continue
        name = _key(cells[file_column]) if file_column < len(cells) else ""
        if not name:
            manifest.problems.append(ManifestProblem(line, Message("no file name in this row")))
            continue
        key = name if name in present else renamed.get(name, name)
        if key in first_line:
            manifest.problems.append(
                ManifestProblem(
                    line,
                    Message(
                        "%(file)s: second row for this file (first on line %(first)s)", file=name, first=first_line[key]
                    ),
                )
            )
            continue
        first_line[key] = line
        if key not in present:
            manifest.problems.append(
                ManifestProblem(
                    line, Message("%(file)s: no such file in %(where)s", file=name, where=where or str(folder))
                )
            )
        values: dict[str, str | None] = {}
        for column, cell in zip(header, cells, strict=False):
            if column in METADATA_FIELDS and cell.strip():
                try:
                    values[column] = validate(column, cell)
                except ValueError as exc:
                    problem = Message(
                        "%(file)s: %(field)s: %(problem)s",
                        file=name,
                        field=Term("field", column),
                        problem=message_of(exc),
                    )
                    manifest.problems.append(ManifestProblem(line, problem))
        code = next((c.strip() for h, c in zip(header, cells, strict=False) if h == FILE_CODE and c.strip()), None)
        if code:
            manifest.file_codes[key] = code
        book = _book(header, cells)
        if book not in (None, "in", "out"):
            manifest.problems.append(
                ManifestProblem(line, Message("%(file)s: register is in or out, not %(value)r", file=name, value=book))
            )
        elif book:
            manifest.books[key] = book
        if hour_missing(values.get("urgency"), values.get("received")):
            manifest.problems.append(ManifestProblem(line, Message("%(file)s: %(problem)s", file=name, problem=HOUR)))
        if not may_classify(clearance, values):
            beyond = Message("%(file)s: you may not classify a record beyond your own clearance", file=name)
            manifest.problems.append(ManifestProblem(line, beyond))
        manifest.rows[key] = values
    for name in sorted(present - set(first_line)):
        manifest.problems.append(
            ManifestProblem(
                0, Message("%(file)s: no row in the manifest (metadata will be extracted)", file=name), error=False
            )
        )
    return manifest
