"""What the one way through the code guarantees: the guard in every service that stores text,
the lifecycle as the only writer of a case's status, and a timeline that cannot break a page."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from cases import lifecycle
from cases import services as case_services
from cases.guard import PersonalDataRefused
from cases.models import CaseEvent, CaseStatus
from deliberations import services
from deliberations.models import Decision, Outcome
from tests.deliberations.conftest import action, spec
from tests.factories import legal_ground

BSN_WITH_CUE = "BSN 111222333"
IBAN = "NL91ABNA0417164300"
UNCERTAIN = "Het dossiernummer bij de rechtbank is 111222333."


@pytest.fixture
def frozen_decision(running_meeting, lead):
    item = running_meeting.items.order_by("position").first()
    decision = services.record_decision(item=item, author=lead, spec=spec("apply_rule"))
    for other in running_meeting.items.exclude(pk=item.pk):
        services.record_decision(item=other, author=lead, spec=spec("postpone", evaluate_on=None))
    services.close_meeting(meeting=running_meeting, actor=lead)
    decision.refresh_from_db()
    return decision


# The guard in the services -----------------------------------------------------------------


def test_a_correction_reason_with_a_bsn_or_an_iban_is_refused(frozen_decision, lead):
    for reason in (f"Nieuwe info over {BSN_WITH_CUE}", f"Rekening {IBAN} klopte niet"):
        with pytest.raises(PersonalDataRefused) as refused:
            services.supersede_decision(
                decision=frozen_decision, author=lead, spec=spec("deviation"), reason=reason
            )
        assert list(refused.value.message_dict) == ["reason"]
    assert not Decision.objects.filter(supersedes=frozen_decision).exists()
    assert not CaseEvent.objects.filter(note__contains="111222333").exists()
    assert not CaseEvent.objects.filter(note__contains=IBAN).exists()


def test_the_correction_page_shows_the_refusal_at_the_reason_and_keeps_the_text(
    client, frozen_decision, lead
):
    client.force_login(lead)
    reason = f"Nieuwe info over {BSN_WITH_CUE}"
    response = client.post(
        reverse("deliberations:correct", args=[frozen_decision.pk]),
        {
            "kind": "deviation",
            "legal_ground": legal_ground().pk,
            "rationale": "Toch afwijken.",
            "evaluate_on": "2027-02-01",
            "reason": reason,
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 422
    assert "burgerservicenummer" in response.text
    assert reason in response.text and "Toch afwijken." in response.text
    assert not Decision.objects.filter(supersedes=frozen_decision).exists()


def test_an_action_description_with_an_iban_is_refused_in_the_service(running_meeting, lead):
    item = running_meeting.items.first()
    with pytest.raises(PersonalDataRefused) as refused:
        services.record_decision(
            item=item,
            author=lead,
            spec=spec("deviation", actions=[action(lead, description=f"Betaal op {IBAN}")]),
        )
    assert list(refused.value.message_dict) == ["actions.0.description"]
    assert not Decision.objects.exists()


def test_a_confirmed_uncertain_number_in_a_decision_goes_on_the_timeline(running_meeting, lead):
    item = running_meeting.items.first()
    with pytest.raises(PersonalDataRefused) as refused:
        services.record_decision(item=item, author=lead, spec=spec(rationale=UNCERTAIN))
    assert refused.value.needs_confirmation
    services.record_decision(item=item, author=lead, spec=spec(rationale=UNCERTAIN), confirmed=True)
    event = item.case.events.get(kind=CaseEvent.Kind.PRIVACY_CONFIRMED)
    assert event.fields == ["deliberations.decision.rationale"]
    assert "111222333" not in event.note
    assert event.field_labels() == ["Onderbouwing"]


@pytest.mark.parametrize("where", ["notes", "minutes"])
def test_notes_and_minutes_with_an_uncertain_number_ask_for_a_confirmation(
    client, running_meeting, lead, where
):
    item = running_meeting.items.first()
    client.force_login(lead)
    if where == "notes":
        url = reverse("deliberations:notes", args=[item.pk])
        data = {"notes": UNCERTAIN}
    else:
        url = reverse("deliberations:minutes_save", args=[running_meeting.pk])
        data = {"minutes": UNCERTAIN, "version": running_meeting.version}
    asked = client.post(url, data)
    assert asked.status_code == 422
    assert "zou kunnen zijn" in asked.text
    assert 'name="confirm_not_personal_data"' in asked.text
    assert UNCERTAIN in asked.text  # nothing typed is lost
    item.refresh_from_db()
    running_meeting.refresh_from_db()
    assert item.notes == "" and running_meeting.minutes == ""
    saved = client.post(url, {**data, "confirm_not_personal_data": "on"})
    assert saved.status_code == 302
    item.refresh_from_db()
    running_meeting.refresh_from_db()
    assert UNCERTAIN in (item.notes if where == "notes" else running_meeting.minutes)
    assert item.case.events.filter(kind=CaseEvent.Kind.PRIVACY_CONFIRMED).exists()


@pytest.mark.parametrize("where", ["notes", "minutes"])
def test_notes_and_minutes_with_a_bsn_are_refused(client, running_meeting, lead, where):
    item = running_meeting.items.first()
    client.force_login(lead)
    if where == "notes":
        response = client.post(
            reverse("deliberations:notes", args=[item.pk]),
            {"notes": BSN_WITH_CUE, "confirm_not_personal_data": "on"},
        )
    else:
        response = client.post(
            reverse("deliberations:minutes_save", args=[running_meeting.pk]),
            {
                "minutes": BSN_WITH_CUE,
                "version": running_meeting.version,
                "confirm_not_personal_data": "on",
            },
        )
    assert response.status_code == 422
    assert "burgerservicenummer" in response.text
    item.refresh_from_db()
    running_meeting.refresh_from_db()
    assert item.notes == "" and running_meeting.minutes == ""


# A timeline that cannot break the case page ------------------------------------------------


def test_a_case_with_a_confirmed_number_in_a_comment_renders_for_everyone(
    client, submitted_cases, professional, colleague, lead, director
):
    case = submitted_cases[0]
    case_services.add_comment(case=case, author=colleague, text=UNCERTAIN, confirmed=True)
    event = case.events.get(kind=CaseEvent.Kind.PRIVACY_CONFIRMED)
    assert event.fields == ["cases.comment.text"]
    for person in (professional, colleague, lead, director):
        client.force_login(person)
        page = client.get(case.get_absolute_url())
        assert page.status_code == 200
        assert "Uw inbreng" in page.text  # the field's label on the timeline


def test_an_event_naming_a_field_that_no_longer_exists_still_renders(
    client, submitted_cases, professional
):
    case = submitted_cases[0]
    case_services.add_event(case, professional, CaseEvent.Kind.PRIVACY_CONFIRMED, fields=["gone"])
    client.force_login(professional)
    assert client.get(case.get_absolute_url()).status_code == 200


def test_timeline_events_cannot_be_changed_or_deleted_in_bulk(submitted_cases):
    events = CaseEvent.objects.filter(case=submitted_cases[0])
    with pytest.raises(TypeError):
        events.update(note="rewritten")
    with pytest.raises(TypeError):
        events.delete()


# One lifecycle ------------------------------------------------------------------------------


def test_a_status_change_outside_the_transition_table_raises(submitted_cases, lead, professional):
    case = submitted_cases[0]
    assert case.status == CaseStatus.SUBMITTED
    with pytest.raises(lifecycle.InvalidTransition):
        lifecycle.decide_case(case, lead)  # submitted -> decided skips the agenda
    with pytest.raises(lifecycle.InvalidTransition):
        lifecycle.close_case(case, lead)
    with pytest.raises(lifecycle.InvalidTransition):
        lifecycle.schedule_case(case, professional, meeting_id=1)  # only a lead schedules
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert not case.events.filter(kind=CaseEvent.Kind.DECIDED).exists()


def test_every_move_in_the_table_starts_and_ends_in_a_known_status():
    statuses = set(CaseStatus.values)
    for move in lifecycle.MOVES.values():
        assert move.sources <= statuses and move.target in statuses


def test_correcting_a_closed_cases_decision_is_refused_and_the_case_stays_closed(
    client, frozen_decision, lead, professional
):
    case = frozen_decision.case
    services.record_outcome(case=case, author=professional, served="yes", note="Het hielp.")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    with pytest.raises(services.InvalidState):
        services.supersede_decision(
            decision=frozen_decision, author=lead, spec=spec("deviation"), reason="Toch anders"
        )
    client.force_login(lead)
    response = client.get(reverse("deliberations:correct", args=[frozen_decision.pk]), follow=True)
    assert "Deze casus is afgesloten" in response.text
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert Outcome.objects.get(case=case).decision == frozen_decision
    assert Decision.objects.of_case(case) == frozen_decision


def test_an_escalation_is_not_the_cases_decision(running_meeting, lead, director):
    item = running_meeting.items.first()
    services.record_decision(
        item=item,
        author=lead,
        spec=spec("escalate", director=director, question="Mag dit?", evaluate_on=None),
    )
    assert Decision.objects.of_case(item.case) is None


def test_an_escalation_goes_only_to_a_director_of_the_team(running_meeting, lead, other_director):
    item = running_meeting.items.first()
    with pytest.raises(services.InvalidState):
        services.record_decision(
            item=item,
            author=lead,
            spec=spec("escalate", director=other_director, question="Mag dit?", evaluate_on=None),
        )


# Attendance and mails in one's own language -------------------------------------------------


def test_the_chair_records_who_was_present_and_the_minutes_say_so(
    client, running_meeting, lead, professional, colleague
):
    client.force_login(lead)
    page = client.get(running_meeting.get_absolute_url())
    assert 'id="attendance"' in page.text
    response = client.post(
        reverse("deliberations:attendance", args=[running_meeting.pk]),
        {"attendees": [lead.pk, professional.pk]},
    )
    assert response.status_code == 302
    assert set(running_meeting.attendees.all()) == {lead, professional}
    minutes = client.get(reverse("deliberations:minutes", args=[running_meeting.pk]))
    present = minutes.text.split('id="minutes-present">')[1].split("</p>")[0]
    invited = minutes.text.split('id="minutes-invited">')[1].split("</p>")[0]
    name = escape(colleague.get_full_name())
    assert name not in present and name in invited
    assert escape(professional.get_full_name()) in present


def test_attendance_is_only_recorded_while_the_meeting_runs_and_by_its_chair(
    client, meeting, lead, professional, outsider
):
    with pytest.raises(services.InvalidState):
        services.record_attendance(meeting=meeting, actor=lead, attendees=[lead])
    services.start_meeting(meeting=meeting, actor=lead)
    with pytest.raises(services.InvalidState):
        services.record_attendance(meeting=meeting, actor=lead, attendees=[outsider])
    client.force_login(professional)
    url = reverse("deliberations:attendance", args=[meeting.pk])
    assert client.post(url, {"attendees": [professional.pk]}).status_code == 403
    client.force_login(outsider)
    assert client.post(url, {"attendees": [outsider.pk]}).status_code == 404


def test_mails_go_out_in_the_language_each_person_chose(
    client, meeting, lead, professional, django_capture_on_commit_callbacks
):
    from django.core import mail

    client.force_login(professional)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert professional.preference.language == "en"
    mail.outbox.clear()
    from deliberations.tasks import send_meeting_invitations

    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_invitations(meeting.pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    english, dutch = by_address[professional.email], by_address[lead.email]
    assert english.subject != dutch.subject
    assert "consultation" in english.subject.lower()
    assert "casusoverleg" in dutch.subject.lower()
