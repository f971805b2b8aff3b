import datetime as dt

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from deliberations import services
from deliberations.models import Action
from organisations.models import Role
from tests.deliberations.fixtures_followup import (
    action_spec,
    answer,
    decide,
    decision_spec,
    escalate,
    submitted_case,
)
from tests.factories import MembershipFactory

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))
DECIDED_ON = dt.datetime(2026, 3, 2, 10, tzinfo=AMSTERDAM)
TODAY = dt.datetime(2026, 3, 16, 9, tzinfo=AMSTERDAM)


def _home(client, person):
    client.force_login(person)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def test_it_shows_open_actions_to_their_owner_and_the_cases_author(
    client, team, professional, colleague, lead, outsider
):
    case = submitted_case(team, professional)
    decide(case, lead, decision_spec(actions=[action_spec(colleague, description="Bellen")]))
    action = Action.objects.get(case=case)
    done_url = reverse("deliberations:action_done", args=[action.pk])
    for person in (colleague, professional):
        response = _home(client, person)
        assert list(response.context["my_actions"]) == [action]
        assert done_url in response.text
    assert list(_home(client, lead).context["my_actions"]) == []
    assert list(_home(client, outsider).context["my_actions"]) == []


def test_it_marks_an_action_done_from_the_home_page_without_javascript(
    client, team, professional, colleague, lead
):
    case = submitted_case(team, professional)
    decide(case, lead, decision_spec(actions=[action_spec(colleague)]))
    action = Action.objects.get(case=case)
    client.force_login(colleague)
    response = client.post(
        reverse("deliberations:action_done", args=[action.pk]), {"next": reverse("home")}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert list(client.get(reverse("home")).context["my_actions"]) == []


def test_it_shows_cases_whose_outcome_the_author_can_now_record(client, team, professional, lead):
    with time_machine.travel(DECIDED_ON, tick=False):
        due = submitted_case(team, professional, title="Evaluatie is er")
        decide(due, lead, decision_spec(evaluate_on=dt.date(2026, 3, 16)))
        later = submitted_case(team, professional, title="Nog even wachten")
        decide(later, lead, decision_spec(evaluate_on=dt.date(2026, 4, 1)))
        recorded = submitted_case(team, professional, title="Al geevalueerd")
        decide(recorded, lead, decision_spec(evaluate_on=dt.date(2026, 3, 10)))
        services.record_outcome(case=recorded, author=professional, served="yes", note="Goed.")
    with time_machine.travel(TODAY, tick=False):
        response = _home(client, professional)
        assert list(response.context["awaiting_outcome"]) == [due]
        assert reverse("deliberations:outcome", args=[due.pk]) in response.text
        assert list(_home(client, lead).context["awaiting_outcome"]) == []


def test_it_shows_the_leads_next_meeting(client, team, other_team, lead, professional):
    other_lead = MembershipFactory(team=other_team, role=Role.LEAD).user
    now = timezone.now()
    services.plan_meeting(
        team=other_team,
        lead=other_lead,
        starts_at=now + dt.timedelta(days=1),
        participants=[],
        cases=[],
    )
    later = services.plan_meeting(
        team=team, lead=lead, starts_at=now + dt.timedelta(days=14), participants=[], cases=[]
    )
    soon = services.plan_meeting(
        team=team, lead=lead, starts_at=now + dt.timedelta(days=7), participants=[], cases=[]
    )
    response = _home(client, lead)
    assert response.context["next_meeting"] == soon
    assert soon.get_absolute_url() in response.text
    assert later.get_absolute_url() not in response.text
    assert "next_meeting" not in _home(client, professional).context


def test_it_shows_the_directors_open_escalations(client, team, professional, lead, director):
    second_director = MembershipFactory(team=team, role=Role.DIRECTOR).user
    waiting = escalate(submitted_case(team, professional, title="Wacht"), lead, director)
    answered = escalate(submitted_case(team, professional, title="Klaar"), lead, director)
    answer(answered, director)
    escalate(submitted_case(team, professional, title="Ander"), lead, second_director)
    response = _home(client, director)
    assert list(response.context["open_escalations"]) == [waiting]
    assert waiting.get_absolute_url() in response.text
    assert answered.get_absolute_url() not in response.text
    assert "open_escalations" not in _home(client, professional).context


def test_it_keeps_the_home_page_query_count_constant_as_follow_up_grows(
    client, team, professional, colleague, lead, director
):
    def count(person) -> int:
        client.force_login(person)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("home")).status_code == 200
        return len(queries)

    def add_follow_up(title: str) -> None:
        case = submitted_case(team, professional, title=title)
        decide(
            case,
            lead,
            decision_spec(
                evaluate_on=timezone.localdate(),
                actions=[action_spec(professional), action_spec(colleague)],
            ),
        )
        escalate(submitted_case(team, professional, title=f"{title} op"), lead, director)
        services.plan_meeting(
            team=team,
            lead=lead,
            starts_at=timezone.now() + dt.timedelta(days=3),
            participants=[],
            cases=[],
        )

    add_follow_up("Eerste")
    before = {person: count(person) for person in (professional, lead, director)}
    for n in range(3):
        add_follow_up(f"Casus {n}")
    assert {person: count(person) for person in (professional, lead, director)} == before
