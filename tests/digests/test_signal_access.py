"""Who reads and who moves a signal: the teams whose cases raised it, the directors over them and
the rule's policy owner read it; the policy owner and those directors move it. Anyone else:
404 (they do not see it); a reader without the right to move it: 403."""

import pytest
from django.urls import reverse

from cases.models import Rule
from digests.models import Signal
from organisations.models import Role
from tests import factories
from tests.digests import test_signals

signal_world = test_signals.signal_world
other_professional = test_signals.other_professional
other_lead = test_signals.other_lead


@pytest.fixture
def third_team(organisation):
    return factories.TeamFactory(organisation=organisation, name="Team West")


def _member(team, role, username):
    return factories.MembershipFactory(team=team, role=role, user__username=username).user


@pytest.fixture
def stranger(third_team):
    """A professional of a team that raised none of the signal's cases."""
    return _member(third_team, Role.PROFESSIONAL, "west")


@pytest.fixture
def third_director(third_team):
    """A director, but only over a team that raised none of the signal's cases."""
    return _member(third_team, Role.DIRECTOR, "westdirecteur")


def _move(client, signal):
    return client.post(
        reverse("digests:signal_move", args=[signal.pk]),
        {"to_state": "under_review", "taken_up_with": "", "reason": ""},
    )


def _state(signal) -> str:
    signal.refresh_from_db()
    return signal.state


def test_the_teams_behind_a_signal_and_their_directors_read_it(
    client, signal_world, professional, lead, director, other_professional, other_lead
):
    signal, _, _ = signal_world
    for person in (professional, lead, director, other_professional, other_lead):
        client.force_login(person)
        assert client.get(signal.get_absolute_url()).status_code == 200
        assert list(client.get(reverse("digests:signals")).context["signals"]) == [signal]


def test_a_team_that_raised_none_of_its_cases_does_not_see_a_signal(
    client, signal_world, stranger, third_director
):
    signal, _, _ = signal_world
    for person in (stranger, third_director):
        client.force_login(person)
        assert client.get(signal.get_absolute_url()).status_code == 404
        assert _move(client, signal).status_code == 404
        response = client.get(reverse("digests:signals"))
        assert list(response.context["signals"]) == []
        assert str(signal.rule) not in response.text
    assert _state(signal) == "open"


def test_a_director_over_a_team_that_raised_it_moves_a_signal(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)
    assert client.get(signal.get_absolute_url()).context["form"] is not None
    assert _move(client, signal).status_code == 302
    assert _state(signal) == "under_review"


def test_professionals_and_leads_read_but_do_not_move_a_signal(
    client, signal_world, professional, lead, other_lead
):
    signal, _, _ = signal_world
    for person in (professional, lead, other_lead):
        client.force_login(person)
        assert client.get(signal.get_absolute_url()).context["form"] is None
        assert _move(client, signal).status_code == 403
    assert _state(signal) == "open"


def test_the_rules_policy_owner_reads_and_moves_its_signal(client, signal_world, nobody):
    signal, noord, zuid = signal_world
    client.force_login(nobody)
    assert client.get(signal.get_absolute_url()).status_code == 404

    Rule.objects.filter(pk=signal.rule_id).update(policy_owner=nobody)
    response = client.get(signal.get_absolute_url())
    assert response.status_code == 200
    assert response.context["visible_cases"] == []  # the signal, not the cases behind it
    assert response.context["hidden_case_count"] == 2
    assert noord.title not in response.text and zuid.title not in response.text
    assert response.context["form"] is not None
    assert _move(client, signal).status_code == 302
    assert _state(signal) == "under_review"


def test_a_policy_department_is_named_on_the_signal(client, signal_world, professional):
    signal, _, _ = signal_world
    Rule.objects.filter(pk=signal.rule_id).update(
        policy_department="Directie Beleid", policy_contact="beleid@example.nl"
    )
    client.force_login(professional)
    response = client.get(signal.get_absolute_url())
    assert "Directie Beleid (beleid@example.nl)" in response.text


def test_the_list_counts_every_case_behind_a_signal_a_team_raised(
    client, signal_world, other_professional
):
    """Reading is decided by a subquery, so the number of cases is not cut to the reader's."""
    client.force_login(other_professional)
    (listed,) = client.get(reverse("digests:signals")).context["signals"]
    assert listed.case_count == 2 == Signal.objects.get().cases.count()
