"""The archive's messages in the reader's language.

Errors, refusals, ingest reasons and manifest problems are English `archive.messages.Message`s (the CLI and
the JSON API's `message` say them so); a page says them with `localize`, which looks the template up in the
catalog and fills in the parameters, themselves translated. Text that is not a Message (a name, a person's
note, a library's own error) is shown as it is."""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from archive.messages import Message, Term
from archive.retention.retention import stored_retention
from archive.upkeep.verify import detail_message

# The error page's heading, by HTTP status.
STATUS_TITLES = {
    400: _l("The request cannot be done as asked"),
    401: _l("Not logged in"),
    403: _l("Not allowed"),
    404: _l("Not found"),
    405: _l("Not available this way"),
    409: _l("Refused"),
    410: _l("Disposed of"),
    413: _l("Upload too large"),
    415: _l("Format not supported"),
    422: _l("Cannot be read"),
    429: _l("Too many attempts"),
    500: _l("Server error"),
    503: _l("The archive is busy or unavailable"),
}

# What a page says for Werkzeug's own HTTP errors (their descriptions are English only).
HTTP_TEXTS = {
    400: Message("The request was not understood."),
    404: Message("There is no such page in the archive."),
    405: Message("This address cannot be used this way; go back and use the page's links and forms."),
    413: None,  # the app's own message (the configured limit)
    414: Message("The address is too long."),  # refused by the server before the application (web.worker)
    431: Message("The request's headers are too large."),
}


def localize(value) -> str:
    """`value` in the reader's language: a Message through the catalog, a Term as its label; other text
    as it is ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, Message):
        params = {name: localize(v) if isinstance(v, str) else v for name, v in value.params.items()}
        return gettext(value.template, **params) if params else gettext(value.template)
    if isinstance(value, Term):
        from web.labels import label

        return label(value.kind, str(value))
    return value


def status_title(status: int) -> str:
    title = STATUS_TITLES.get(status)
    return str(title) if title is not None else gettext("Error")


def install(app) -> None:
    app.jinja_env.filters["local"] = localize
    app.jinja_env.globals.update(
        status_title=status_title, stored_retention=stored_retention, verify_detail=detail_message
    )
