from unittest import mock

from django.core import mail
from django.urls import reverse

from cases.models import CaseEvent, CaseStatus
from deliberations import services
from deliberations.models import Action, Decision, DecisionKind, Escalation
from organisations.models import Role
from tests.deliberations.fixtures_followup import (
    answer,
    answer_form_data,
    escalate,
    submitted_case,
)
from tests.factories import MembershipFactory


def _url(escalation) -> str:
    return reverse("deliberations:escalation", args=[escalation.pk])


def test_it_lists_only_the_escalations_addressed_to_the_director(
    client, team, other_team, professional, lead, director, other_director
):
    second_director = MembershipFactory(team=team, role=Role.DIRECTOR).user
    other_lead = MembershipFactory(team=other_team, role=Role.LEAD).user
    mine = escalate(submitted_case(team, professional, title="Voor mij"), lead, director)
    answered = escalate(submitted_case(team, professional, title="Beantwoord"), lead, director)
    answer(answered, director)
    not_mine = escalate(submitted_case(team, professional, title="Collega"), lead, second_director)
    elsewhere = escalate(
        submitted_case(other_team, other_lead, title="Ander team"), other_lead, other_director
    )
    client.force_login(director)
    response = client.get(reverse("deliberations:escalations"))
    assert response.status_code == 200
    assert list(response.context["open_escalations"]) == [mine]
    assert list(response.context["answered_escalations"]) == [answered]
    assert _url(mine) in response.text
    assert _url(not_mine) not in response.text
    assert _url(elsewhere) not in response.text


def test_it_refuses_the_inbox_to_someone_who_is_no_director(client, professional, lead):
    for person in (professional, lead):
        client.force_login(person)
        assert client.get(reverse("deliberations:escalations")).status_code == 403


def test_it_offers_the_director_a_decision_form_without_escalate_or_postpone(
    client, team, professional, lead, director
):
    escalation = escalate(submitted_case(team, professional), lead, director)
    client.force_login(director)
    response = client.get(_url(escalation))
    assert response.status_code == 200
    kinds = {value for value, _ in response.context["form"].fields["kind"].choices}
    assert kinds == set(DecisionKind.values) - {"escalate", "postpone"}
    assert escalation.question in response.text
    assert escalation.decision.rationale in response.text
    assert escalation.case.get_absolute_url() in response.text
    assert 'id="answer-form"' in response.text


def test_it_makes_the_directors_answer_the_cases_decision(
    client, team, professional, colleague, lead, director, django_capture_on_commit_callbacks
):
    case = submitted_case(team, professional)
    escalation = escalate(case, lead, director)
    client.force_login(director)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(escalation), answer_form_data(owner=colleague))
    assert response.status_code == 302
    assert response.url == f"{case.get_absolute_url()}#followup"
    decision = Decision.objects.of_case(case)
    assert decision.escalation == escalation
    assert decision.author == director
    assert decision.kind == DecisionKind.DEVIATION
    assert decision.backing is True
    case.refresh_from_db()
    assert case.status == CaseStatus.DECIDED
    escalation.refresh_from_db()
    assert escalation.status == Escalation.Status.ANSWERED
    assert escalation.answered_at is not None
    action = Action.objects.get(decision=decision)
    assert (action.owner, action.description) == (colleague, "Beschikking herzien")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["lead@example.org", "pro@example.org"]
    kinds = list(case.events.values_list("kind", flat=True))
    assert CaseEvent.Kind.ESCALATED in kinds
    assert kinds[-3:] == [
        CaseEvent.Kind.ACTION_ADDED,
        CaseEvent.Kind.ESCALATION_ANSWERED,
        CaseEvent.Kind.STATUS_CHANGED,
    ]
    assert case.events.last().to_status == CaseStatus.DECIDED


def test_it_refuses_a_second_answer_with_a_conflict_message_keeping_the_text(
    client, team, professional, lead, director
):
    escalation = escalate(submitted_case(team, professional), lead, director)
    answer(escalation, director)
    client.force_login(director)
    typed = "Mijn tweede antwoord, dat niet mag overschrijven."
    response = client.post(_url(escalation), answer_form_data(rationale=typed))
    assert response.status_code == 409
    assert typed in response.text
    assert response.context["form"].non_field_errors()
    assert Decision.objects.filter(escalation=escalation).count() == 1
    assert Decision.objects.filter(rationale=typed).count() == 0


def test_it_gives_an_answer_that_loses_the_race_a_conflict_message(
    client, team, professional, lead, director
):
    escalation = escalate(submitted_case(team, professional), lead, director)
    client.force_login(director)
    typed = "Tegelijk met een ander antwoord."
    with mock.patch.object(
        services, "answer_escalation", side_effect=services.ConflictError("answered")
    ):
        response = client.post(_url(escalation), answer_form_data(rationale=typed))
    assert response.status_code == 409
    assert typed in response.text
    assert response.context["form"].non_field_errors()
    assert not Decision.objects.filter(escalation=escalation).exists()


def test_it_keeps_what_was_typed_in_an_incomplete_answer(
    client, team, professional, lead, director
):
    escalation = escalate(submitted_case(team, professional), lead, director)
    client.force_login(director)
    response = client.post(
        _url(escalation),
        answer_form_data(rationale="", values_weighing="Wat ik al had getypt.", evaluate_on=""),
    )
    assert response.status_code == 422
    assert "Wat ik al had getypt." in response.text
    assert set(response.context["form"].errors) >= {"rationale", "evaluate_on"}
    escalation.refresh_from_db()
    assert escalation.status == Escalation.Status.OPEN


def test_it_answers_404_to_a_director_of_another_team(
    client, team, professional, lead, director, other_director
):
    escalation = escalate(submitted_case(team, professional), lead, director)
    client.force_login(other_director)
    assert client.get(_url(escalation)).status_code == 404
    assert client.post(_url(escalation), answer_form_data()).status_code == 404


def test_it_answers_404_to_another_director_of_the_team(client, team, professional, lead, director):
    second_director = MembershipFactory(team=team, role=Role.DIRECTOR).user
    escalation = escalate(submitted_case(team, professional), lead, director)
    client.force_login(second_director)
    assert client.get(_url(escalation)).status_code == 404


def test_it_lets_a_team_professional_read_the_escalation_but_not_answer(
    client, team, professional, colleague, lead, director
):
    escalation = escalate(submitted_case(team, professional), lead, director)
    client.force_login(colleague)
    response = client.get(_url(escalation))
    assert response.status_code == 200
    assert response.context["form"] is None
    assert escalation.question in response.text
    assert 'id="answer-form"' not in response.text
    refused = client.post(_url(escalation), answer_form_data(owner=colleague))
    assert refused.status_code == 403
    assert not Decision.objects.filter(escalation=escalation).exists()


def test_it_shows_the_answer_of_an_answered_escalation(client, team, professional, lead, director):
    escalation = escalate(submitted_case(team, professional), lead, director)
    decision = answer(escalation, director)
    client.force_login(professional)
    response = client.get(_url(escalation))
    assert response.status_code == 200
    assert response.context["answer"] == decision
    assert 'id="escalation-answer"' in response.text


def test_it_refuses_other_methods_on_the_escalation_urls(
    client, team, professional, lead, director
):
    escalation = escalate(submitted_case(team, professional), lead, director)
    client.force_login(director)
    assert client.post(reverse("deliberations:escalations")).status_code == 405
    assert client.put(_url(escalation)).status_code == 405


def test_it_puts_the_inbox_in_a_directors_navigation(client, director, professional):
    client.force_login(director)
    assert reverse("deliberations:escalations") in client.get(reverse("home")).text
    client.force_login(professional)
    assert reverse("deliberations:escalations") not in client.get(reverse("home")).text
