"""The case search behind the digest's numbers (digests:search): every filter, its checks, and a
query count that does not grow with the number of cases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import CaseStatus
from organisations.models import Role
from tests.digests.fixtures_pages import at, make_world
from tests.factories import CaseFactory, MembershipFactory, TeamFactory


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def found(client, world):
    """The names of the cases the search lists for the director of Noord."""
    names = {case.pk: f"c{n}" for n, case in enumerate(world["cases"], start=1)}
    names |= {world["previous"].pk: "previous", world["zuid"].pk: "zuid"}
    client.force_login(world["director"])

    def search(**params) -> set[str]:
        response = client.get(reverse("digests:search"), params)
        assert response.status_code == 200
        return {names.get(case.pk, case.pk) for case in response.context["page"].object_list}

    return search


def test_it_filters_on_the_case(found, world):
    noord = {"previous", "c1", "c2", "c3", "c4", "c5"}
    assert found() == noord
    assert found(team=world["team"].pk) == noord
    assert found(rule=world["r1"].pk) == {"previous", "c1", "c2", "c3"}
    assert found(barrier=world["departments"].pk) == {"c4", "c5"}
    assert found(barrier_kind="internal") == {"c4", "c5"}
    assert found(barrier_kind="external", corner="value") == {"previous", "c1", "c2", "c3"}
    assert found(corner="capacity") == {"c4", "c5"}
    assert found(status=["submitted", "escalated"]) == {"previous", "c3", "c5"}
    assert found(ids=f"{world['cases'][0].pk}, {world['cases'][2].pk}") == {"c1", "c3"}


def test_it_finds_cases_without_a_rule_or_barrier(found, world):
    proposed = CaseFactory(
        team=world["team"],
        author=world["professional"],
        rule=None,
        proposed_rule="Een regel die nog niet in de lijst staat",
        barrier=None,
    )
    assert found(rule="none") == {proposed.pk}
    assert found(barrier="none") == {proposed.pk}


def test_submission_dates_are_inclusive_days_in_local_time(found):
    # c3 was filed at 9:00 and c4 at 10:00 on 4 November, Amsterdam time.
    assert found(submitted_from="2026-11-04", submitted_to="2026-11-04") == {"c3", "c4"}
    assert found(submitted_from="2026-11-02", submitted_to="2026-11-08") == {
        "c1",
        "c2",
        "c3",
        "c4",
        "c5",
    }
    assert found(submitted_to="2026-11-01") == {"previous"}


def test_decided_means_the_first_decision_other_than_postpone_or_escalate(found):
    assert found(decided_from="2026-11-06", decided_to="2026-11-06") == {"c1", "c2", "c4"}
    assert found(decided_from="2026-11-07") == set()


def test_it_filters_on_a_decision_that_was_not_corrected(found, world):
    assert found(decision="postpone") == {"c3"}
    assert found(decision="escalate", decision_from="2026-11-02", decision_to="2026-11-08") == {
        "c5"
    }
    assert found(decision="escalate", decision_to="2026-11-05") == set()
    assert found(value=world["human"].pk) == {"c1", "c4"}
    assert found(value=world["human"].pk, decision="deviation") == {"c1"}


def test_it_filters_on_outcomes(found):
    assert found(outcome="yes") == {"c1"}
    assert found(outcome="partly", outcome_of="room_within_rules") == {"c4"}
    assert found(outcome_of="deviation", outcome="partly") == set()
    assert found(outcome="no") == {"c2"}
    assert found(outcome="no", outcome_from="2026-11-02", outcome_to="2026-11-08") == set()


def test_outcomes_to_evaluate_by_a_date(found):
    # c2 was to be evaluated on 7 November; its outcome came on 12 November.
    assert found(evaluation_due="2026-11-08") == {"c2"}
    assert found(evaluation_due="2026-11-12") == set()
    assert found(evaluation_due="2026-11-06") == set()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"ids": "1,two"}, "ids"),
        ({"ids": "\uff11"}, "ids"),  # a full-width digit
        ({"ids": ",".join(str(n) for n in range(1, 202))}, "ids"),
        ({"submitted_from": "2026-11-08", "submitted_to": "2026-11-02"}, "submitted_to"),
        ({"decided_from": "2026-11-08", "decided_to": "2026-11-02"}, "decided_to"),
        ({"status": "nonsense"}, "status"),
        ({"decision": "nonsense"}, "decision"),
        ({"rule": "999999"}, "rule"),
        ({"submitted_from": "yesterday"}, "submitted_from"),
    ],
)
def test_a_wrong_filter_lists_nothing_and_says_why(client, world, params, field):
    client.force_login(world["director"])
    response = client.get(reverse("digests:search"), params)
    assert response.status_code == 200
    assert list(response.context["filter_form"].errors) == [field]
    assert list(response.context["page"].object_list) == []
    assert f'id="id_{field}_error"' in response.text


def test_200_case_numbers_are_allowed(found, world):
    ids = [world["cases"][0].pk, *range(100_000, 100_199)]
    assert found(ids=",".join(str(pk) for pk in ids)) == {"c1"}


def test_it_shows_the_filters_in_use_and_hides_the_rest(client, world):
    client.force_login(world["director"])
    response = client.get(
        reverse("digests:search"),
        {"decision": "postpone", "decision_from": "2026-11-02", "decision_to": "2026-11-08"},
    )
    shown = [field.name for field in response.context["filter_form"]]
    assert shown == [
        "team",
        "rule",
        "status",
        "submitted_from",
        "submitted_to",
        "decision",
        "decision_from",
        "decision_to",
    ]
    assert len(response.context["applied_filters"]) == 2  # the kind, and the period
    assert response.context["title"]
    assert 'value="2026-11-02"' in response.text


def test_it_keeps_the_filters_across_pages(client, world):
    with at(3):
        CaseFactory.create_batch(
            30, team=world["team"], author=world["professional"], rule=world["r2"]
        )
    client.force_login(world["lead"])
    params = {"rule": world["r2"].pk, "status": ["submitted", "scheduled"]}
    response = client.get(reverse("digests:search"), params)
    assert response.context["page"].paginator.count == 30
    assert f"rule={world['r2'].pk}&amp;status=submitted&amp;status=scheduled&amp;page=2" in (
        response.text
    )
    second = client.get(reverse("digests:search"), {**params, "page": 2})
    assert len(second.context["page"].object_list) == 5


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("digests:search"), params)
    assert response.status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_cases(client, db):
    team = TeamFactory()
    user = MembershipFactory(team=team, role=Role.DIRECTOR).user
    client.force_login(user)
    params = {
        "team": team.pk,
        "status": [CaseStatus.SUBMITTED],
        "submitted_from": "2026-11-01",
        "decided_to": "2026-12-31",
        "decision": "apply_rule",
        "outcome": "yes",
        "evaluation_due": "2026-12-31",
    }
    unfiltered = {"team": team.pk, "submitted_from": "2026-11-01"}
    with at(3):
        CaseFactory.create_batch(3, team=team)
    few = (_queries(client, params), _queries(client, unfiltered))
    with at(4):
        CaseFactory.create_batch(30, team=team)
    many = (_queries(client, params), _queries(client, unfiltered))
    assert few == many
    assert max(many) <= 14
