"""An audit entry's detail as a sentence a person reads ("Tìm “chuyển đổi số”: 12 kết quả"), not JSON. The
trail itself keeps the JSON (the CSV and the API give it whole); this is only how the page says it."""

from __future__ import annotations

from flask_babel import gettext as _

from web.formats import vndate
from web.labels import label


def _value(field: str, value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if field in ("classification", "language", "urgency"):
        return label(field, value)
    if field == "doc_type":
        return label("type", value)
    if field == "issued":
        return vndate(value)
    return str(value)


def _changes(detail: dict) -> str:
    """ "Tiêu đề: A → B; Ngày ban hành: … → …" for {field: {"old", "new"}} (or (old, new)) pairs."""
    parts = []
    for field, change in detail.items():
        if isinstance(change, dict) and "new" in change:
            old, new = change.get("old"), change.get("new")
        elif isinstance(change, list | tuple) and len(change) == 2:
            old, new = change
        else:
            continue
        parts.append(f"{label('field', field)}: {_value(field, old)} → {_value(field, new)}")
    return "; ".join(parts)


def describe(action: str, detail: dict | None) -> str:
    """One sentence, in the reader's language, for an entry's detail; "" when there is none."""
    if not detail:
        return ""
    d = detail
    if action == "search":
        said = _("Searched for “%(q)s”: %(n)s results", q=d.get("query") or "", n=d.get("results", 0))
        filters = d.get("filters") or {}
        if filters:
            said += (
                " ("
                + ", ".join(
                    f"{label('facet', k) if k in ('type', 'year', 'issuer') else k}: {v}" for k, v in filters.items()
                )
                + ")"
            )
        return said
    if action in ("download", "view") and "sha256" in d:
        kind = _("shown in the page") if d.get("inline") else _("saved as a file")
        return _("The original, %(kind)s", kind=kind) + (
            _(" (a PDF made from it)") if d.get("rendition") or d.get("preview") else ""
        )
    if action in ("metadata.edited", "metadata.manifest", "metadata.extracted", "classification.changed"):
        text = _changes({k: v for k, v in d.items() if k not in ("actor", "declassified", "decision", "reason")})
        if d.get("declassified"):
            text = _("Declassified") + (f" — {text}" if text else "")
        if d.get("decision"):
            text += "; " + _("decision %(d)s, reason: %(r)s", d=d["decision"], r=d.get("reason", ""))
        return text
    if action in ("hold.add", "hold.remove"):
        return _("Reason: %(r)s", r=d.get("reason", ""))
    if action == "disposal":
        return _("Authority: %(a)s", a=d.get("authority", "")) + (f"; {d['filename']}" if d.get("filename") else "")
    if action == "ingest":
        parts = [d.get("filename") or d.get("path") or ""]
        if d.get("batch"):
            parts.append(_("batch %(b)s", b=d["batch"]))
        return ", ".join(p for p in parts if p)
    if action.startswith("user.") or action.startswith("token."):
        name = d.get("name", "")
        return _("User %(name)s", name=name) + (
            f" — {_changes(d['changes'])}" if isinstance(d.get("changes"), dict) else ""
        )
    if action.startswith("login"):
        return _("as %(name)s", name=d.get("name") or d.get("user") or "") if (d.get("name") or d.get("user")) else ""
    # Anything else: its fields as "name: value", in words where the archive has them.
    return "; ".join(f"{label('field', k)}: {_value(k, v)}" for k, v in d.items() if not isinstance(v, dict))
