from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deliberations import services
from deliberations.models import Action
from tests.deliberations.fixtures_followup import (
    action_spec,
    answer,
    decide,
    decision_spec,
    escalate,
    submitted_case,
)


def test_it_shows_a_superseded_decision_with_its_correction(client, team, professional, lead):
    case = submitted_case(team, professional)
    old = decide(case, lead, decision_spec("deviation", rationale="Eerst: afwijken."))
    new = services.supersede_decision(
        decision=old,
        author=lead,
        spec=decision_spec("apply_rule", rationale="Toch de regel."),
        reason="De kleinzoon blijkt huur te betalen.",
    )
    client.force_login(professional)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    rows = response.context["followup"].decisions
    assert [row.decision for row in rows] == [new, old]
    assert rows[0].is_current and rows[0].corrects == old
    assert not rows[1].is_current and rows[1].corrected_by == new
    assert f'id="decision-{old.pk}"' in response.text
    assert f'href="#decision-{new.pk}"' in response.text
    assert "Eerst: afwijken." in response.text
    assert "De kleinzoon blijkt huur te betalen." in response.text


def test_it_shows_why_this_case_differs_beside_the_decision(client, team, professional, lead):
    earlier = decide(
        submitted_case(team, professional, title="Eerdere casus"),
        lead,
        decision_spec("apply_rule", rationale="Regel is regel."),
    )
    case = submitted_case(team, professional)
    decision = decide(
        case,
        lead,
        decision_spec(
            compared_with=earlier, difference="Hier woont de kleinzoon er maar tijdelijk."
        ),
    )
    client.force_login(professional)
    response = client.get(case.get_absolute_url())
    row = response.context["followup"].decisions[0]
    assert row.decision == decision and row.compared_case_visible
    assert "Hier woont de kleinzoon er maar tijdelijk." in response.text
    assert earlier.case.get_absolute_url() in response.text


def test_it_shows_the_escalation_and_its_answer_on_the_case_page(
    client, team, professional, lead, director
):
    case = submitted_case(team, professional)
    escalation = escalate(case, lead, director)
    reply = answer(escalation, director)
    client.force_login(professional)
    response = client.get(case.get_absolute_url())
    rows = {row.decision: row for row in response.context["followup"].decisions}
    assert rows[reply].is_current and rows[reply].answers == escalation
    assert rows[escalation.decision].escalation == escalation
    assert rows[escalation.decision].answered_by == reply
    assert escalation.get_absolute_url() in response.text


def test_it_shows_the_done_button_only_to_those_who_may_use_it(
    client, team, professional, colleague, lead, director
):
    case = submitted_case(team, professional)
    decide(case, lead, decision_spec(actions=[action_spec(colleague)]))
    done_url = reverse("deliberations:action_done", args=[Action.objects.get(case=case).pk])
    for person, sees in ((colleague, True), (professional, True), (lead, True), (director, False)):
        client.force_login(person)
        assert (done_url in client.get(case.get_absolute_url()).text) is sees


def test_it_shows_the_outcome_link_only_to_the_author_of_a_decided_case(
    client, team, professional, lead
):
    case = submitted_case(team, professional)
    outcome_url = reverse("deliberations:outcome", args=[case.pk])
    client.force_login(professional)
    assert outcome_url not in client.get(case.get_absolute_url()).text
    decide(case, lead, decision_spec())
    assert outcome_url in client.get(case.get_absolute_url()).text
    client.force_login(lead)
    assert outcome_url not in client.get(case.get_absolute_url()).text


def test_it_keeps_the_case_page_query_count_constant(client, team, professional, colleague, lead):
    case = submitted_case(team, professional)
    first = decide(case, lead, decision_spec(actions=[action_spec(colleague)]))
    client.force_login(professional)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(case.get_absolute_url()).status_code == 200
        return len(queries)

    before = count()
    second = services.supersede_decision(
        decision=first,
        author=lead,
        spec=decision_spec(actions=[action_spec(colleague), action_spec(professional)]),
        reason="Aanvulling.",
    )
    services.supersede_decision(
        decision=second,
        author=lead,
        spec=decision_spec("apply_rule", actions=[action_spec(lead)]),
        reason="Nog een correctie.",
    )
    services.mark_action_done(action=Action.objects.filter(case=case).first(), actor=colleague)
    assert count() == before
