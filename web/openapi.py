"""`/api/openapi.json`: the JSON API described as OpenAPI 3.0, built here beside the routes it describes
(tests/web/test_openapi.py checks every route is in it and runs schemathesis against it)."""

from __future__ import annotations

from flask import Blueprint, jsonify

from archive.vocabulary import CLASSIFICATIONS
from web.search import API_LIMIT_MAX, PAGE_MAX, SORT_SPELLINGS

openapi = Blueprint("openapi", __name__)


def _nullable(kind: str, **extra) -> dict:
    return {"type": kind, "nullable": True, **extra}


def _obj(props: dict, required: list[str] | None = None) -> dict:
    """An object with `props`, all of them required unless `required` names fewer (possibly none: [])."""
    return {"type": "object", "properties": props, "required": list(props) if required is None else required}


def _array(items: dict) -> dict:
    return {"type": "array", "items": items}


SAVED = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "owner": {"type": "string"},
        "query": {"type": "string"},
        "filters": {"type": "object", "additionalProperties": {"type": "string"}},
        "shared": {"type": "boolean"},
        "created_at": {"type": "string"},
        "last_run_at": _nullable("string"),
        "total": {"type": "integer"},
        "new": {"type": "integer"},
    },
    "required": ["name", "owner", "query", "filters", "shared", "created_at", "last_run_at"],
}
BATCH = {
    "type": "object",
    "properties": {
        "batch": _nullable("string"),
        "dry_run": {"type": "boolean"},
        "changed": {"type": "integer"},
        "records": {"type": "array", "items": {"type": "object"}},
        "refused": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["batch", "dry_run", "changed", "records", "refused"],
}


ERROR = _obj(
    {
        "error": _obj(
            {
                "status": {"type": "integer"},
                "message": {"type": "string", "description": "in English"},
                "text": {"type": "string", "description": "the same in the caller's language (archive_lang cookie)"},
            }
        )
    },
    ["error"],
)
FACET = _array(_obj({"value": {"oneOf": [{"type": "string"}, {"type": "integer"}]}, "count": {"type": "integer"}}))
HIT = _obj(
    {
        "id": {"type": "integer"},
        "title": _nullable("string"),
        "filename": {"type": "string"},
        "language": _nullable("string"),
        "issued": _nullable("string"),
        "doc_number": _nullable("string"),
        "doc_type": _nullable("string"),
        "issuer": _nullable("string"),
        "classification": {"type": "string", "enum": list(CLASSIFICATIONS)},
        "score": {"type": "number"},
        "snippet": {"type": "string", "description": "HTML-escaped text; matches in <mark>"},
    }
)
SEARCH = _obj(
    {
        "query": {"type": "string"},
        "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer"},
        "limit": {"type": "integer"},
        "sort": {"type": "string"},
        "hits": _array(HIT),
        "facets": {"type": "object", "additionalProperties": FACET},
        "suggestion": _nullable("string"),
        "took_ms": {"type": "number"},
    }
)
OCR_PAGE = _obj(
    {
        "page": {"type": "integer", "minimum": 1},
        "confidence": _nullable("number", description="mean word confidence 0–100; null when no word was read"),
        "words": {"type": "integer", "minimum": 0},
        "error": _nullable("string", description="why OCR could not read the page"),
        "low": {"type": "boolean", "description": "under the threshold, or unread"},
    }
)
OCR = {
    **_obj(
        {
            "status": {"type": "string", "enum": ["pending", "done", "failed"]},
            "engine": _nullable("string"),
            "version": _nullable("string"),
            "languages": _nullable("string", description="Tesseract's, e.g. vie+eng"),
            "dpi": _nullable("integer", description="resolution PDF pages were rendered at"),
            "confidence": _nullable("number", description="mean word confidence over every OCR'd page"),
            "threshold": {"type": "number", "description": "mean confidence below which a record needs review"},
            "needs_review": {"type": "boolean"},
            "reason": _nullable("string", description="why pending, or why it was flagged for review"),
            "reviewed": {
                **_obj({"by": {"type": "string"}, "at": {"type": "string"}, "note": _nullable("string")}),
                "nullable": True,
                "description": "the person's review that cleared needs_review since OCR last ran",
            },
            "pages": _array(OCR_PAGE),
        }
    ),
    "nullable": True,
    "description": "what OCR did for a scan; null when the record was not OCR'd",
}
FORMAT = _obj(
    {
        "mime": {"type": "string"},
        "puid": _nullable("string", description="PRONOM identifier, from the archive's table of detected types"),
        "name": {"type": "string"},
        "basis": {"type": "string", "enum": ["table", "xmp"]},
    }
)
RECORD = _obj(
    {
        "id": {"type": "integer"},
        "title": _nullable("string"),
        "filename": {"type": "string"},
        "classification": {"type": "string", "enum": list(CLASSIFICATIONS)},
        "compartments": _array({"type": "string"}),
        "provenance": {"type": "object", "additionalProperties": {"type": "string"}},
        "sha256": {"type": "string"},
        "size": {"type": "integer"},
        "citations": _array(_obj({"symbol": {"type": "string"}, "id": _nullable("integer")})),
        "direction": _nullable("string", enum=["incoming", "outgoing", "internal", None]),
        "register": _nullable("string", description="the register it is numbered in (in, in-classified, out …)"),
        "register_number": _nullable("integer"),
        "received": _nullable("string", description="YYYY-MM-DD or YYYY-MM-DD HH:MM"),
        "sender": _nullable("string"),
        "recipients": _nullable("string", description="nơi nhận, entries joined by '; '"),
        "routed_to": _nullable("string"),
        "copies": _nullable("integer"),
        "cited_by": _array(_obj({"symbol": {"type": "string"}, "id": {"type": "integer"}}, ["symbol", "id"])),
        "ocr": OCR,
        "format": FORMAT,
        "preservation": {
            **_obj(
                {
                    "status": {"type": "string", "enum": ["done", "pending", "failed"]},
                    "sha256": _nullable("string"),
                    "size": _nullable("integer"),
                    "tool": _nullable("string"),
                    "format": {**FORMAT, "nullable": True},
                    "reason": _nullable("string"),
                    "made_at": _nullable("string"),
                }
            ),
            "nullable": True,
            "description": "the PDF/A preservation copy beside the original; null while none was tried",
        },
        "sources": _array(
            _obj(
                {
                    "archive": {"type": "string", "description": "the sending archive's identity (a UUID)"},
                    "name": _nullable("string"),
                    "id": {"type": "integer", "description": "the record's id in the sending archive"},
                    "status": {"type": "string", "enum": ["added", "duplicate"]},
                    "package": {"type": "string"},
                    "imported_at": {"type": "string"},
                }
            )
        ),
        "file": {
            "type": "object",
            "nullable": True,
            "description": "the file (hồ sơ) it is filed in, if the caller may see it: {file, position, count, "
            "previous, next}, the neighbours among the documents the caller may see",
        },
        "links": _obj(
            {
                "download": {"type": "string", "description": "the original bytes"},
                "page": {"type": "string"},
                "rendition": _nullable("string", description="the searchable PDF OCR made of a scan, if any"),
            }
        ),
    }
)
HOLD = _obj(
    {"id": {"type": "integer"}, "reason": {"type": "string"}, "by": {"type": "string"}, "since": {"type": "string"}}
)
STATUS = _obj(
    {
        "id": {"type": "integer"},
        "hold": {**HOLD, "nullable": True},
        "retention": _obj(
            {
                "period": {"type": "string"},
                "rule": {"type": "string"},
                "ends": _nullable("string"),
                "due": {"type": "boolean"},
            }
        ),
        "protection": {
            **_obj({"years": {"type": "integer"}, "ends": _nullable("string"), "due": {"type": "boolean"}}),
            "nullable": True,
        },
    }
)
TEXT = _obj(
    {
        "id": {"type": "integer"},
        "page": {"type": "integer", "minimum": 1},
        "pages": {"type": "integer", "minimum": 1},
        "chars": {"type": "integer"},
        "matches": {"type": "integer"},
        "pieces": _array(_obj({"text": {"type": "string"}, "match": {"type": "boolean"}})),
    }
)
OUTCOME = _obj(
    {
        "index": _nullable("integer", description="the file's place among the request's `files`, from 0"),
        "name": {"type": "string", "description": "the file's name as sent"},
        "status": {"type": "string"},
        "id": _nullable("integer", description="the record added or duplicated; null if not the caller's to see"),
        "reason": _nullable("string", description="in English"),
        "reason_text": _nullable("string", description="the reason in the caller's language"),
        "read": {
            "type": "object",
            "nullable": True,
            "description": "what the archive read or was told of the record (symbol, type, title, date, "
            "classification, with their words in the caller's language), to review; null if none or not the "
            "caller's to see",
        },
    }
)
MANIFEST_PROBLEM = _obj(
    {
        "line": {"type": "integer", "description": "1 is the header row; 0 for a file without a row"},
        "severity": {"type": "string", "enum": ["error", "warning"]},
        "message": {"type": "string", "description": "in English"},
        "text": {"type": "string", "description": "the problem in the caller's language"},
        "severity_text": {"type": "string"},
    }
)
INGEST = _obj(
    {
        "batch": _nullable("integer"),
        "outcomes": _array(OUTCOME),
        "summary": {"type": "object", "nullable": True},
        "manifest": _array(MANIFEST_PROBLEM),
        "registers": {
            "type": "object",
            "nullable": True,
            "description": "{registered, refused}: files numbered in the register their manifest row names",
        },
    }
)
AUDIT_ENTRY = _obj(
    {
        "id": {"type": "integer"},
        "at": {"type": "string"},
        "actor": {"type": "string"},
        "origin": _nullable("string"),
        "action": {"type": "string"},
        "record_id": _nullable("integer"),
        "detail": {"nullable": True, "description": "as the caller may read it (a search: {withheld: [fields]})"},
        "prev_hash": _nullable("string", description="null when the entry before is withheld or cut"),
        "hash": _nullable("string", description="null when the entry is shown cut"),
    }
)
ADMIN_STATUS = _obj(
    {
        "records": {"type": "integer"},
        "index": {"type": "string"},
        "not_indexed": {"type": "integer"},
        "ocr_pending": {"type": "integer"},
        "writer": {
            "type": "object",
            "nullable": True,
            "description": "the writer lock's holder: pid, command, since, purpose",
        },
        "last_verify": {
            "type": "object",
            "nullable": True,
            "description": "at, by, sample, and the problems of records the caller may see",
        },
    }
)
ROLE = {"type": "string", "enum": ["reader", "archivist", "admin"]}
CLEARANCE = {"type": "string", "enum": list(CLASSIFICATIONS)}
COMPARTMENTS = _array({"type": "string", "pattern": r"^[\w.-]{1,64}$", "description": "one word"})
USER = _obj(
    {
        "name": {"type": "string"},
        "role": ROLE,
        "clearance": CLEARANCE,
        "compartments": _array({"type": "string"}),
        "disabled": {"type": "boolean"},
        "password": {"type": "boolean", "description": "whether a password is set (never the password)"},
        "created_at": {"type": "string"},
        "updated_at": {"type": "string"},
        "display_name": _nullable("string", description="the person's full name"),
        "unit": _nullable("string", description="the office they work in"),
    }
)
TOKEN = _obj(
    {
        "id": {"type": "integer"},
        "label": _nullable("string"),
        "created_at": {"type": "string"},
        "revoked_at": _nullable("string"),
    }
)
USER_ROW = {
    **USER,
    "properties": {
        **USER["properties"],
        "manageable": {"type": "boolean", "description": "within the caller's own access, so theirs to change"},
        "tokens": _array(TOKEN),
    },
    "required": [*USER["required"], "manageable", "tokens"],
}
CHANGES = {
    "type": "object",
    "description": "{field: {old, new}} for what changed",
    "additionalProperties": _obj({"old": {}, "new": {}}),
}
REVIEWED = _obj(
    {
        "id": {"type": "integer"},
        "confidence": _nullable("number"),
        "reason": _nullable("string", description="why OCR flagged it (kept)"),
        "note": _nullable("string"),
    }
)
DUE = _obj({"as_of": {"type": "string"}, "records": _array({"type": "object"}), "undated": _array({"type": "integer"})})


DUE_FILES = _obj(
    {**DUE["properties"], "files": _array({"type": "object", "description": "a closed file due as one unit"})}
)
FONDS = _obj({"id": {"type": "integer"}, "code": {"type": "string"}, "name": {"type": "string"}})
FILE = _obj(
    {
        "ref": {"type": "string", "description": "FONDS/YEAR/CODE: names the file in every path"},
        "fonds": {"type": "string"},
        "fonds_name": {"type": "string"},
        "year": {"type": "integer"},
        "code": {"type": "string"},
        "title": {"type": "string"},
        "description": _nullable("string"),
        "heading": _nullable("string"),
        "unit": _nullable("string"),
        "keeper": _nullable("string"),
        "retention": _nullable("string", description="permanent, N years, or null: each document's own"),
        "classification": {"type": "string", "enum": list(CLASSIFICATIONS)},
        "compartments": _array({"type": "string"}),
        "kind": {"type": "string", "enum": ["matter", "meeting"]},
        "meeting_date": _nullable("string"),
        "source": {"type": "string", "enum": ["plan", "ad hoc"]},
        "opened_at": {"type": "string"},
        "closed_on": _nullable("string"),
        "status": {"type": "string", "enum": ["open", "closed", "disposed"]},
        "documents": {"type": "integer", "description": "documents the caller may see"},
    }
)
CONTENTS_ROW = _obj(
    {
        "stt": {"type": "integer", "minimum": 1},
        "id": {"type": "integer"},
        "doc_number": _nullable("string"),
        "issued": _nullable("string"),
        "title": _nullable("string"),
        "issuer": _nullable("string"),
        "pages": _nullable("integer"),
        "doc_type": _nullable("string"),
    }
)
FILE_DETAIL = _obj(
    {
        **FILE["properties"],
        "hold": {**_obj({"reason": {"type": "string"}, "by": {"type": "string"}, "since": {"type": "string"}}),
                 "nullable": True},
        "retention_period": _nullable("string"),
        "retention_rule": _nullable("string"),
        "retention_ends": _nullable("string", description="the end counted from 1 January after the closing"),
        "contents": _array(CONTENTS_ROW),
    }
)  # fmt: skip
FILE_HOLD = _obj({"reason": {"type": "string"}, "by": {"type": "string"}, "since": {"type": "string"}})
PLAN_RESULT = _obj(
    {
        "rows": {"type": "integer"},
        "imported": {"type": "integer"},
        "problems": _array(
            _obj(
                {
                    "line": {"type": "integer"},
                    "message": {"type": "string"},
                    "severity": {"type": "string"},
                    "text": {"type": "string"},
                }
            )
        ),
    }
)
FILE_CONTENTS = _obj({**FILE["properties"], "contents": _array(CONTENTS_ROW)})
PLAN_LISTING = _obj(
    {
        "year": _nullable("integer"),
        "years": _array({"type": "integer"}),
        "fonds": _array(FONDS),
        "files": _array(FILE),
    }
)
SUGGESTION = _obj(
    {
        "id": {"type": "integer"},
        "title": _nullable("string"),
        "doc_number": _nullable("string"),
        "cites": _obj({"id": {"type": "integer"}, "doc_number": _nullable("string")}),
        "file": {"type": "string"},
        "file_title": {"type": "string"},
    }
)


def _param(name: str, where: str = "query", schema: dict | None = None, required: bool = False, text: str = "") -> dict:
    return {
        "name": name,
        "in": where,
        "required": required,
        "schema": schema or {"type": "string"},
        "description": text,
    }


def _json(schema: dict, text: str = "OK") -> dict:
    return {"description": text, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    words = {
        400: "bad request",
        401: "no or bad credentials",
        403: "role or CSRF",
        404: "not found (or not visible)",
        409: "refused",
        410: "disposed of",
        413: "upload too large",
        422: "manifest errors",
        503: "busy",
    }
    return {str(c): _json(ERROR, words[c]) for c in codes}


def _get(summary: str, schema: dict, params: list[dict] | None = None, errors=(401,), tag: str = "records") -> dict:
    return {
        "get": {
            "summary": summary,
            "tags": [tag],
            "parameters": params or [],
            "responses": {"200": _json(schema), **_errors(*errors)},
        }
    }


# Examples name things a small archive has (record 1, user lan and their token 2): schemathesis starts from them.
RECORD_ID = {**_param("record_id", "path", {"type": "integer", "minimum": 0}, True), "example": 1}
USER_NAME = {
    **_param("name", "path", {"type": "string", "pattern": r"^[\w.@-]{1,64}$"}, True, "a user's name"),
    "example": "lan",
}
TOKEN_ID = {
    **_param("token_id", "path", {"type": "integer", "minimum": 0}, True, "a token's id (GET /api/users)"),
    "example": 2,
}
REASON = {"type": "string", "minLength": 1, "description": "needed: the case, the decision", "example": "thanh tra"}


def _write(
    summary: str, tag: str, answer: dict, errors: tuple, *, params=(), body: dict | None = None, status: str = "200"
) -> dict:
    """A state-changing operation with a JSON body (if any) and a JSON answer."""
    op = {
        "summary": summary,
        "tags": [tag],
        "parameters": list(params),
        "responses": {status: answer, **_errors(*errors)},
    }
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return op


DAY = {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2})?$"}  # empty means "not given"
AS_OF = _param("as_of", schema=DAY, text="YYYY-MM-DD; today by default")
SEARCH_PARAMS = [
    _param("q", text="the query (see the query language); may be empty when a filter is given, else 400"),
    *(_param(n) for n in ("type", "number", "year", "issuer", "lang", "classification", "issued")),
    _param("issuer_exact", text="an issuer's whole name, as an issuer facet value (issuer matches its words)"),
    _param("hoso", text="a file (hồ sơ): CODE, YEAR/CODE or FONDS/YEAR/CODE, as a file facet value"),
    _param("file", text="the same as hoso"),
    _param(
        "sort",
        schema={"type": "string", "enum": list(SORT_SPELLINGS)},
        text="added: the most recently added first",
    ),
    _param("page", schema={"type": "integer", "minimum": 1, "maximum": PAGE_MAX}),
    _param("limit", schema={"type": "integer", "minimum": 1, "maximum": API_LIMIT_MAX}),
]


BOOK = {**_param("book", "path", {"type": "string", "enum": ["in", "out"]}, True, "in or out"), "example": "in"}
YEAR = {**_param("year", "path", {"type": "integer", "minimum": 1900, "maximum": 9999}, True), "example": 2025}
REGISTER_ROW = _obj(
    {
        "register": {"type": "string", "enum": ["in", "in-classified", "out", "out-classified"]},
        "number": {"type": "integer", "minimum": 1},
        "date": {"type": "string", "description": "the day received (in) or issued (out)"},
        "received": _nullable("string", description="YYYY-MM-DD or YYYY-MM-DD HH:MM (in)"),
        "sender": _nullable("string"),
        "recipients": _nullable("string", description="nơi nhận, entries joined by '; ' (out)"),
        "symbol": _nullable("string"),
        "issued": _nullable("string"),
        "doc_type": _nullable("string"),
        "summary": _nullable("string"),
        "routed_to": _nullable("string", description="routed to, or the unit keeping the copy"),
        "copies": _nullable("integer"),
        "notes": _nullable("string"),
        "id": {"type": "integer"},
        "gap": _nullable("string", description="why the number is a gap: its record was disposed of (in English)"),
    }
)
REGISTER_PROBLEM = _obj(
    {
        "kind": {"type": "string", "enum": ["duplicate", "gap"]},
        "register": {"type": "string", "description": "a register, or 'out /TU' for a series of outgoing symbols"},
        "year": {"type": "integer"},
        "number": {"type": "integer"},
        "ids": _array({"type": "integer"}),
    }
)
REGISTERED = _obj(
    {
        "registered": _array(
            _obj(
                {
                    "id": {"type": "integer"},
                    "register": {"type": "string"},
                    "year": {"type": "integer"},
                    "number": {"type": "integer"},
                }
            )
        ),
        "refused": _array(_obj({"id": {"type": "integer"}, "reason": {"type": "string"}})),
    }
)
TASK = _obj(
    {
        "id": {"type": "integer"},
        "record_id": {"type": "integer", "description": "the directing document"},
        "symbol": _nullable("string"),
        "title": _nullable("string"),
        "kind": {"type": "string", "enum": ["task", "preliminary_review", "final_review"]},
        "task": {"type": "string"},
        "lead": {"type": "string"},
        "due": {"type": "string"},
        "every_months": _nullable("integer"),
        "status": {"type": "string", "enum": ["open", "done"]},
        "overdue": {"type": "boolean"},
        "evidence_id": _nullable("integer", description="null too when the caller may not see the evidence"),
        "done_at": _nullable("string"),
        "done_by": _nullable("string"),
        "next_id": _nullable("integer"),
        "classification": _nullable("string", description="the directing document's"),
        "compartments": _array({"type": "string"}),
        "candidates": _array(
            _obj({"symbol": _nullable("string"), "id": {"type": "integer"}, "title": _nullable("string")})
        ),
    }
)
TASK_ID = {**_param("task_id", "path", {"type": "integer", "minimum": 0}, True), "example": 1}
STR = {"type": "string", "nullable": True}  # optional text in a body: absent, null or "" mean not given
RECORD_REF = {"type": "integer", "minimum": 0, "example": 1}


def document() -> dict:
    paths = {
        "/api/search": _get("Search records (cut to the caller's clearance)", SEARCH, SEARCH_PARAMS, (400, 401)),
        "/api/records": {
            "patch": {
                "summary": "Archivists: correct many records at once, all or nothing (one audit entry per record, "
                "one batch id); `dry_run` previews old and new values",
                "tags": ["records"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "ids": {"type": "array", "items": {"type": "integer"}, "minItems": 1},
                                    "query": {"type": "string", "description": "every record this search finds"},
                                    "filters": {"type": "object", "additionalProperties": {"type": "string"}},
                                    "records": _array(
                                        _obj(
                                            {
                                                "id": {"type": "integer"},
                                                "set": {"type": "object", "additionalProperties": {"type": "string"}},
                                            }
                                        )
                                    ),
                                    "set": {
                                        "type": "object",
                                        "minProperties": 1,
                                        "additionalProperties": {"type": "string"},
                                        "description": "field: value for every record chosen by `ids` or `query`",
                                        "example": {"issuer": "Tỉnh ủy Quảng Trị"},
                                    },
                                    "dry_run": {"type": "boolean"},
                                },
                                [],
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(BATCH),
                    "409": _json(BATCH),
                    **_errors(400, 401, 403, 503),
                },
            },
        },
        "/api/records/{record_id}": {
            **_get("A record's metadata, citations, cited-by and OCR details", RECORD, [RECORD_ID], (401, 404, 410)),
            "patch": {
                "summary": "Archivists: correct metadata (audited); classification=unclassified declassifies",
                "tags": ["records"],
                "parameters": [RECORD_ID],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "set": {
                                        "type": "object",
                                        "minProperties": 1,
                                        "additionalProperties": {"type": "string"},
                                        "description": "field: value, as `archive edit --set`",
                                        "example": {"title": "Nghị quyết về chuyển đổi số"},
                                    }
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(_obj({"id": {"type": "integer"}, "changed": {"type": "object"}})),
                    **_errors(400, 401, 403, 404, 410, 503),
                },
            },
        },
        "/api/records/{record_id}/similar": _get(
            "More like this",
            _obj({"id": {"type": "integer"}, "hits": _array(HIT)}),
            [RECORD_ID, _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 50})],
            (400, 401, 404, 410),
        ),
        "/api/records/{record_id}/status": _get(
            "Hold, retention and protection status (the record page's status box)", STATUS, [RECORD_ID], (401, 404, 410)
        ),
        "/api/records/{record_id}/text": _get(
            "A page of the record's text, marked where `q` matches",
            TEXT,
            [RECORD_ID, _param("page", schema={"type": "integer", "minimum": 1, "maximum": 100000}), _param("q")],
            (400, 401, 404, 410),
        ),
        "/api/records/{record_id}/hold": {
            "post": {
                "summary": "Archivists: place a legal hold",
                "tags": ["retention"],
                "parameters": [RECORD_ID],
                "requestBody": {"content": {"application/json": {"schema": _obj({"reason": REASON})}}},
                "responses": {"201": _json(_obj({"hold": HOLD})), **_errors(400, 401, 403, 404, 410, 503)},
            },
            "delete": {
                "summary": "Archivists: lift a legal hold (a reason is needed, as for placing one)",
                "tags": ["retention"],
                "parameters": [RECORD_ID],
                "requestBody": {"content": {"application/json": {"schema": _obj({"reason": REASON}, ["reason"])}}},
                "responses": {"200": _json(_obj({"lifted": HOLD})), **_errors(400, 401, 403, 404, 410, 503)},
            },
        },
        "/api/reports": _get(
            "A period's report for leadership, cut to your clearance (as `archive report --format json`): "
            "documents issued by type, issuer and month, registers, tasks by unit, retention, OCR backlog",
            {"type": "object"},
            [
                _param("period", text="2025-07, 2025-Q3, 2025-H1 or 2025"),
                _param("from", schema={"type": "string", "format": "date"}),
                _param("to", schema={"type": "string", "format": "date"}),
            ],
            (400, 401),
        ),
        "/api/saved": {
            **_get(
                "Your saved searches and the shared ones, with how many records each finds and how many are new "
                "since you last ran it (within your clearance)",
                _obj({"saved": _array(SAVED)}),
                errors=(401,),
            ),
            "post": {
                "summary": "Save a search (`shared`: archivists; everyone runs it under their own clearance)",
                "tags": ["records"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "name": {"type": "string", "minLength": 1, "maxLength": 100},
                                    "query": {"type": "string", "maxLength": 1000},
                                    "filters": {"type": "object", "additionalProperties": {"type": "string"}},
                                    "shared": {"type": "boolean"},
                                },
                                ["name"],
                            )
                        }
                    },
                },
                "responses": {"201": _json(_obj({"saved": SAVED}), "saved"), **_errors(400, 401, 403)},
            },
        },
        "/api/saved/{name}/run": _get(
            "Run a saved search again under your clearance; `since` keeps the records added or changed since then",
            _obj(
                {
                    "saved": SAVED,
                    "since": _nullable("string"),
                    "total": {"type": "integer"},
                    "page": {"type": "integer"},
                    "limit": {"type": "integer"},
                    "hits": _array({"type": "object"}),
                },
                ["saved", "since", "total", "hits"],
            ),
            [
                _param("name", "path", required=True),
                _param("since", schema={"type": "string", "format": "date"}),
                _param("page", schema={"type": "integer", "minimum": 1, "maximum": 10000}),
                _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 100}),
            ],
            (400, 401, 404),
        ),
        "/api/saved/{name}": {
            "delete": {
                "summary": "Forget one of your saved searches",
                "tags": ["records"],
                "parameters": [_param("name", "path", required=True)],
                "responses": {"200": _json(_obj({"removed": {"type": "string"}})), **_errors(401, 404)},
            }
        },
        "/api/holds": _get(
            "Archivists: legal holds", _obj({"holds": _array(HOLD)}), errors=(401, 403), tag="retention"
        ),
        "/api/retention/due": _get(
            "Archivists: records due for disposal review, and closed files due as one unit each",
            DUE_FILES,
            [AS_OF],
            (400, 401, 403),
            "retention",
        ),
        "/api/retention/dispose": {
            "post": {
                "summary": "Archivists: dispose of records (all or nothing)",
                "tags": ["retention"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "ids": {**_array({"type": "integer"}), "minItems": 1, "example": [2]},
                                    "authority": {"type": "string", "minLength": 1, "example": "Quyết định 12-QĐ/VP"},
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(_obj({"disposed": _array({"type": "object"}), "refused": _array({"type": "object"})})),
                    **_errors(400, 401, 403, 409, 503),
                },
            }
        },
        "/api/disposals": _get(
            "Archivists: disposal records",
            _obj({"disposals": _array({"type": "object"})}),
            errors=(401, 403),
            tag="retention",
        ),
        "/api/classification/due": _get(
            "Archivists: classified records due for declassification review", DUE, [AS_OF], (400, 401, 403), "retention"
        ),
        "/api/ingest": {
            **_get(
                "Archivists: what an upload may be (`limit_mb`: the most one request may carry, in MiB)",
                _obj({"limit_mb": {"type": "integer", "minimum": 1}}),
                errors=(401, 403),
                tag="ingest",
            ),
            "post": {
                "summary": "Archivists: upload files (multipart `files`, many) and an optional `manifest` CSV",
                "tags": ["ingest"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": _obj(
                                {
                                    "files": {**_array({"type": "string", "format": "binary"}), "minItems": 1},
                                    "manifest": {"type": "string", "format": "binary"},
                                },
                                ["files"],
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(INGEST),
                    "422": _json(INGEST, "manifest errors: nothing ingested"),
                    **_errors(400, 401, 403, 413, 503),
                },
            },
        },
        "/api/me": _get(
            "The caller: name, role, clearance and compartments (what each page's header shows)",
            _obj(
                {
                    "name": {"type": "string"},
                    "role": {"type": "string", "enum": ["reader", "archivist", "admin"]},
                    "clearance": {"type": "string", "enum": ["unclassified", "confidential", "secret", "top_secret"]},
                    "compartments": _array({"type": "string"}),
                    "via": _nullable("string"),
                },
                ["name", "role", "clearance", "compartments"],
            ),
            tag="admin",
        ),
        "/api/status": _get(
            "Archivists: index, OCR and verification status", ADMIN_STATUS, errors=(401, 403), tag="admin"
        ),
        "/api/ocr/review": _get(
            "Archivists: OCR'd records to review, least confident first",
            _obj({"threshold": {"type": "number"}, "records": _array({"type": "object"})}),
            errors=(401, 403),
            tag="admin",
        ),
        "/api/ocr/reviewed": {
            "post": _write(
                "Archivists: mark records' OCR reviewed (all or nothing; audited with the note)",
                "admin",
                _json(_obj({"reviewed": _array(REVIEWED)})),
                (400, 401, 403, 404, 410, 503),
                body=_obj(
                    {
                        "ids": {**_array({"type": "integer"}), "minItems": 1, "example": [1]},
                        "note": {"type": "string", "example": "checked against the paper copy"},
                    },
                    ["ids"],
                ),
            )
        },
        "/api/users": {
            **_get(
                "Admins: users and their tokens (never the secrets)",
                _obj({"users": _array(USER_ROW)}),
                errors=(401, 403),
                tag="admin",
            ),
            "post": _write(
                "Admins: add a user, with a generated password shown in this answer only",
                "admin",
                _json(_obj({"user": USER, "password": {"type": "string"}}), "the user and their password"),
                (400, 401, 403),
                body=_obj(
                    {
                        "name": {"type": "string", "pattern": r"^[\w.@-]{1,64}$", "example": "minh"},
                        "role": ROLE,
                        "clearance": CLEARANCE,
                        "compartments": COMPARTMENTS,
                        "display_name": {"type": "string", "maxLength": 200, "example": "Nguyễn Văn Minh"},
                        "unit": {"type": "string", "maxLength": 200, "example": "Văn phòng Tỉnh ủy"},
                    },
                    ["name", "role", "clearance"],
                ),
                status="201",
            ),
        },
        "/api/users/{name}": {
            "patch": _write(
                "Admins: change a user's role, clearance, compartments, or disable or enable them (all or none)",
                "admin",
                _json(_obj({"name": {"type": "string"}, "changed": CHANGES})),
                (400, 401, 403, 404),
                params=[USER_NAME],
                body={
                    **_obj(
                        {
                            "role": ROLE,
                            "clearance": CLEARANCE,
                            "compartments": COMPARTMENTS,
                            "disabled": {"type": "boolean", "description": "true ends their sessions at once"},
                            "display_name": {"type": "string", "maxLength": 200},
                            "unit": {"type": "string", "maxLength": 200},
                        },
                        [],
                    ),
                    "additionalProperties": False,
                },
            )
        },
        "/api/users/{name}/password": {
            "post": _write(
                "Admins: a new generated password, shown in this answer only; the user's sessions end",
                "admin",
                _json(_obj({"name": {"type": "string"}, "password": {"type": "string"}})),
                (401, 403, 404),
                params=[USER_NAME],
            )
        },
        "/api/users/{name}/tokens": {
            "post": {
                **_write(
                    "Admins: a new API token for the user; the secret is in this answer only",
                    "admin",
                    _json(
                        _obj(
                            {
                                "name": {"type": "string"},
                                "id": {"type": "integer"},
                                "label": _nullable("string"),
                                "token": {"type": "string", "description": "the secret: Authorization: Bearer …"},
                            }
                        ),
                        "the token",
                    ),
                    (400, 401, 403, 404),
                    params=[USER_NAME],
                    status="201",
                ),
                "requestBody": {
                    "content": {
                        "application/json": {"schema": _obj({"label": {"type": "string", "example": "script"}}, [])}
                    }
                },
            },
            "delete": _write(
                "Admins: revoke every live token of the user",
                "admin",
                _json(_obj({"name": {"type": "string"}, "revoked": _array({"type": "integer"})})),
                (401, 403, 404),
                params=[USER_NAME],
            ),
        },
        "/api/users/{name}/tokens/{token_id}": {
            "delete": _write(
                "Admins: revoke one token (404 when the user has no such live token)",
                "admin",
                _json(_obj({"name": {"type": "string"}, "revoked": _array({"type": "integer"})})),
                (401, 403, 404),
                params=[USER_NAME, TOKEN_ID],
            )
        },
        "/api/audit": _get(
            "Admins: audit entries, newest first",
            _obj({"entries": _array(AUDIT_ENTRY)}),
            [
                _param("from", schema=DAY),
                _param("to", schema=DAY),
                _param("action"),
                _param("actor"),
                _param("record", schema={"type": "integer", "minimum": 0}),
                _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 1000}),
                _param("offset", schema={"type": "integer", "minimum": 0}),
            ],
            (400, 401, 403),
            "admin",
        ),
        "/api/audit/verify": _get(
            "Admins: recompute the audit trail's hash chain",
            _obj(
                {"ok": {"type": "boolean"}, "entries": {"type": "integer"}, "head": _nullable("string")},
                ["ok", "entries"],
            ),
            [_param("anchor", text="ID:HASH kept outside the machine")],
            (400, 401, 403),
            "admin",
        ),
        "/api/registers/{book}": {
            "post": _write(
                "Archivists: number records in the incoming or outgoing register (each once; refusals listed)",
                "registers",
                _json(REGISTERED),
                (400, 401, 403, 404),
                params=[BOOK],
                body=_obj(
                    {
                        "ids": {**_array({"type": "integer"}), "minItems": 1, "example": [1]},
                        "received": {**STR, "description": "DD/MM/YYYY HH:MM; now by default (in only)"},
                        "sender": STR,
                        "recipients": STR,
                        "routed_to": STR,
                        "copies": {**STR, "description": "a whole number from 1"},
                    },
                    ["ids"],
                ),
            )
        },
        "/api/registers/{book}/{year}": _get(
            "Archivists: a register's rows for a year (Decree 30's columns), cut to the caller",
            _obj({"book": {"type": "string"}, "year": {"type": "integer"}, "rows": _array(REGISTER_ROW)}),
            [BOOK, YEAR],
            (401, 403, 404),
            "registers",
        ),
        "/api/registers/{book}/{year}/check": _get(
            "Archivists: duplicates and gaps in a register's numbers and in outgoing symbols",
            _obj(
                {
                    "book": {"type": "string"},
                    "year": {"type": "integer"},
                    "ok": {"type": "boolean"},
                    "problems": _array(REGISTER_PROBLEM),
                    "more": {"type": "integer"},
                }
            ),
            [BOOK, YEAR],
            (401, 403, 404),
            "registers",
        ),
        "/api/registers/counts": _get(
            "Archivists: documents received (in) and sent (out) with a day in [from, to), of those the caller may see",
            _obj(
                {
                    "from": {"type": "string"},
                    "to": {"type": "string"},
                    "in": {"type": "integer"},
                    "out": {"type": "integer"},
                }
            ),
            [_param("from", schema=DAY), _param("to", schema=DAY)],
            (400, 401, 403),
            "registers",
        ),
        "/api/followup": {
            **_get(
                "Follow-up tasks by deadline, cut to the caller (a task is its directing document's to see)",
                _obj({"as_of": {"type": "string"}, "tasks": _array(TASK)}),
                [
                    _param("unit"),
                    _param("status", schema={"type": "string", "enum": ["", "open", "done", "overdue"]}),
                    _param("record", schema={"type": "integer", "minimum": 0}),
                    AS_OF,
                ],
                (400, 401),
                "followup",
            ),
            "post": _write(
                "Archivists: attach a task to a directing document",
                "followup",
                _json(TASK, "the task"),
                (400, 401, 403, 404, 410),
                body=_obj(
                    {
                        "record_id": RECORD_REF,
                        "task": {**STR, "example": "Báo cáo kết quả thực hiện"},
                        "lead": {**STR, "example": "Văn phòng Tỉnh ủy"},
                        "due": {**STR, "example": "2025-06-30", "description": "DD/MM/YYYY or YYYY-MM-DD"},
                        "every": {**STR, "description": "6m, 1y: the task comes back once done"},
                        "kind": {**STR, "description": "task, so-ket or tong-ket"},
                    },
                    ["record_id", "lead", "due"],
                ),
                status="201",
            ),
        },
        "/api/followup/counts": _get(
            "Tasks done, open and overdue by lead unit, of those the caller may see",
            _obj(
                {
                    "as_of": {"type": "string"},
                    "units": {
                        "type": "object",
                        "additionalProperties": _obj(
                            {"done": {"type": "integer"}, "open": {"type": "integer"}, "overdue": {"type": "integer"}}
                        ),
                    },
                }
            ),
            [AS_OF],
            (400, 401),
            "followup",
        ),
        "/api/followup/{task_id}": _get("A follow-up task", TASK, [TASK_ID, AS_OF], (400, 401, 404), "followup"),
        "/api/followup/{task_id}/done": {
            "post": _write(
                "Archivists: close a task with the record showing it done (a repeating task comes back)",
                "followup",
                _json(_obj({"done": TASK, "next": {**TASK, "nullable": True}})),
                (400, 401, 403, 404, 410),
                params=[TASK_ID],
                body=_obj({"evidence": RECORD_REF}),
            )
        },
        "/api/followup/{task_id}/dismiss": {
            "post": _write(
                "Archivists: stop offering a record as evidence for a task",
                "followup",
                _json(
                    _obj(
                        {
                            "task": {"type": "integer"},
                            "record_id": {"type": "integer"},
                            "dismissed": {"type": "boolean"},
                        }
                    )
                ),
                (400, 401, 403, 404, 410),
                params=[TASK_ID],
                body=_obj({"record_id": RECORD_REF}),
            )
        },
        "/healthz": {
            "get": {
                "summary": "Health; open to all (the count is what the caller may see, null without credentials)",
                "tags": ["admin"],
                "security": [{}, {"bearer": []}],
                "responses": {
                    "200": _json(
                        _obj(
                            {"status": {"type": "string"}, "records": _nullable("integer"), "index": {"type": "string"}}
                        )
                    ),
                    **_errors(401),
                },
            }
        },
    }
    paths.update(file_paths())
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Records archive API",
            "version": "1",
            "description": "Every answer is cut to the caller's clearance and compartments; a record the caller may "
            "not see is 404, worded as one that does not exist. A login session works too, with its CSRF token in "
            "X-CSRF-Token for state-changing requests.",
        },
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
        "paths": paths,
    }


FILE_REF = {
    **_param("ref", "path", {"type": "string", "minLength": 1}, True, "CODE, YEAR/CODE or FONDS/YEAR/CODE"),
    "example": "01.KL",
}
IDS = _obj({"ids": {**_array({"type": "integer"}), "minItems": 1, "description": "record ids, in filing order"}})


def file_paths() -> dict:
    """Fonds and files (hồ sơ): a file above the caller is 404, worded as a reference that names no file."""
    new_file = {
        "type": "object",
        "required": ["code", "title"],
        "properties": {
            **{n: {"type": "string"} for n in ("code", "title", "heading", "unit", "keeper", "description", "fonds",
                                                "compartments", "meeting_date")},
            "year": {"type": "integer", "description": "the plan's year; this year by default"},
            "retention": {"type": "string", "description": "permanent or a number of years"},
            "classification": {"type": "string", "enum": list(CLASSIFICATIONS)},
            "kind": {"type": "string", "enum": ["matter", "meeting"]},
        },
    }  # fmt: skip
    listing = [
        _param("year", schema={"type": "string", "pattern": r"^(\d{4})?$"}),
        _param("unit"),
        _param("status", schema={"type": "string", "enum": ["", "open", "closed"]}),
    ]
    archivist = (400, 401, 403, 404, 503)
    return {
        "/api/fonds": {
            **_get("Every fonds (phông)", _obj({"fonds": _array(FONDS)}), tag="files"),
            "post": _write("Archivists: add a fonds", "files", _json(FONDS, "Added"), (400, 401, 403, 503),
                           body=_obj({"code": {"type": "string"}, "name": {"type": "string"}}), status="201"),
        },
        "/api/files/plan": {
            "post": {
                "summary": "Archivists: load a year's file plan from CSV (nothing is created when a row has a problem)",
                "tags": ["files"],
                "parameters": [_param("dry_run", schema={"type": "string", "enum": ["", "0", "1"]},
                                      text="1: check only")],
                "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
                "responses": {"200": _json(PLAN_RESULT), "422": _json(PLAN_RESULT, "problems: nothing created"),
                              **_errors(400, 401, 403, 413, 503)},
            }
        },
        "/api/files/{ref}/hold": {
            "post": _write("Archivists: put the whole file under legal hold", "files",
                           _json(_obj({"hold": FILE_HOLD}), "Held"), archivist, params=[FILE_REF],
                           body=_obj({"reason": REASON}), status="201"),
            "delete": _write("Archivists: lift the file's legal hold", "files",
                             _json(_obj({"hold": {"type": "object", "nullable": True}})), archivist, params=[FILE_REF],
                             body=_obj({"reason": REASON})),
        },
        "/api/files": {
            **_get("The file plan: files the caller may see, by year", PLAN_LISTING, listing, (400, 401), "files"),
            "post": _write("Archivists: open a file ad hoc", "files", _json(FILE, "Opened"), (400, 401, 403, 503),
                           body=new_file, status="201"),
        },
        "/api/files/suggestions": _get(
            "Archivists: unfiled documents citing a filed one (accept by filing, or dismiss on the command line)",
            _obj({"suggestions": _array(SUGGESTION)}), errors=(401, 403), tag="files",
        ),
        "/api/files/{ref}": _get(
            "A file: description, status, retention, hold and contents list (documents the caller may see)",
            FILE_DETAIL, [FILE_REF], (400, 401, 404), "files",
        ),
        "/api/files/{ref}/documents": {
            "post": _write("Archivists: file documents (all or nothing; one file per document)", "files",
                           _json(FILE_CONTENTS), archivist, params=[FILE_REF], body=IDS),
            "delete": _write("Archivists: take documents out of an open file", "files", _json(FILE_CONTENTS),
                             archivist, params=[FILE_REF], body=IDS),
        },
        "/api/files/{ref}/dismissed": {
            "post": _write("Archivists: never suggest these documents for this file again (accepting is filing)",
                           "files", _json(_obj({"suggestions": _array(SUGGESTION)})), archivist, params=[FILE_REF],
                           body=IDS),
        },
        "/api/files/{ref}/order": {
            "put": _write("Archivists: order the documents the caller sees (a meeting's agenda); name each once",
                          "files", _json(FILE_CONTENTS), archivist, params=[FILE_REF], body=IDS),
        },
        "/api/files/{ref}/close": {
            "post": _write("Archivists: close the file (no more filing; retention counts from the year after)",
                           "files", _json(FILE), archivist, params=[FILE_REF],
                           body=_obj({"date": DAY}, [])),
        },
        "/api/files/{ref}/reopen": {
            "post": _write("Archivists: reopen a closed file (audited with the reason)", "files", _json(FILE),
                           archivist, params=[FILE_REF], body=_obj({"reason": REASON})),
        },
    }  # fmt: skip


@openapi.get("/api/openapi.json")
def openapi_json():
    return jsonify(document())
