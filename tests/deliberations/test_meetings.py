import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from cases.models import Case, CaseStatus
from deliberations import services
from deliberations.models import AgendaItem, Decision, Meeting
from tests.deliberations.conftest import spec
from tests.factories import CaseFactory, legal_ground


def test_a_lead_plans_a_meeting_with_an_ordered_agenda_and_invitations(
    client, lead, team, professional, colleague, submitted_cases, django_capture_on_commit_callbacks
):
    client.force_login(lead)
    page = client.get(reverse("deliberations:create"))
    assert page.status_code == 200
    # Oldest and most urgent first, all preselected.
    assert list(page.context["form"].fields["cases"].queryset) == submitted_cases
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("deliberations:create"),
            {
                "team": team.pk,
                "starts_at": "2026-12-03T10:00",
                "location": "Zaal 3",
                "participants": [lead.pk, professional.pk],
                "cases": [submitted_cases[1].pk, submitted_cases[0].pk],
            },
        )
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.status == Meeting.Status.PLANNED
    assert [item.case for item in meeting.items.order_by("position")] == submitted_cases[:2]
    for case in submitted_cases[:2]:
        case.refresh_from_db()
        assert case.status == CaseStatus.SCHEDULED
        assert case.events.filter(kind="scheduled").exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["lead@example.org", "pro@example.org"]
    assert submitted_cases[0].reference in mail.outbox[0].body
    assert submitted_cases[0].title not in mail.outbox[0].body


def test_a_case_sits_on_one_open_agenda_at_a_time(meeting, team, lead, submitted_cases):
    other = services.plan_meeting(
        team=team, lead=lead, starts_at=meeting.starts_at, participants=[], cases=[]
    )
    with pytest.raises(services.InvalidState):
        services.add_to_agenda(meeting=other, case=submitted_cases[0], actor=lead)
    Case.objects.filter(pk=submitted_cases[0].pk).update(status="submitted")
    with pytest.raises(services.ConflictError):
        services.add_to_agenda(meeting=other, case=submitted_cases[0], actor=lead)


def test_the_agenda_is_reordered_with_buttons_without_javascript(client, lead, meeting):
    first, second = meeting.items.order_by("position")
    client.force_login(lead)
    response = client.post(
        reverse("deliberations:agenda_move", args=[second.pk]), {"direction": "up"}
    )
    assert response.status_code == 302
    assert list(meeting.items.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    client.post(reverse("deliberations:agenda_move", args=[second.pk]), {"direction": "up"})
    assert list(meeting.items.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    page = client.get(meeting.get_absolute_url())
    assert page.text.count('name="direction" value="up"') == 2


def test_removing_an_item_returns_the_case_to_submitted(client, lead, meeting):
    item = meeting.items.order_by("position").first()
    client.force_login(lead)
    client.post(reverse("deliberations:agenda_remove", args=[item.pk]))
    item.case.refresh_from_db()
    assert item.case.status == CaseStatus.SUBMITTED
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    assert list(meeting.items.values_list("position", flat=True)) == [1]


def test_the_live_page_shows_purpose_item_precedents_input_notes_and_decision_form(
    client, lead, running_meeting, organisation
):
    client.force_login(lead)
    response = client.get(running_meeting.get_absolute_url())
    assert response.status_code == 200
    assert organisation.purpose in response.text
    assert response.context["selected"] == running_meeting.items.order_by("position").first()
    assert 'id="item-notes"' in response.text
    assert 'id="decision-form"' in response.text
    assert 'hx-trigger="every 5s"' not in response.text  # the lead's page does not poll


def test_participants_follow_read_only_by_polling(client, professional, running_meeting):
    client.force_login(professional)
    response = client.get(running_meeting.get_absolute_url())
    assert 'hx-trigger="every 5s"' in response.text
    assert 'id="decision-form"' not in response.text
    fragment = client.get(
        running_meeting.get_absolute_url(), {"fragment": "agenda"}, HTTP_HX_REQUEST="true"
    )
    assert fragment.text.lstrip().startswith('<section id="agenda"')


def test_recording_a_decision_with_actions(client, lead, professional, running_meeting):
    item = running_meeting.items.order_by("position").first()
    client.force_login(lead)
    response = client.post(
        reverse("deliberations:decide", args=[item.pk]),
        {
            "kind": "deviation",
            "legal_ground": legal_ground().pk,
            "rationale": "De kleinzoon betaalt niets mee; de norm dient hier geen doel.",
            "backing": "on",
            "rule_chafes": "on",
            "evaluate_on": "2027-03-01",
            "actions-TOTAL_FORMS": "2",
            "actions-INITIAL_FORMS": "0",
            "actions-0-description": "Besluit aan mevrouw uitleggen",
            "actions-0-owner": str(professional.pk),
            "actions-0-due_on": "2026-12-15",
            "actions-1-description": "",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.kind == "deviation" and decision.backing and decision.rule_chafes
    assert decision.actions.get().owner == professional
    item.refresh_from_db()
    assert item.state == AgendaItem.State.DECIDED
    item.case.refresh_from_db()
    assert item.case.status == CaseStatus.DECIDED
    kinds = list(item.case.events.values_list("kind", flat=True))
    assert "decided" in kinds and "action_added" in kinds


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "deviation", "rationale": "", "evaluate_on": "2027-01-01"},
            "Dit veld is verplicht",
        ),
        ({"kind": "deviation", "rationale": "Omdat.", "evaluate_on": ""}, "evalueren"),
        ({"kind": "refer", "rationale": "Omdat.", "evaluate_on": "2027-01-01"}, "naar wie"),
        ({"kind": "escalate", "rationale": "Omdat.", "evaluate_on": "2027-01-01"}, "directeur"),
    ],
)
def test_bad_decisions_get_a_message_and_keep_the_text(
    client, lead, running_meeting, data, message
):
    item = running_meeting.items.first()
    client.force_login(lead)
    post = {
        **data,
        "values_weighing": "Menselijke maat woog zwaarder",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("deliberations:decide", args=[item.pk]), post)
    assert response.status_code == 422
    assert message in response.text
    assert "Menselijke maat woog zwaarder" in response.text
    assert not Decision.objects.exists()


def test_postpone_returns_the_case_to_submitted_without_an_evaluation_date(
    client, lead, running_meeting
):
    item = running_meeting.items.first()
    client.force_login(lead)
    client.post(
        reverse("deliberations:decide", args=[item.pk]),
        {
            "kind": "postpone",
            "rationale": "Eerst informatie van het CAK nodig.",
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    item.case.refresh_from_db()
    assert item.case.status == CaseStatus.SUBMITTED
    item.refresh_from_db()
    assert item.state == AgendaItem.State.POSTPONED


def test_a_second_decision_on_the_same_item_is_a_conflict_that_keeps_the_text(
    client, lead, running_meeting
):
    item = running_meeting.items.first()
    services.record_decision(item=item, author=lead, spec=spec("apply_rule"))
    client.force_login(lead)
    response = client.post(
        reverse("deliberations:decide", args=[item.pk]),
        {
            "kind": "deviation",
            "legal_ground": legal_ground().pk,
            "rationale": "Mijn eigen afweging, niet verloren.",
            "evaluate_on": "2027-01-01",
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 422
    assert "Iemand anders heeft zojuist een besluit" in response.text
    assert "Mijn eigen afweging, niet verloren." in response.text
    assert Decision.objects.count() == 1


def test_closing_with_open_items_asks_what_to_do(client, lead, running_meeting):
    client.force_login(lead)
    response = client.post(reverse("deliberations:close", args=[running_meeting.pk]))
    assert response.status_code == 422
    assert "Sommige punten staan nog open" in response.text
    running_meeting.refresh_from_db()
    assert running_meeting.status == Meeting.Status.IN_PROGRESS
    client.post(
        reverse("deliberations:close", args=[running_meeting.pk]), {"open_items": "keep_open"}
    )
    running_meeting.refresh_from_db()
    assert running_meeting.status == Meeting.Status.IN_PROGRESS


def test_closing_postpones_open_items_freezes_decisions_and_mails_minutes(
    client, lead, running_meeting, django_capture_on_commit_callbacks
):
    first, second = running_meeting.items.order_by("position")
    services.record_decision(item=first, author=lead, spec=spec())
    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("deliberations:close", args=[running_meeting.pk]), {"open_items": "postpone"}
        )
    assert response["Location"] == reverse("deliberations:minutes", args=[running_meeting.pk])
    running_meeting.refresh_from_db()
    assert running_meeting.status == Meeting.Status.CLOSED
    assert all(Decision.objects.values_list("frozen", flat=True))
    second.case.refresh_from_db()
    assert second.case.status == CaseStatus.SUBMITTED
    assert len(mail.outbox) == 3  # lead, professional, colleague (colleague has an address)
    assert reverse("deliberations:minutes", args=[running_meeting.pk]) in mail.outbox[0].body


def test_minutes_are_drafted_during_the_meeting_and_frozen_after(client, lead, running_meeting):
    client.force_login(lead)
    url = reverse("deliberations:minutes_save", args=[running_meeting.pk])
    client.post(url, {"minutes": "Goed gesprek.", "version": running_meeting.version})
    running_meeting.refresh_from_db()
    assert running_meeting.minutes == "Goed gesprek."
    stale = client.post(url, {"minutes": "Oude versie", "version": 1})
    assert stale.status_code == 409
    assert "Oude versie" in stale.text
    services.close_meeting(meeting=running_meeting, actor=lead, postpone_open=True)
    running_meeting.refresh_from_db()
    after = client.post(url, {"minutes": "Te laat", "version": running_meeting.version})
    assert after.status_code == 409
    running_meeting.refresh_from_db()
    assert running_meeting.minutes == "Goed gesprek."


def test_the_minutes_page_lists_attendees_items_decisions_and_actions(
    client, lead, professional, running_meeting
):
    from tests.deliberations.conftest import action

    first = running_meeting.items.order_by("position").first()
    services.record_decision(
        item=first, author=lead, spec=spec(actions=[action(professional, description="Bellen")])
    )
    services.close_meeting(meeting=running_meeting, actor=lead, postpone_open=True)
    client.force_login(professional)
    response = client.get(reverse("deliberations:minutes", args=[running_meeting.pk]))
    assert response.status_code == 200
    text = response.text
    assert escape(professional.get_full_name()) in text  # a name like "van 't Hof" is escaped
    assert escape(first.case.title) in text
    assert "Dit dient de bedoeling" in text
    assert "Bellen" in text


def test_the_calendar_file(client, professional, meeting):
    client.force_login(professional)
    response = client.get(reverse("deliberations:ics", args=[meeting.pk]))
    assert response["Content-Type"] == "text/calendar"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    start = meeting.starts_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}\r\n" in body
    assert "LOCATION:Zaal 3" in body
    assert f"UID:meeting-{meeting.pk}@bedoeling" in body


def test_only_submitted_cases_of_the_team_can_be_added(client, lead, meeting, other_team):
    foreign = CaseFactory(team=other_team)
    client.force_login(lead)
    client.post(reverse("deliberations:agenda_add", args=[meeting.pk]), {"case": foreign.pk})
    assert not meeting.items.filter(case=foreign).exists()
