import pytest
from django.urls import reverse

from cases.models import CaseEvent, CaseStatus
from deliberations import services
from deliberations.models import Action, Outcome
from tests.deliberations.fixtures_followup import (
    action_spec,
    decide,
    decision_spec,
    escalate,
    submitted_case,
)


@pytest.fixture
def decided_case(team, professional, colleague, lead):
    """A case decided with two actions: one for its author, one for a colleague."""
    case = submitted_case(team, professional)
    decide(
        case,
        lead,
        decision_spec(
            actions=[
                action_spec(professional, description="Beschikking herzien"),
                action_spec(colleague, description="Kleinzoon uitnodigen"),
            ]
        ),
    )
    case.refresh_from_db()
    return case


def _done_url(action) -> str:
    return reverse("deliberations:action_done", args=[action.pk])


def _outcome_url(case) -> str:
    return reverse("deliberations:outcome", args=[case.pk])


def _action_of(case, owner) -> Action:
    return Action.objects.get(case=case, owner=owner)


# Actions -----------------------------------------------------------------------------------


def test_it_lets_the_owner_mark_an_action_done(client, decided_case, colleague):
    action = _action_of(decided_case, colleague)
    client.force_login(colleague)
    response = client.post(_done_url(action), {"next": "/"})
    assert response.status_code == 302
    assert response.url == "/"
    action.refresh_from_db()
    assert action.done_at is not None
    assert action.done_by == colleague
    event = decided_case.events.last()
    assert (event.kind, event.actor, event.note) == (
        CaseEvent.Kind.ACTION_DONE,
        colleague,
        "Kleinzoon uitnodigen",
    )


def test_it_lets_the_author_and_the_lead_mark_an_action_done(
    client, decided_case, professional, colleague, lead
):
    for person in (professional, lead):
        action = Action.objects.open().filter(case=decided_case).first()
        client.force_login(person)
        assert client.post(_done_url(action)).status_code == 302
        action.refresh_from_db()
        assert action.done_by == person
    assert not Action.objects.open().filter(case=decided_case).exists()


def test_it_goes_back_to_the_case_when_next_is_not_a_local_path(client, decided_case, colleague):
    action = _action_of(decided_case, colleague)
    client.force_login(colleague)
    for unsafe in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        response = client.post(_done_url(action), {"next": unsafe})
        assert response.url == f"{decided_case.get_absolute_url()}#followup"


def test_it_refuses_get_on_marking_done(client, decided_case, colleague):
    client.force_login(colleague)
    response = client.get(_done_url(_action_of(decided_case, colleague)))
    assert response.status_code == 405
    assert _action_of(decided_case, colleague).done_at is None


def test_it_answers_404_to_someone_from_another_team_marking_done(
    client, decided_case, colleague, outsider
):
    client.force_login(outsider)
    assert client.post(_done_url(_action_of(decided_case, colleague))).status_code == 404
    assert _action_of(decided_case, colleague).done_at is None


def test_it_answers_403_to_a_director_or_a_colleague_marking_done(
    client, decided_case, professional, colleague, director
):
    action = _action_of(decided_case, professional)
    for person in (director, colleague):
        client.force_login(person)
        assert client.post(_done_url(action)).status_code == 403
    action.refresh_from_db()
    assert action.done_at is None


def test_it_changes_nothing_when_a_done_action_is_marked_again(client, decided_case, colleague):
    action = _action_of(decided_case, colleague)
    services.mark_action_done(action=action, actor=colleague)
    events = decided_case.events.count()
    client.force_login(colleague)
    assert client.post(_done_url(action)).status_code == 302
    assert decided_case.events.count() == events


# Outcome -----------------------------------------------------------------------------------


def test_it_closes_the_case_when_the_author_records_the_outcome(client, team, professional, lead):
    case = submitted_case(team, professional)
    decision = decide(case, lead, decision_spec())
    client.force_login(professional)
    assert client.get(_outcome_url(case)).status_code == 200
    response = client.post(_outcome_url(case), {"served": "yes", "note": "Mevrouw komt rond."})
    assert response.status_code == 302
    outcome = Outcome.objects.get(case=case)
    assert (outcome.served, outcome.note, outcome.decision) == (
        "yes",
        "Mevrouw komt rond.",
        decision,
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds[-2:] == [CaseEvent.Kind.OUTCOME_RECORDED, CaseEvent.Kind.CLOSED]


def test_it_keeps_the_case_decided_until_the_last_action_is_done(
    client, decided_case, professional, colleague
):
    client.force_login(professional)
    client.post(_done_url(_action_of(decided_case, professional)))
    client.post(_outcome_url(decided_case), {"served": "partly", "note": "Deels gelukt."})
    decided_case.refresh_from_db()
    assert Outcome.objects.filter(case=decided_case).exists()
    assert decided_case.status == CaseStatus.DECIDED
    client.force_login(colleague)
    client.post(_done_url(_action_of(decided_case, colleague)))
    decided_case.refresh_from_db()
    assert decided_case.status == CaseStatus.CLOSED
    assert decided_case.events.last().kind == CaseEvent.Kind.CLOSED


def test_it_lets_only_the_author_record_the_outcome(
    client, decided_case, colleague, lead, director, outsider
):
    for person in (colleague, lead, director):
        client.force_login(person)
        assert client.get(_outcome_url(decided_case)).status_code == 403
        response = client.post(_outcome_url(decided_case), {"served": "no", "note": "Niet ik."})
        assert response.status_code == 403
    client.force_login(outsider)
    assert client.post(_outcome_url(decided_case), {"served": "no", "note": "x"}).status_code == 404
    assert not Outcome.objects.filter(case=decided_case).exists()


def test_it_refuses_an_outcome_before_the_case_is_decided(
    client, team, professional, lead, director
):
    submitted = submitted_case(team, professional, title="Nog niet besproken")
    escalated = escalate(submitted_case(team, professional), lead, director).case
    client.force_login(professional)
    for case in (submitted, escalated):
        assert client.get(_outcome_url(case)).status_code == 403
    assert not Outcome.objects.exists()


def test_it_keeps_what_was_typed_in_a_bad_outcome(client, decided_case, professional):
    client.force_login(professional)
    missing_served = client.post(_outcome_url(decided_case), {"note": "Wat ik al had getypt."})
    assert missing_served.status_code == 422
    assert "Wat ik al had getypt." in missing_served.text
    assert list(missing_served.context["form"].errors) == ["served"]
    missing_note = client.post(_outcome_url(decided_case), {"served": "partly", "note": ""})
    assert missing_note.status_code == 422
    assert list(missing_note.context["form"].errors) == ["note"]
    assert missing_note.context["form"]["served"].value() == "partly"
    assert not Outcome.objects.filter(case=decided_case).exists()


def test_it_refuses_an_outcome_with_personal_data(client, decided_case, professional):
    client.force_login(professional)
    response = client.post(
        _outcome_url(decided_case), {"served": "yes", "note": "Mail naar a.jansen@example.org"}
    )
    assert response.status_code == 422
    assert "note" in response.context["form"].errors
    assert not Outcome.objects.filter(case=decided_case).exists()


def test_it_stores_no_second_outcome(client, decided_case, professional):
    services.record_outcome(case=decided_case, author=professional, served="yes", note="Eerste.")
    client.force_login(professional)
    response = client.post(_outcome_url(decided_case), {"served": "no", "note": "Tweede."})
    assert response.status_code == 302
    assert Outcome.objects.get(case=decided_case).note == "Eerste."
