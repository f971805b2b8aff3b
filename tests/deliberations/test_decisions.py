import threading
from unittest import mock

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from cases.models import Case, CaseEvent, CaseStatus
from cases.similar import rebuild_index
from deliberations import services
from deliberations.models import Action, AgendaItem, Decision, Escalation
from tests.deliberations.conftest import action, spec
from tests.factories import CaseFactory, legal_ground


@pytest.fixture
def earlier_applied(team, lead, professional, rule):
    """A decided earlier case on the same rule, nearly the same text, where the rule applied."""
    case = CaseFactory(
        team=team,
        author=professional,
        rule=rule,
        title="Casus 1 bis",
        status=CaseStatus.SUBMITTED,
    )
    meeting = services.plan_meeting(
        team=team, lead=lead, starts_at=case.created_at, participants=[], cases=[case]
    )
    services.start_meeting(meeting=meeting, actor=lead)
    decision = services.record_decision(
        item=meeting.items.get(), author=lead, spec=spec("apply_rule", rationale="Regel is regel.")
    )
    services.close_meeting(meeting=meeting, actor=lead)
    rebuild_index()  # as Celery does after cases are saved (on commit, which tests skip)
    return decision


def test_an_opposite_decision_requires_why_this_case_differs(
    client, lead, running_meeting, earlier_applied
):
    item = running_meeting.items.order_by("position").first()
    client.force_login(lead)
    page = client.get(running_meeting.get_absolute_url(), {"item": item.pk})
    assert page.context["earlier"] == earlier_applied
    assert earlier_applied.case.reference in page.text
    base = {
        "kind": "deviation",
        "legal_ground": legal_ground().pk,
        "rationale": "Hier past afwijken.",
        "evaluate_on": "2027-01-01",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    }
    url = reverse("deliberations:decide", args=[item.pk])
    refused = client.post(url, base)
    assert refused.status_code == 422
    assert earlier_applied.case.reference in refused.text
    assert not Decision.objects.filter(agenda_item=item).exists()
    client.post(url, {**base, "difference": "Hier woont de kleinzoon er maar tijdelijk."})
    decision = Decision.objects.get(agenda_item=item)
    assert decision.compared_with == earlier_applied
    assert decision.difference == "Hier woont de kleinzoon er maar tijdelijk."


def test_the_same_direction_needs_no_difference(client, lead, running_meeting, earlier_applied):
    item = running_meeting.items.order_by("position").first()
    client.force_login(lead)
    client.post(
        reverse("deliberations:decide", args=[item.pk]),
        {
            "kind": "apply_rule",
            "rationale": "Zelfde als eerder.",
            "evaluate_on": "2027-01-01",
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert Decision.objects.get(agenda_item=item).difference == ""


def test_a_correction_supersedes_a_frozen_decision_and_keeps_the_old_one(
    client, lead, running_meeting
):
    item = running_meeting.items.order_by("position").first()
    old = services.record_decision(item=item, author=lead, spec=spec("apply_rule"))
    services.close_meeting(meeting=running_meeting, actor=lead, postpone_open=True)
    client.force_login(lead)
    url = reverse("deliberations:correct", args=[old.pk])
    data = {
        "kind": "room_within_rules",
        "legal_ground": legal_ground().pk,
        "rationale": "Toch ruimte gevonden.",
        "evaluate_on": "2027-02-01",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    }
    missing_reason = client.post(url, data)
    assert "Geef aan waarom het besluit wordt gecorrigeerd." in missing_reason.text
    assert "Toch ruimte gevonden." in missing_reason.text
    client.post(url, {**data, "reason": "Nieuwe informatie van de klant"})
    old.refresh_from_db()
    new = old.superseded_by
    assert (
        new.kind == "room_within_rules" and new.supersede_reason == "Nieuwe informatie van de klant"
    )
    assert old.rationale == "Dit dient de bedoeling: mevrouw blijft rondkomen."
    assert Decision.objects.of_case(item.case) == new
    assert item.case.events.filter(kind=CaseEvent.Kind.SUPERSEDED).exists()
    again = client.post(url, {**data, "reason": "Nog eens"})
    assert again.status_code == 302
    assert Decision.objects.filter(supersedes=old).count() == 1


def test_only_frozen_decisions_are_corrected(client, lead, running_meeting):
    item = running_meeting.items.first()
    decision = services.record_decision(item=item, author=lead, spec=spec())
    client.force_login(lead)
    client.post(reverse("deliberations:correct", args=[decision.pk]), {"reason": "x"})
    assert not Decision.objects.filter(supersedes=decision).exists()


def test_the_database_refuses_to_change_or_delete_a_frozen_decision(lead, running_meeting):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL; run with DATABASE_URL set")
    item = running_meeting.items.first()
    decision = services.record_decision(item=item, author=lead, spec=spec())
    services.close_meeting(meeting=running_meeting, actor=lead, postpone_open=True)
    with pytest.raises(DatabaseError, match="frozen decision"), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(rationale="stilletjes veranderd")
    with pytest.raises(DatabaseError, match="frozen decision"), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).delete()
    decision.refresh_from_db()
    assert decision.rationale.startswith("Dit dient de bedoeling")


def test_an_escalation_puts_the_case_in_the_escalated_state(
    lead, director, running_meeting, django_capture_on_commit_callbacks
):
    from django.core import mail

    item = running_meeting.items.first()
    with django_capture_on_commit_callbacks(execute=True):
        services.record_decision(
            item=item,
            author=lead,
            spec=spec("escalate", director=director, question="Mogen we afwijken?"),
        )
    item.case.refresh_from_db()
    assert item.case.status == CaseStatus.ESCALATED
    escalation = Escalation.objects.get()
    assert escalation.director == director and escalation.status == "open"
    assert [m.to for m in mail.outbox] == [["dir@example.org"]]
    assert item.case.events.filter(kind=CaseEvent.Kind.ESCALATED).exists()


def test_a_failure_halfway_leaves_nothing_half_written(lead, professional, running_meeting):
    item = running_meeting.items.first()
    decision_spec = spec(actions=[action(professional), action(professional, description="Twee")])
    original = Action.objects.create

    calls = []

    def fail_on_second(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(**kwargs)

    with (
        mock.patch.object(Action.objects, "create", side_effect=fail_on_second),
        pytest.raises(RuntimeError),
    ):
        services.record_decision(item=item, author=lead, spec=decision_spec)
    assert not Decision.objects.exists()
    assert not Action.objects.exists()
    item.refresh_from_db()
    assert item.state == AgendaItem.State.OPEN
    item.case.refresh_from_db()
    assert item.case.status == CaseStatus.SCHEDULED
    assert not item.case.events.filter(kind__in=["decided", "action_added"]).exists()


def test_closing_fails_atomically(lead, running_meeting):
    from deliberations.models import Meeting

    first = running_meeting.items.order_by("position").first()
    services.record_decision(item=first, author=lead, spec=spec())
    with (
        mock.patch.object(Meeting.objects, "filter", side_effect=RuntimeError("crash")),
        pytest.raises(RuntimeError),
    ):
        services.close_meeting(meeting=running_meeting, actor=lead, postpone_open=True)
    assert not Decision.objects.filter(frozen=True).exists()
    assert AgendaItem.objects.filter(state="open").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_leads_deciding_at_once_store_exactly_one_decision(team, lead, professional):
    if connection.vendor != "postgresql":
        pytest.skip("real concurrency needs PostgreSQL; run with DATABASE_URL set")
    from organisations.models import Role
    from tests.factories import MembershipFactory

    second_lead = MembershipFactory(team=team, role=Role.LEAD, user__username="lead2").user
    # A transactional test: the taxonomies seeded by migration may have been flushed already.
    case = CaseFactory(team=team, author=professional)
    meeting = services.plan_meeting(
        team=team, lead=lead, starts_at=case.created_at, participants=[], cases=[case]
    )
    services.start_meeting(meeting=meeting, actor=lead)
    item = meeting.items.get()
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(author, kind):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.record_decision(item=item, author=author, spec=spec(kind))
            outcomes.append("stored")
        except services.ConflictError:
            outcomes.append("conflict")
        finally:
            thread_connection.close()

    threads = [
        threading.Thread(target=decide, args=(lead, "apply_rule")),
        threading.Thread(target=decide, args=(second_lead, "deviation")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "stored"]
    assert Decision.objects.filter(agenda_item=item).count() == 1
    assert Case.objects.get(pk=case.pk).events.filter(kind="decided").count() == 1


def test_an_uncertain_number_in_an_action_is_confirmed_with_the_decisions_box(
    client, lead, professional, running_meeting
):
    item = running_meeting.items.first()
    client.force_login(lead)
    data = {
        "kind": "deviation",
        "legal_ground": legal_ground().pk,
        "rationale": "Omdat het de bedoeling dient.",
        "evaluate_on": "2027-01-01",
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "0",
        "actions-0-description": "Dossier 111222333 opvragen",
        "actions-0-owner": str(professional.pk),
        "actions-0-due_on": "2026-12-15",
    }
    url = reverse("deliberations:decide", args=[item.pk])
    refused = client.post(url, data)
    assert refused.status_code == 422
    assert 'name="confirm_not_personal_data"' in refused.text
    assert not Decision.objects.exists()
    client.post(url, {**data, "confirm_not_personal_data": "on"})
    assert Decision.objects.get().actions.get().description == "Dossier 111222333 opvragen"


def test_only_the_addressed_director_answers(lead, director, other_director, running_meeting):
    item = running_meeting.items.first()
    services.record_decision(
        item=item, author=lead, spec=spec("escalate", director=director, question="Mag dit?")
    )
    escalation = Escalation.objects.get()
    with pytest.raises(services.InvalidState):
        services.answer_escalation(escalation=escalation, director=other_director, spec=spec())
    services.answer_escalation(escalation=escalation, director=director, spec=spec())
