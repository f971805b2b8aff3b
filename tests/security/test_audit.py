"""The audit log: one JSON line with the BIO's six fields per login, logout, refused access,
decision, correction, escalation, signal move, export and digest build."""

import datetime as dt
import json
import logging

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from deliberations import services
from deliberations.services import DecisionSpec
from digests.services import move_signal
from organisations.audit import JsonFormatter, audit
from tests.factories import PASSWORD, legal_ground
from tests.pages import build_world

SIX = {"who", "what", "when", "where", "object", "result"}
ADDRESS = "10.20.30.40"


@pytest.fixture
def world(db):
    return build_world()


def _only(lines, what):
    found = lines.events(what)
    assert len(found) == 1, (what, lines.lines)
    assert set(found[0]) >= SIX
    return found[0]


def test_a_line_is_json_with_the_six_fields_in_utc(audit_lines, professional):
    moment = dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    with time_machine.travel(moment, tick=False):
        audit("test.event", actor=professional, obj=professional, extra=3)
    (raw,) = audit_lines.lines
    line = json.loads(raw)
    assert set(line) == SIX | {"detail"}
    assert line["who"] == professional.pk
    assert line["what"] == "test.event"
    assert line["when"] == "2026-12-01T09:30:00+00:00"
    assert line["object"] == {"type": "auth.user", "id": professional.pk}
    assert line["result"] == "success"
    assert line["detail"] == {"extra": 3}


def test_the_audit_logger_writes_json_through_the_settings(settings):
    handlers = logging.getLogger("bedoeling.audit").handlers
    assert any(isinstance(handler.formatter, JsonFormatter) for handler in handlers)
    assert logging.getLogger("bedoeling.audit").propagate is False


def test_login_success_failure_and_logout_are_logged_without_the_username(
    client, audit_lines, professional
):
    client.post(reverse("login"), {"username": "pro", "password": "wrong"}, REMOTE_ADDR=ADDRESS)
    client.post(
        reverse("login"), {"username": "nosuchperson", "password": "x"}, REMOTE_ADDR=ADDRESS
    )
    client.post(reverse("login"), {"username": "pro", "password": PASSWORD}, REMOTE_ADDR=ADDRESS)
    client.post(reverse("logout"), REMOTE_ADDR=ADDRESS)
    lines = audit_lines.events("login")
    assert [line["result"] for line in lines] == ["failure", "failure", "success"]
    assert lines[0]["object"] == {"type": "auth.user", "id": professional.pk}
    assert lines[0]["who"] is None
    assert lines[1]["object"] is None
    assert lines[2]["who"] == professional.pk
    assert all(line["where"] == ADDRESS for line in lines)
    logout = _only(audit_lines, "logout")
    assert logout["who"] == professional.pk and logout["where"] == ADDRESS
    assert logout["detail"] == {"reason": "asked"}
    assert not any("pro" in json.loads(raw).get("detail", {}).values() for raw in audit_lines.lines)
    assert "nosuchperson" not in "".join(audit_lines.lines)


def test_a_login_refused_by_the_lock_is_logged_as_refused(
    client, audit_lines, professional, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(reverse("login"), {"username": "pro", "password": "wrong"})
    results = [line["result"] for line in audit_lines.events("login")]
    assert results[-1] == "refused"
    assert results[0] == "failure"


def test_refused_access_to_an_object_is_logged(client, audit_lines, world, outsider):
    client.force_login(outsider)
    case = world["decided"]
    assert client.get(case.get_absolute_url(), REMOTE_ADDR=ADDRESS).status_code == 404
    line = _only(audit_lines, "access")
    assert line["who"] == outsider.pk
    assert line["where"] == ADDRESS
    assert line["result"] == "refused"
    assert line["object"] == {"type": "cases:detail", "id": case.pk}
    assert line["detail"] == {"status": 404, "method": "GET"}


def test_a_forbidden_action_is_logged_with_403(client, audit_lines, world):
    client.force_login(world["professional"])
    response = client.post(reverse("digests:signal_move", args=[world["signal"].pk]), {})
    assert response.status_code == 403
    line = _only(audit_lines, "access")
    assert line["detail"]["status"] == 403
    assert line["object"] == {"type": "digests:signal_move", "id": world["signal"].pk}


def test_a_page_that_is_allowed_writes_no_access_line(client, audit_lines, world):
    client.force_login(world["professional"])
    assert client.get(world["decided"].get_absolute_url()).status_code == 200
    assert audit_lines.events("access") == []


def test_decisions_escalations_and_digest_builds_are_logged(audit_lines, db):
    world = build_world()
    decisions = audit_lines.events("decision")
    assert {line["object"]["id"] for line in decisions} == {
        world["decision"].pk,
        world["escalation"].decision_id,
    }
    assert {line["detail"]["kind"] for line in decisions} == {"deviation", "escalate"}
    assert all(line["who"] == world["lead"].pk for line in decisions)
    escalation = _only(audit_lines, "escalation")
    assert escalation["object"] == {
        "type": "deliberations.escalation",
        "id": world["escalation"].pk,
    }
    assert escalation["detail"]["director"] == world["director"].pk
    builds = audit_lines.events("digest.build")
    assert {line["object"]["id"] for line in builds} == {
        world["team_digest"].pk,
        world["org_digest"].pk,
    }


def test_a_correction_and_an_escalation_answer_are_logged(audit_lines, world):
    new = services.supersede_decision(
        decision=world["decision"],
        author=world["lead"],
        spec=DecisionSpec(
            kind="apply_rule",
            rationale="Toch de norm.",
            evaluate_on=timezone.localdate() + dt.timedelta(days=30),
        ),
        reason="Nieuwe informatie.",
    )
    correction = _only(audit_lines, "correction")
    assert correction["object"] == {"type": "deliberations.decision", "id": new.pk}
    assert correction["detail"]["supersedes"] == world["decision"].pk
    answer = services.answer_escalation(
        escalation=world["escalation"],
        director=world["director"],
        spec=DecisionSpec(
            kind="deviation",
            legal_ground=legal_ground(),
            rationale="Downloads gelden.",
            evaluate_on=timezone.localdate() + dt.timedelta(days=30),
        ),
    )
    line = _only(audit_lines, "escalation.answer")
    assert line["who"] == world["director"].pk
    assert line["detail"] == {"decision": answer.pk}


def test_a_signal_move_through_the_page_is_logged_with_its_address(client, audit_lines, world):
    signal = world["signal"]
    client.force_login(world["director"])
    response = client.post(
        reverse("digests:signal_move", args=[signal.pk]),
        {"to_state": "under_review"},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    line = _only(audit_lines, "signal.move")
    assert line["who"] == world["director"].pk
    assert line["where"] == ADDRESS
    assert line["object"] == {"type": "digests.signal", "id": signal.pk}
    assert line["detail"] == {"from_state": "open", "to_state": "under_review"}


def test_a_signal_move_outside_a_request_has_no_address(audit_lines, world):
    move_signal(signal=world["signal"], actor=world["director"], to_state="under_review")
    assert _only(audit_lines, "signal.move")["where"] is None


def test_exports_are_logged(client, audit_lines, world):
    client.force_login(world["director"])
    digest = world["team_digest"]
    response = client.get(reverse("digests:export", args=[digest.pk, "rules"]))
    assert response.status_code == 200
    line = _only(audit_lines, "export.csv")
    assert line["object"] == {"type": "digests.digest", "id": digest.pk}
    assert line["detail"] == {"table": "rules"}
    client.force_login(world["lead"])
    assert client.get(reverse("deliberations:ics", args=[world["planned"].pk])).status_code == 200
    line = _only(audit_lines, "export.ics")
    assert line["object"] == {"type": "deliberations.meeting", "id": world["planned"].pk}
    assert line["who"] == world["lead"].pk
