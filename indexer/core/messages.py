"""Messages for people that can be said in another language.

The archive speaks English: the command line prints it and the JSON API sends it, and both are public
interfaces. A `Message` is that English text (it *is* the `str`), made from a template and its parameters,
which it keeps: the web looks the template up in its catalog (`web.messages.localize`) and says the same
thing in the reader's language. `Term` is a code shown as a word of a vocabulary (a field name, a
provenance): in English the code itself, on a page the reader's word for it.

Templates are %-style (`"record %(id)s not found"`), as gettext catalogs and Flask-Babel take them; each is
a message id in web/translations (tests/web/test_i18n.py finds them by the name `Message`)."""

from __future__ import annotations


class Message(str):
    """`Message("record %(id)s not found", id=7)` is the string "record 7 not found", with `template` and
    `params` kept. Parameters may be Messages or Terms themselves: they are translated too."""

    template: str
    params: dict

    def __new__(cls, template: str, /, **params) -> Message:
        self = super().__new__(cls, template % params if params else template)
        self.template, self.params = template, params
        return self

    def __reduce__(self):  # across processes (ingest workers send their reasons back pickled)
        return _message, (self.template, self.params)


def _message(template: str, params: dict) -> Message:
    return Message(template, **params)


class Term(str):
    """A code of the vocabulary `kind` ("field", "provenance", "report", …): `Term("field", "issued")` is
    "issued" in English; the web shows its label."""

    kind: str

    def __new__(cls, kind: str, code: str) -> Term:
        self = super().__new__(cls, code)
        self.kind = kind
        return self

    def __reduce__(self):
        return Term, (self.kind, str(self))


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with, still a Message when it was one (`str(exc)` makes a plain
    copy of it)."""
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        return message
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Message) else str(exc)


def reread(template: str, text: str) -> Message | None:
    """The Message of `template` that says `text`, its parameters read back from it (as text): what a record
    kept as text (an audit entry's) said, so a page can say it again in the reader's language. None when
    `text` does not read as `template` (other wording); only `%(name)s` parameters are read back."""
    import re

    pattern, names, at = [], [], 0
    for spec in re.finditer(r"%\((\w+)\)s|%%", template):
        pattern.append(re.escape(template[at : spec.start()]))
        name = spec.group(1)
        if name is None:
            pattern.append("%")
        elif name in names:
            pattern.append(f"(?P={name})")
        else:
            pattern.append(f"(?P<{name}>.*?)")
            names.append(name)
        at = spec.end()
    pattern.append(re.escape(template[at:]))
    found = re.fullmatch("".join(pattern), text, re.DOTALL)
    if found is None:
        return None
    message = Message(template, **found.groupdict())
    return message if message == text else None
