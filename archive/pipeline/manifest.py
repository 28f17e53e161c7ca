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
from indexer.normalize import fold

FILE_COLUMNS = ("file", "path", "filename")
# Column names as a Vietnamese spreadsheet writes them (compared without accents, case or punctuation).
VIETNAMESE_COLUMNS = {
    "tep": "file",
    "ten tep": "file",
    "tep tin": "file",
    "so ky hieu": "doc_number",
    "so va ky hieu": "doc_number",
    "ky hieu": "doc_number",
    "loai": "doc_type",
    "loai van ban": "doc_type",
    "co quan ban hanh": "issuer",
    "noi ban hanh": "issuer",
    "dia danh": "place",
    "ngay ban hanh": "issued",
    "ngay": "issued",
    "trich yeu": "title",
    "tieu de": "title",
    "do mat": "classification",
    "do khan": "urgency",
    "ngon ngu": "language",
    "nguoi ky": "signer",
    "thoi han bao quan": "retention",
    "ghi chu": "notes",
    "pham vi": "compartments",
    "ngan": "compartments",
}
# The template offered for download: these headers, in this order.
TEMPLATE_COLUMNS = (
    ("file", "Tệp"),
    ("doc_number", "Số, ký hiệu"),
    ("doc_type", "Loại văn bản"),
    ("issuer", "Cơ quan ban hành"),
    ("issued", "Ngày ban hành"),
    ("title", "Trích yếu"),
    ("classification", "Độ mật"),
    ("urgency", "Độ khẩn"),
    ("signer", "Người ký"),
    ("retention", "Thời hạn bảo quản"),
    ("notes", "Ghi chú"),
)
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


def looks_like_manifest(path: Path) -> bool:
    """Whether a file is a CSV whose first row names a file column and a metadata column, as a manifest's
    does. Such a file is never archived as a record: every reader could read the classifications of the
    files it lists (`archive ingest` refuses it, saying to pass it as the manifest)."""
    if path.suffix.lower() not in (".csv", ".tsv"):
        return False
    try:
        with path.open("rb") as handle:
            first = handle.read(8192).decode("utf-8-sig", errors="replace").split("\n", 1)[0]
    except OSError:
        return False
    header = {h.strip().lower() for h in next(_reader(first), [])}
    return bool(header & set(FILE_COLUMNS)) and bool(header & set(METADATA_FIELDS))


def _key(relative: str) -> str:
    return unicodedata.normalize("NFC", relative.strip().removeprefix("./")).replace("\\", "/")


def column_name(header: str) -> str:
    """A header cell as the field it names: `file`, `doc_number` …, in English or Vietnamese ("Số, ký hiệu")."""
    plain = header.strip().lower()
    if plain in FILE_COLUMNS or plain in METADATA_FIELDS:
        return plain
    words = " ".join("".join(c if c.isalnum() else " " for c in fold(plain)).split())
    return VIETNAMESE_COLUMNS.get(words, plain)


VIETNAMESE_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def decode(data: bytes) -> str:
    """A manifest's text: UTF-8 (with or without Excel's BOM), else Windows-1258, what Excel's plain "CSV"
    writes on a Vietnamese Windows, when that reads as Vietnamese; composed to one form (Windows-1258 writes
    tone marks apart). Raises UnicodeDecodeError (of the UTF-8 attempt) for anything else."""
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8-sig"))
    except UnicodeDecodeError as not_utf8:
        try:
            text = unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            raise not_utf8 from None
        if not all(c.isascii() or _vietnamese_letter(c) for c in text):
            raise not_utf8 from None
        return text


def _vietnamese_letter(char: str) -> bool:
    base, *marks = unicodedata.normalize("NFD", char)
    return (base.isascii() and base.isalpha() and set(marks) <= VIETNAMESE_MARKS) or char in "đĐ"


def template_csv() -> str:
    """A manifest to fill in, with Vietnamese headers and one example row (UTF-8 with a BOM, for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([shown for _, shown in TEMPLATE_COLUMNS])
    writer.writerow(
        [
            "cong-van-15.pdf",
            "15-CV/VPTU",
            "Công văn",
            "Văn phòng Tỉnh ủy",
            "20/02/2025",
            "V/v báo cáo công tác lưu trữ năm 2024",
            "Không mật",
            "",
            "Nguyễn Văn A",
            "10 năm",
            "",
        ]
    )
    return "\ufeff" + out.getvalue()


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
        text = decode(path.read_bytes())
    except UnicodeDecodeError as exc:
        raise UsageError(
            Message("%(path)s: not UTF-8 text (in Excel: Save As → CSV UTF-8): %(error)s", path=shown, error=str(exc))
        ) from exc
    except OSError as exc:
        raise UsageError(
            Message("cannot read the manifest %(path)s: %(error)s", path=shown, error=exc.strerror)
        ) from exc
    reader = _reader(text)
    header = [column_name(h) for h in next(reader, [])]
    file_column = next((i for i, h in enumerate(header) if h in FILE_COLUMNS), None)
    if file_column is None:
        raise UsageError(Message("%(path)s: the first row must name the columns, one of them 'file'", path=shown))
    columns = (*METADATA_FIELDS, REGISTER_COLUMN)
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


UPLOAD_DEFAULTS = ("classification", "doc_type", "notes")  # what an upload form may set for all its files


def with_defaults(
    manifest: Manifest | None,
    path: Path,
    folder: Path,
    names: list[str],
    raw: Mapping[str, str],
    clearance: Clearance | None = None,
) -> Manifest | None:
    """The manifest with `raw` values (classification, type, notes set once for a whole upload) added to
    every file's row where the row leaves them empty; a manifest of those values alone when there is none.
    Raises UsageError for a value the catalog would refuse or a classification beyond `clearance`."""
    defaults: dict[str, str | None] = {}
    for name in UPLOAD_DEFAULTS:
        if (raw.get(name) or "").strip():
            try:
                defaults[name] = validate(name, raw[name])
            except ValueError as exc:
                problem = Message("%(field)s: %(problem)s", field=Term("field", name), problem=message_of(exc))
                raise UsageError(problem) from None
    if not defaults:
        return manifest
    if not may_classify(clearance, defaults):
        raise UsageError(Message("you may not classify a record beyond your own clearance"))
    manifest = manifest or Manifest(path, folder)
    for name in names:
        row = manifest.rows.setdefault(_key(name), {})
        for field_name, value in defaults.items():
            row.setdefault(field_name, value)
    return manifest
