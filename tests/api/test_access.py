"""Who reads what: a token sees what its teams see on the pages, nothing without a valid token,
every error as problem+json, every call on the audit log, and no personal data or free text."""

import datetime as dt
import json
import logging

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.models import ApiToken, hash_key
from organisations.audit import JsonFormatter
from tests.api.conftest import SECRET_WORDS, bearer, bring_case, decide
from tests.factories import ApiTokenFactory

PROBLEM = "application/problem+json"


def _problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["type"] == "about:blank"
    return body


def _ids(client, path, token):
    response = client.get(path, **bearer(token))
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


# Without a valid token ------------------------------------------------------------------------


def test_it_refuses_a_call_without_a_token_with_401_problem(client, world):
    response = client.get("/api/v1/decisions")
    _problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_it_refuses_an_unknown_token(client, world, org_token):
    response = client.get("/api/v1/decisions", HTTP_AUTHORIZATION=f"Bearer {org_token.key}x")
    _problem(response, 401)


def test_it_refuses_a_token_after_its_expiry(client, world, org_token):
    assert client.get("/api/v1/decisions", **bearer(org_token)).status_code == 200
    with time_machine.travel(org_token.expires_at + dt.timedelta(seconds=1)):
        _problem(client.get("/api/v1/decisions", **bearer(org_token)), 401)


def test_it_refuses_a_revoked_token(client, world, org_token):
    org_token.revoked_at = timezone.now()
    org_token.save(update_fields=["revoked_at"])
    _problem(client.get("/api/v1/decisions", **bearer(org_token)), 401)


def test_it_stores_only_a_hash_of_the_token(org_token):
    stored = ApiToken.objects.get(pk=org_token.pk)
    assert org_token.key not in {stored.key_hash, stored.key_hint}
    assert stored.key_hash == hash_key(org_token.key)


# Scope: the teams' view of the pages ----------------------------------------------------------


def test_a_team_token_sees_its_teams_decisions_and_not_the_other_teams(
    client, world, noord_token, zuid_token, org_token
):
    noord, zuid = world["decisions"]
    assert _ids(client, "/api/v1/decisions", noord_token) == {noord.pk}
    assert _ids(client, "/api/v1/decisions", zuid_token) == {zuid.pk}
    assert _ids(client, "/api/v1/decisions", org_token) == {noord.pk, zuid.pk}
    _problem(client.get(f"/api/v1/decisions/{zuid.pk}", **bearer(noord_token)), 404)


def test_a_team_token_sees_its_teams_digests_but_not_the_organisations(
    client, world, noord_token, org_token
):
    noord, zuid, organisation = world["digests"]
    assert _ids(client, "/api/v1/digests", noord_token) == {noord.pk}
    assert _ids(client, "/api/v1/digests", org_token) == {noord.pk, zuid.pk, organisation.pk}
    for hidden in (zuid, organisation):
        _problem(client.get(f"/api/v1/digests/{hidden.pk}", **bearer(noord_token)), 404)


def test_a_team_token_sees_the_signal_with_only_its_teams_cases(
    client, world, noord_token, org_token
):
    signal = world["signal"]
    noord, zuid = world["cases"]
    mine = client.get(f"/api/v1/signals/{signal.pk}", **bearer(noord_token)).json()
    everything = client.get(f"/api/v1/signals/{signal.pk}", **bearer(org_token)).json()
    assert mine["case_ids"] == [noord.pk]
    assert everything["case_ids"] == sorted([noord.pk, zuid.pk])
    assert mine["state"] == "open"
    assert [event["to_state"] for event in mine["events"]] == ["open"]


def test_a_team_token_counts_only_its_teams_cases_in_a_rules_figures(client, world, noord_token):
    rule = world["cases"][0].rule
    figures = client.get(f"/api/v1/rules/{rule.pk}", **bearer(noord_token)).json()["figures"]
    assert figures["cases"] == 1
    assert figures["decision_mix"]["deviation"] == 1


def test_a_team_token_lists_only_its_teams(client, world, team, other_team, noord_token):
    assert _ids(client, "/api/v1/teams", noord_token) == {team.pk}
    _problem(client.get(f"/api/v1/teams/{other_team.pk}", **bearer(noord_token)), 404)


def test_a_token_of_another_organisation_sees_nothing_of_this_one(client, world):
    stranger = ApiTokenFactory(organisation__name="Gemeente Elders")
    assert _ids(client, "/api/v1/decisions", stranger) == set()
    assert _ids(client, "/api/v1/digests", stranger) == set()


def test_drafts_are_never_counted_or_listed(client, world, team, professional, org_token, rule):
    before = client.get(f"/api/v1/rules/{rule.pk}", **bearer(org_token)).json()["figures"]
    draft = bring_case(professional, team, rule, "Nog een concept")
    draft.status = "draft"
    draft.save(update_fields=["status"])
    after = client.get(f"/api/v1/rules/{rule.pk}", **bearer(org_token)).json()["figures"]
    assert after["cases"] == before["cases"]


# The Design Rules' answers ---------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_it_is_read_only_405_problem(client, world, org_token, method):
    decision = world["decisions"][0]
    for path in ("/api/v1/decisions", f"/api/v1/decisions/{decision.pk}"):
        response = getattr(client, method)(path, data={}, **bearer(org_token))
        _problem(response, 405)
        assert "GET" in response["Allow"]


def test_an_unknown_address_is_404_problem_token_or_not(client, world, org_token):
    _problem(client.get("/api/v1/cases", **bearer(org_token)), 404)
    _problem(client.get("/api/v1/decisions/not-a-number", **bearer(org_token)), 404)
    _problem(client.get("/api/v1/nowhere"), 404)


def test_a_wrong_parameter_is_400_problem_naming_it(client, world, org_token):
    body = _problem(client.get("/api/v1/decisions?since=gisteren", **bearer(org_token)), 400)
    assert [param["name"] for param in body["invalid_params"]] == ["since"]
    body = _problem(client.get("/api/v1/decisions?kind=guess", **bearer(org_token)), 400)
    assert [param["name"] for param in body["invalid_params"]] == ["kind"]


def test_the_decision_list_filters_by_day_and_kind(client, world, org_token):
    today = timezone.localdate()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    both = {decision.pk for decision in world["decisions"]}
    assert _ids(client, f"/api/v1/decisions?since={today}&until={today}", org_token) == both
    assert _ids(client, f"/api/v1/decisions?since={tomorrow}", org_token) == set()
    assert _ids(client, "/api/v1/decisions?kind=apply_rule", org_token) == set()


@override_settings(BEDOELING_API_RATE="2/min")
def test_too_many_calls_are_429_problem_with_retry_after(client, world, org_token):
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):
        assert client.get("/api/v1/teams", **bearer(org_token)).status_code == 200
    response = client.get("/api/v1/teams", **bearer(org_token))
    _problem(response, 429)
    assert int(response["Retry-After"]) > 0
    cache.clear()


def test_an_unexpected_failure_is_500_problem_without_details(
    client, world, org_token, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr("api.views.rule_figures", broken)
    rule = world["cases"][0].rule
    body = _problem(client.get(f"/api/v1/rules/{rule.pk}", **bearer(org_token)), 500)
    assert "fire" not in json.dumps(body)


def test_every_answer_carries_the_full_api_version(client, world, org_token):
    for path in ("/api/v1/decisions", "/api/v1/nowhere", "/api/v1/openapi.json"):
        assert client.get(path, **bearer(org_token))["API-Version"] == "1.0.0"
    assert client.get("/api/v1/decisions")["API-Version"] == "1.0.0"


def test_every_call_is_on_the_audit_log(client, world, org_token, caplog):
    with caplog.at_level(logging.INFO, logger="bedoeling.audit"):
        client.get("/api/v1/decisions?kind=deviation", **bearer(org_token))
        client.get("/api/v1/digests")
    lines = [
        json.loads(JsonFormatter().format(r))
        for r in caplog.records
        if r.name == "bedoeling.audit" and hasattr(r, "audit")
    ]
    assert [(line["who"], line["object"]["id"], line["result"]) for line in lines] == [
        (f"api-token:{org_token.pk}", "/api/v1/decisions", "200"),
        (None, "/api/v1/digests", "401"),
    ]
    assert all(line["when"].endswith("+00:00") and line["what"] == "api.get" for line in lines)


def test_no_personal_data_or_free_text_leaves_through_the_api(client, world, org_token):
    noord, _zuid = world["cases"]
    bodies = []
    for name in ("teams", "digests", "rules", "signals", "threads", "decisions"):
        listing = client.get(f"/api/v1/{name}", **bearer(org_token)).json()
        bodies.append(listing)
        for row in listing["results"]:
            bodies.append(client.get(f"/api/v1/{name}/{row['id']}", **bearer(org_token)).json())
    everything = json.dumps(bodies)
    for person in (noord.author, world["decisions"][0].author):
        for detail in (person.username, person.first_name, person.last_name, person.email):
            assert f'"{detail}"' not in everything
    for text in (SECRET_WORDS, noord.title, noord.situation, world["decisions"][0].rationale):
        assert text not in everything
    assert world["value"].pk in bodies[-1]["value_ids"]


def test_the_lists_take_the_same_number_of_queries_however_many_rows(
    client, world, org_token, team, professional, lead, rule
):
    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path, **bearer(org_token)).status_code == 200
        return len(captured)

    paths = ["/api/v1/decisions", "/api/v1/signals", "/api/v1/digests", "/api/v1/rules"]
    before = [queries(path) for path in paths]
    for title in ("Opa in Noord", "Tante in Noord"):
        decide(bring_case(professional, team, rule, title), lead, world["value"])
    assert [queries(path) for path in paths] == before


def test_the_problems_speak_the_callers_language(client, world, org_token):
    dutch = client.get("/api/v1/decisions", HTTP_ACCEPT_LANGUAGE="nl").json()
    english = client.get("/api/v1/decisions", HTTP_ACCEPT_LANGUAGE="en").json()
    assert dutch["detail"].startswith("Deze API vraagt om een token")
    assert english["detail"].startswith("This API needs a token")
    wrong = client.get(
        "/api/v1/decisions?since=gisteren", HTTP_ACCEPT_LANGUAGE="nl", **bearer(org_token)
    )
    assert wrong.json()["invalid_params"] == [
        {"name": "since", "reason": "Geef een datum als JJJJ-MM-DD."}
    ]


def test_threads_are_the_confirmed_ones_with_only_the_tokens_own_cases(
    client, world, org_token, noord_token, zuid_token, team, other_team
):
    noord, zuid = world["cases"]
    thread = world["thread"]

    def listed(token):
        body = client.get("/api/v1/threads", **bearer(token)).json()
        return [(row["id"], row["case_ids"], row["team_ids"]) for row in body["results"]]

    assert listed(org_token) == [(thread.pk, sorted([noord.pk, zuid.pk]), [team.pk, other_team.pk])]
    assert listed(noord_token) == [(thread.pk, [noord.pk], [team.pk])]
    assert listed(zuid_token) == [(thread.pk, [zuid.pk], [other_team.pk])]
    detail = client.get(f"/api/v1/threads/{thread.pk}", **bearer(noord_token)).json()
    assert detail["name"] == "Kleinkind woont tijdelijk in"
    assert sum(month["cases"] for month in detail["months"]) == 1
    assert "description" not in detail and SECRET_WORDS not in json.dumps(detail)
    # A machine proposal nobody confirmed is not a thread yet.
    proposal = client.get(f"/api/v1/threads/{world['proposal'].pk}", **bearer(org_token))
    assert proposal.status_code == 404
