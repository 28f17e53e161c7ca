"""`/api/openapi.json` describes every JSON route, and schemathesis drives them all with a token, the read
routes on one archive and the state-changing ones (edits, holds, disposal, ingest, OCR review, users and
tokens) on a throwaway one: whatever it generates from the document, the answers conform to it and none is a
server error."""

from __future__ import annotations

import random
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from archive.pipeline.ingest import ingest
from tests.conftest import EN_TEXT, VI_TEXT, write
from tests.web.browser import Http
from tests.web.conftest import add_user, serving
from web import create_app
from web.openapi import document


def two_record_archive(root, admin: str):
    """An archive of one Vietnamese and one English record with an admin: (settings, cli, the admin's token)."""
    from archive.config import Settings
    from tests.conftest import Cli

    archive_settings = Settings(home=root / "home", workers=1)
    write(root / "in" / "a.txt", VI_TEXT)
    write(root / "in" / "b.txt", EN_TEXT)
    ingest(archive_settings, [root / "in"])
    cli = Cli(archive_settings)
    return archive_settings, cli, add_user(cli, admin, "admin", "top_secret")["token"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    archive_settings, _cli, token = two_record_archive(tmp_path_factory.mktemp("openapi"), "admin")
    app = create_app(archive_settings)
    with serving(archive_settings) as base:
        yield app, token, base


def test_every_json_route_is_described(served):
    app, token, _ = served
    document = app.test_client().get("/api/openapi.json", headers={"Authorization": f"Bearer {token}"}).get_json()
    described = {(path, method.upper()) for path, ops in document["paths"].items() for method in ops}
    for rule in app.url_map.iter_rules():
        if not (rule.rule.startswith("/api/") or rule.rule == "/healthz") or rule.rule == "/api/openapi.json":
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method) in described, f"{method} {path} is not in the OpenAPI document"


def test_the_document_needs_credentials_like_every_api_route(served):
    app, _, _ = served
    assert app.test_client().get("/api/openapi.json").status_code == 401


# Loaded from the document as the app builds it; requests go to the app under real waitress, with a token.
schema = schemathesis.openapi.from_dict(document()).include(method="GET")


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_read_routes_conform_to_the_document(case, served):
    _, token, base = served
    # Some rules are stricter than a schema can say (q or a filter; real calendar dates; an anchor's ID:HASH):
    # a 400 for those is right, so "schema-valid data must be accepted" is left out. A read route ignores query
    # parameters it does not know (as HTTP APIs do, so old scripts keep working when a parameter is retired), and
    # this test always sends the token, so a "negative" case of unknown parameters or a missing Authorization
    # header is no such case here: "schema-violating data must be refused" is left out too. Every other check
    # runs, and tests/web/test_hostile.py covers bad values of known parameters.
    headers = {"Authorization": f"Bearer {token}"}
    skipped = [positive_data_acceptance, negative_data_rejection]
    case.call_and_validate(base_url=base, headers=headers, excluded_checks=skipped)


FUZZING_ADMIN = "fuzzing-admin-7f3c"  # a name the fuzzer will not hit, so it never disables or revokes the caller


@pytest.fixture(scope="module")
def throwaway(tmp_path_factory):
    """A small archive the state-changing routes may change at will, and an admin's token for it."""
    archive_settings, cli, token = two_record_archive(tmp_path_factory.mktemp("openapi-writes"), FUZZING_ADMIN)
    add_user(cli, "lan", "reader", "confidential")  # someone for the user and token routes to act on
    with serving(archive_settings) as base:
        yield token, base


writes = schemathesis.openapi.from_dict(document()).include(method=["POST", "PATCH", "DELETE"])


@writes.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_state_changing_routes_conform_to_the_document(case, throwaway):
    token, base = throwaway
    # Hypothesis resets Python's global `random` before each example, and the app runs in this process, where
    # Whoosh draws the names of new index segments from it: each example's write would pick the name of the
    # last one's segment, a clash no real server meets. Fresh entropy gives the server its own names again.
    random.seed()
    # Schema-valid requests may rightly be refused here too (a hold on a held record, disposing of records not
    # yet due, a name already taken, text that is no field's value), so that check is left out as above. The
    # multipart upload is fuzzed with the rest: schemathesis sends `files` as file parts.
    headers = {"Authorization": f"Bearer {token}"}
    case.call_and_validate(base_url=base, headers=headers, excluded_checks=[positive_data_acceptance])


def test_what_the_fuzzing_found_is_refused_not_a_server_error(throwaway):
    """Requests schemathesis once got a 500 or a wrong acceptance for: each is now a plain refusal."""
    token, base = throwaway
    api = Http(base, token)
    assert api.post("/api/records/1/hold", body={"reason": [None, None]}).status == 400, "not text: not a reason"
    assert api.delete("/api/records/1/hold", body=[None, None]).status == 400, "no reason given"
    beyond = api.post("/api/retention/dispose", body={"ids": [-(2**90), 2**70], "authority": "Quyết định 12"})
    assert beyond.status == 409 and {r["id"] for r in beyond.json()["refused"]} == {-(2**90), 2**70}
    assert api.post("/api/ocr/reviewed", body={"ids": [2**64]}).status == 404
    assert api.post("/api/users/lan/tokens", body=[None, None]).status == 400
    taken = {"name": "x1", "role": "reader", "clearance": "unclassified", "compartments": None}
    assert api.post("/api/users", body=taken).status == 400, "compartments, when sent, are a list"
    assert api.patch("/api/users/lan", body={"disabled": None}).status == 400
