"""The registers on the web: the printable register page (`/registers/<book>/<year>`) and
`/api/registers/…` (rows, check, counts, registering). The registry desk's books: archivists only, every
row cut to the caller's clearance through the same functions the CLI uses."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, jsonify, redirect, render_template, request, url_for
from werkzeug.routing import BaseConverter

from archive.errors import NotFoundError, QueryError, UsageError
from archive.messages import Message, message_of
from archive.registers.books import BOOKS, registers_of
from archive.registers.catalog import latest_year
from archive.registers.checking import check_register
from archive.registers.counts import register_counts
from archive.registers.listing import read_register
from archive.registers.numbering import desk_values, register_records
from web.auth import role_for
from web.context import catalog, clearance, settings
from web.parsing import json_body, text_field

registers = Blueprint("registers", __name__)
role_for(registers, "archivist")


class BookConverter(BaseConverter):
    """`<book:…>` matches in or out only: /api/registers/counts is not a book (POST there is 405, not 404)."""

    regex = "in|out"


@registers.record_once
def _book_converter(state) -> None:  # before the routes below are added, which use it
    state.app.url_map.converters["book"] = BookConverter


def _book(book: str) -> str:
    if book not in BOOKS:
        raise NotFoundError(Message("no register %(book)s: the books are in and out", book=book))
    return book


def _year(year: int) -> int:
    if not 1900 <= year <= 9999:
        raise NotFoundError(Message("no register for the year %(year)s", year=year))
    return year


def _day(name: str, default: date) -> date:
    raw = request.args.get(name)
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(Message("%(name)s must be a date YYYY-MM-DD, not %(value)r", name=name, value=raw)) from None


def rows_for(book: str, year: int) -> list[dict]:
    return read_register(catalog(), _book(book), _year(year), clearance())


@registers.get("/registers")
def index():
    """The register asked for; by default the incoming one, of the latest year it has entries for."""
    book = request.args.get("book") if request.args.get("book") in BOOKS else "in"
    try:
        year = int(request.args.get("year") or 0)
    except ValueError:
        year = 0
    year = year or latest_year(catalog().db, registers_of(book)) or date.today().year
    return register_page(book, year)


@registers.get("/registers/<book:book>/<int:year>")
def register_page(book: str, year: int):
    """The register as Decree 30's appendix lays it out, to read or print."""
    rows = rows_for(book, year)
    return render_template("register.html", book=book, year=year, rows=rows, books=BOOKS)


@registers.get("/api/registers/<book:book>/<int:year>")
def api_rows(book: str, year: int):
    return jsonify({"book": book, "year": year, "rows": rows_for(book, year)})


@registers.get("/api/registers/<book:book>/<int:year>/check")
def api_check(book: str, year: int):
    """Duplicates and gaps, as `archive register check --json`."""
    report = check_register(catalog(), _book(book), _year(year), clearance())
    return jsonify(report.to_dict())


@registers.get("/api/registers/counts")
def api_counts():
    """Documents received (in) and sent (out) with a day in [from, to), of those the caller may see."""
    today = date.today()
    start, end = _day("from", date(today.year, 1, 1)), _day("to", date(today.year + 1, 1, 1))
    return jsonify(
        {"from": start.isoformat(), "to": end.isoformat(), **register_counts(catalog(), start, end, clearance())}
    )


@registers.post("/records/<int:record_id>/register")
def register_form(record_id: int):
    """The record page's form: number it in the book chosen, now or at the hour received given."""
    book = request.form.get("book", "")
    _book(book)
    received = request.form.get("received", "").strip() if book == "in" else ""
    try:
        values = desk_values({"received": received} if received else {})
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    result = register_records(settings(), book, [record_id], values, clearance=clearance())
    if result.refused:
        raise UsageError(result.refused[0].reason)
    return redirect(url_for("records.record", record_id=record_id, _anchor="registry-h"), 303)


@registers.post("/api/registers/<book:book>")
def api_register(book: str):
    """`{"ids": [...], "received"?, "sender"?, "recipients"?, "routed_to"?, "copies"?}` → `{"registered",
    "refused"}`: each record registered or refused with its reason, as `archive register in|out --json`."""
    _book(book)
    data = json_body()
    ids = data.get("ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise UsageError(Message('send {"ids": [record ids]}'))
    raw = {name: text_field(data, name) for name in ("received", "sender", "recipients", "routed_to", "copies")}
    if book == "out" and raw["received"]:
        raise UsageError(Message("received is for the incoming register"))
    try:
        values = desk_values({name: value for name, value in raw.items() if value})
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    result = register_records(settings(), book, ids, values, clearance=clearance())
    return jsonify(result.to_dict())
