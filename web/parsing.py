"""Reading a request's input, the same way for every feature: whole numbers in bounds, dates, a JSON object
body and its text fields. Each refusal is a clear 400 (`QueryError`, `UsageError`)."""

from __future__ import annotations

from datetime import date

from flask import request

from archive.errors import QueryError, UsageError
from archive.messages import Message


def int_arg(name: str, default: int, low: int, high: int) -> int:
    """URL parameter `name` as a whole number from `low` to `high`; `default` when absent or empty."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(
            Message("parameter %(name)s must be a whole number, not %(value)r", name=name, value=raw)
        ) from None
    if not low <= value <= high:
        raise QueryError(
            Message("parameter %(name)s must be between %(low)s and %(high)s", name=name, low=low, high=high)
        )
    return value


def as_of_arg(raw: str | None) -> date:
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(Message("as_of must be a date YYYY-MM-DD, not %(value)r", value=raw)) from None


def json_body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise UsageError(Message("send a JSON object (Content-Type: application/json)"))
    return data


def text_field(data: dict, name: str) -> str:
    """`data[name]` when it is text, "" when it is absent or null; anything else (a list, a number) is 400."""
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise UsageError(Message("%(field)s must be text", field=name))
    return value or ""
