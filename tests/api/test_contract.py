"""The OpenAPI document is valid OpenAPI 3, and every endpoint answers what it describes:
openapi-spec-validator checks the document, openapi-core each response against it."""

import json
import re

import pytest
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_spec_validator import validate

from tests.api.conftest import bearer

RESOURCES = ["teams", "digests", "rules", "signals", "threads", "decisions"]
# openapi-core reads JSON bodies; problem+json is JSON too.
CONFIG = Config(extra_media_type_deserializers={"application/problem+json": json.loads})


@pytest.fixture
def document(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_document_is_valid_openapi_3(document):
    validate(document)
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == "1.0.0"


def test_the_document_is_public_in_json_and_yaml_with_the_same_content(client, document):
    response = client.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi;")
    assert response.content.startswith(b"openapi: 3.0")
    assert yaml.safe_load(response.content) == document
    assert client.get("/api/v1/openapi.json")["Access-Control-Allow-Origin"] == "*"


def test_the_document_describes_every_resource_in_plural_without_trailing_slashes(document):
    expected = {f"/{name}" for name in RESOURCES} | {f"/{name}/{{id}}" for name in RESOURCES}
    assert set(document["paths"]) == expected
    assert document["servers"] == [{"url": "http://testserver/api/v1"}]


def test_the_document_passes_the_design_rules_checks(document):
    """The error-level rules of the API Design Rules' Spectral ruleset (Logius/Geonovum ADR
    linter), checked here without Node: semver, contact, major version in the server address,
    no trailing slashes, kebab-case paths, API-Version on every 2xx/3xx answer, problem+json
    for every 4xx/5xx answer, only standard methods."""
    assert re.fullmatch(r"3\.0\.\d+", document["openapi"])
    assert re.fullmatch(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)", document["info"]["version"])
    assert set(document["info"]["contact"]) >= {"name", "email", "url"}
    assert all(re.search(r"/v\d+", server["url"]) for server in document["servers"])
    for path, operations in document["paths"].items():
        assert not path.endswith("/")
        assert re.fullmatch(r"(/([a-z-]+|\{[a-z]+\}))+", path), path
        assert set(operations) <= {"get", "post", "put", "patch", "delete", "parameters"}
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status[0] in "23":
                    assert "API-Version" in response["headers"], (path, status)
                if status[0] in "45":
                    assert set(response["content"]) == {"application/problem+json"}


def test_every_operation_describes_its_problems_and_the_version_header(document):
    for operations in document["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            for status in ("401", "404", "405", "429", "500"):
                assert "application/problem+json" in responses[status]["content"]
            assert all("API-Version" in response["headers"] for response in responses.values())


def _call_and_check(client, spec, path, token, status=200):
    response = client.get(path, **(bearer(token) if token else {}))
    assert response.status_code == status, response.content
    request = DjangoOpenAPIRequest(response.wsgi_request)
    spec.validate_response(request, DjangoOpenAPIResponse(response))
    return response.json()


def test_every_endpoint_answers_as_described_list_and_detail(client, document, world, org_token):
    spec = OpenAPI.from_dict(document, config=CONFIG)
    checked = []
    for name in RESOURCES:
        listing = _call_and_check(client, spec, f"/api/v1/{name}", org_token)
        assert listing["count"] >= 1, name
        first = listing["results"][0]["id"]
        _call_and_check(client, spec, f"/api/v1/{name}/{first}", org_token)
        checked.append(name)
    assert checked == RESOURCES


def test_the_problems_are_answered_as_described(client, document, world, org_token):
    spec = OpenAPI.from_dict(document, config=CONFIG)
    _call_and_check(client, spec, "/api/v1/digests", None, status=401)
    _call_and_check(client, spec, "/api/v1/digests/999999", org_token, status=404)
    _call_and_check(client, spec, "/api/v1/decisions?since=yesterday", org_token, status=400)


def test_the_rule_figures_count_cases_per_month_and_the_decision_mix(client, world, org_token):
    rule = world["cases"][0].rule
    figures = client.get(f"/api/v1/rules/{rule.pk}", **bearer(org_token)).json()["figures"]
    month = world["cases"][0].submitted_at.astimezone().strftime("%Y-%m")
    assert figures["cases"] == 2
    assert figures["cases_per_month"] == [{"month": month, "cases": 2}]
    assert figures["decision_mix"]["deviation"] == 2
    assert figures["decision_mix"]["apply_rule"] == 0


def test_the_digest_detail_carries_its_figures(client, world, org_token):
    digest = world["digests"][2]
    body = client.get(f"/api/v1/digests/{digest.pk}", **bearer(org_token)).json()
    assert body["team_id"] is None
    assert body["figures"] == json.loads(json.dumps(digest.data))
