"""`/api/openapi.json` describes every JSON route, and schemathesis drives the read routes with a token:
whatever it generates from the document, the answers conform to it and none is a server error."""

from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from archive.ingest import ingest
from tests.conftest import EN_TEXT, VI_TEXT, write
from tests.web.conftest import add_user, serving
from web import create_app
from web.openapi import document


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from archive.config import Settings
    from tests.conftest import Cli

    root = tmp_path_factory.mktemp("openapi")
    archive_settings = Settings(home=root / "home", workers=1)
    write(root / "in" / "a.txt", VI_TEXT)
    write(root / "in" / "b.txt", EN_TEXT)
    ingest(archive_settings, [root / "in"])
    token = add_user(Cli(archive_settings), "admin", "admin", "top_secret")["token"]
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
    # a 400 for those is right, so "schema-valid data must be accepted" is left out; every other check runs.
    headers = {"Authorization": f"Bearer {token}"}
    case.call_and_validate(base_url=base, headers=headers, excluded_checks=[positive_data_acceptance])
