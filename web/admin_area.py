"""The admin area: one index linking every review, OCR low-confidence review, users and tokens, and the
index / verify status (`web.status`). Each list is cut to the caller's clearance; users can be granted no
more than the administrator holds, so the web never hands out access its user lacks."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from archive.access import can_see
from archive.errors import ForbiddenError, UsageError
from archive.messages import Message, message_of
from archive.passwords import generate_password
from archive.tokens import end_sessions_of, list_tokens, new_token, revoke_tokens
from archive.users import User, add_user, get_user, list_users, set_password, update_user
from archive.vocabulary import CLASSIFICATIONS
from web import catalog, settings
from web.auth import clearance, require
from web.labels import levels_up_to
from web.status import index_status

admin_area = Blueprint("admin_area", __name__)


@admin_area.get("/admin")
def index():
    require("archivist")
    return render_template("admin.html", status=index_status())


# --- OCR review ------------------------------------------------------------------------------------------


def ocr_review() -> list[dict]:
    """OCR'd records flagged for review that the caller may see, least confident first."""
    db = catalog()
    rows = []
    for record_id in db.ocr_needing_review():
        record = db.find(record_id)
        if record is None or not can_see(clearance(), record):
            continue
        ocr = db.ocr_of(record_id)
        rows.append(
            {
                "id": record_id,
                "filename": record.filename,
                "title": record.title,
                "doc_number": record.doc_number,
                "confidence": ocr.confidence if ocr else None,
                "pages": record.pages,
                "ocr_pages": len(ocr.pages) if ocr else 0,
                "engine": f"{ocr.engine} {ocr.version}" if ocr and ocr.engine else None,
                "reason": ocr.reason if ocr else None,
                "low_pages": [
                    {"page": p.page, "confidence": p.confidence, "error": p.error}
                    for p in (ocr.pages if ocr else ())
                    if p.error or (p.confidence is not None and p.confidence < settings().ocr_min_confidence)
                ],
            }
        )
    return sorted(rows, key=lambda r: (r["confidence"] is not None, r["confidence"] or 0))


@admin_area.get("/admin/ocr")
def ocr_page():
    require("archivist")
    return render_template("ocr.html", rows=ocr_review(), threshold=settings().ocr_min_confidence)


@admin_area.get("/api/ocr/review")
def ocr_api():
    require("archivist")
    return jsonify({"threshold": settings().ocr_min_confidence, "records": ocr_review()})


# --- status (`web.status`) ------------------------------------------------------------------------------


@admin_area.get("/api/status")
def status_api():
    require("archivist")
    return jsonify(index_status())


# --- users and tokens (admins) ---------------------------------------------------------------------------


def _within_mine(level: str, compartments: list[str] | tuple[str, ...]) -> bool:
    me = g.user
    return CLASSIFICATIONS.index(level) <= CLASSIFICATIONS.index(me.clearance) and set(compartments) <= set(
        me.compartments
    )


def manageable(other: User) -> bool:
    """An administrator manages users whose access is within their own (never one who could see more)."""
    return _within_mine(other.clearance, other.compartments)


def _compartments(raw: str) -> list[str]:
    return [c.strip().lower() for c in raw.split(",") if c.strip()]


def _check_grant(level: str | None, compartments: str | None) -> None:
    if level not in CLASSIFICATIONS:
        known = ", ".join(CLASSIFICATIONS)
        raise UsageError(Message("unknown clearance %(value)r; levels: %(known)s", value=level, known=known))
    if not _within_mine(level, _compartments(compartments or "")):
        raise ForbiddenError(_("You can grant no more access than you hold yourself."))


def users_view() -> list[dict]:
    rows = []
    for u in list_users(catalog().db):
        tokens = [t.to_dict() for t in list_tokens(catalog().db, u.name)]
        rows.append({**u.to_dict(), "manageable": manageable(u), "tokens": tokens})
    return rows


@admin_area.get("/admin/users")
def users_page():
    require("admin")
    return render_template("users.html", users=users_view(), shown=None, levels=levels_up_to(g.user.clearance))


@admin_area.get("/api/users")
def users_api():
    require("admin")
    return jsonify({"users": users_view()})


def _target(name: str) -> User:
    other = get_user(catalog().db, name)
    if not manageable(other):
        raise ForbiddenError(
            _("This user may see more than you: only an administrator cleared as high can change them.")
        )
    return other


@admin_area.post("/admin/users")
def users_post():
    """One form per action: add, set, disable, enable, password, token, revoke."""
    require("admin")
    form = request.form
    action, name = form.get("action", ""), form.get("name", "").strip()
    db = catalog()
    shown = None
    try:
        with db.transaction():
            if action == "add":
                _check_grant(form.get("clearance"), form.get("compartments", ""))
                password = generate_password()
                user = add_user(
                    db.db, name, form.get("role", ""), form.get("clearance", ""), form.get("compartments", ""), password
                )
                db.log_event("user.add", None, **user.to_dict())
                shown = {"name": name, "kind": "password", "secret": password}
            elif action == "set":
                _target(name)
                _check_grant(form.get("clearance"), form.get("compartments", ""))
                changes = update_user(
                    db.db,
                    name,
                    role=form.get("role"),
                    clearance=form.get("clearance"),
                    compartments=form.get("compartments", ""),
                )
                if changes:
                    db.log_event("user.set", None, name=name, changes=changes)
            elif action in ("disable", "enable"):
                other = _target(name)
                if other.name == g.user.name and action == "disable":
                    raise UsageError(_("You cannot disable yourself."))
                changes = update_user(db.db, name, disabled=action == "disable")
                if action == "disable":
                    end_sessions_of(db.db, other)
                if changes:
                    db.log_event(f"user.{action}", None, name=name)
            elif action == "password":
                other = _target(name)
                password = generate_password()
                set_password(db.db, name, password)
                end_sessions_of(db.db, other)
                db.log_event("user.password", None, name=name)
                shown = {"name": name, "kind": "password", "secret": password}
            elif action == "token":
                _target(name)
                info, secret = new_token(db.db, name, form.get("label") or "web")
                db.log_event("token.create", None, name=name, token_id=info.id, label=form.get("label") or "web")
                shown = {"name": name, "kind": "token", "secret": secret}
            elif action == "revoke":
                _target(name)
                token_id = form.get("token")
                ids = revoke_tokens(db.db, name, int(token_id) if token_id and token_id.isdigit() else None)
                db.log_event("token.revoke", None, name=name, tokens=ids)
            else:
                raise UsageError(Message("unknown action %(value)r", value=action))
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    if shown is None:
        return redirect(url_for("admin_area.users_page"), 303)
    return render_template("users.html", users=users_view(), shown=shown, levels=levels_up_to(g.user.clearance))
