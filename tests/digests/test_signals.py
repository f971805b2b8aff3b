"""Signals: one per chafing rule, moved by a director, followed on the signals page and on the
cases behind it."""

import datetime as dt
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.models import Rule
from deliberations import services
from deliberations.models import DecisionKind
from deliberations.services import DecisionSpec
from digests.models import Signal, SignalEvent
from digests.services import NotAllowed, move_signal
from organisations.models import Role
from tests.factories import MembershipFactory, legal_ground


def _member(team, role, username):
    return MembershipFactory(team=team, role=role, user__username=username).user


@pytest.fixture
def other_professional(other_team):
    return _member(other_team, Role.PROFESSIONAL, "zuid")


@pytest.fixture
def other_lead(other_team):
    return _member(other_team, Role.LEAD, "zuidlead")


def bring_case(author, team, rule, title="Kleinzoon logeert bij oma"):
    case, _ = case_services.create_case(
        author=author,
        team=team,
        data={
            "title": title,
            "situation": "Oma ontvangt AOW en AIO; haar kleinzoon studeert en logeert bij haar.",
            "rule": rule,
            "effect": "De kostendelersnorm verlaagt haar AIO.",
            "conflict": "De kleinzoon betaalt geen woonlasten; oma komt niet meer rond.",
            "question": "Laten we de kostendelersnorm buiten toepassing?",
        },
        submit=True,
    )
    return case


def decide_chafing(case, lead):
    """A case consultation decides the case and flags its rule as chafing structurally."""
    meeting = services.plan_meeting(
        team=case.team,
        lead=lead,
        starts_at=timezone.now() + dt.timedelta(hours=1),
        participants=[lead],
        cases=[case],
    )
    services.start_meeting(meeting=meeting, actor=lead)
    return services.record_decision(
        item=meeting.items.get(),
        author=lead,
        spec=DecisionSpec(
            kind=DecisionKind.DEVIATION,
            legal_ground=legal_ground(),
            rationale="De regel is bedoeld voor gedeelde woonlasten; die zijn er niet.",
            rule_chafes=True,
        ),
    )


@pytest.fixture
def signal_world(team, other_team, professional, lead, other_professional, other_lead, rule):
    """One rule flagged by two teams: one signal with both cases."""
    noord = bring_case(professional, team, rule, title="Oma in Noord")
    zuid = bring_case(other_professional, other_team, rule, title="Oma in Zuid")
    decide_chafing(noord, lead)
    decide_chafing(zuid, other_lead)
    return Signal.objects.get(rule=rule), noord, zuid


def _move_url(signal) -> str:
    return reverse("digests:signal_move", args=[signal.pk])


def _state(signal) -> str:
    signal.refresh_from_db()
    return signal.state


def test_two_decisions_flagging_the_same_rule_make_one_signal_with_both_cases(signal_world):
    signal, noord, zuid = signal_world
    assert Signal.objects.count() == 1
    assert set(signal.cases.all()) == {noord, zuid}
    assert signal.state == Signal.State.OPEN
    assert list(signal.events.values_list("from_state", "to_state")) == [("", "open")]


def test_it_lists_every_signal_with_its_rule_state_age_and_number_of_cases(
    client, signal_world, other_professional
):
    signal, _, _ = signal_world
    client.force_login(other_professional)
    response = client.get(reverse("digests:signals"))
    assert response.status_code == 200
    [listed] = response.context["signals"]
    assert listed == signal
    assert listed.case_count == 2
    assert signal.get_absolute_url() in response.text
    assert str(signal.rule) in response.text
    assert f'id="signal-{signal.pk}"' in response.text
    signalled = timezone.localtime(signal.created_at).isoformat(timespec="seconds")[:19]
    assert f'datetime="{signalled}' in response.text


def test_the_signal_list_takes_the_same_number_of_queries_for_more_signals(
    client, django_assert_num_queries, team, professional, lead, rule
):
    decide_chafing(bring_case(professional, team, rule), lead)
    client.force_login(professional)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("digests:signals"))
    for other_rule in Rule.objects.exclude(pk=rule.pk)[:3]:
        decide_chafing(bring_case(professional, team, other_rule, title="Andere regel"), lead)
    assert Signal.objects.count() == 4
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(reverse("digests:signals"))
    assert len(response.context["signals"]) == 4


def test_a_director_moves_a_signal_and_each_move_is_an_event_everyone_behind_it_sees(
    client, signal_world, director, professional, lead, other_professional, other_lead
):
    signal, noord, zuid = signal_world
    client.force_login(director)
    moves = [
        {"to_state": "under_review"},
        {"to_state": "taken_up", "taken_up_with": "Directie Beleid, ministerie van SZW"},
        {"to_state": "changed"},
    ]
    for data in moves:
        response = client.post(_move_url(signal), {"taken_up_with": "", "reason": "", **data})
        assert response.status_code == 302
        assert response.url == signal.get_absolute_url()
        assert _state(signal) == data["to_state"]
    assert signal.taken_up_with == "Directie Beleid, ministerie van SZW"
    events = list(signal.events.values_list("actor", "from_state", "to_state", "note"))
    assert events[1:] == [
        (director.pk, "open", "under_review", ""),
        (director.pk, "under_review", "taken_up", "Directie Beleid, ministerie van SZW"),
        (director.pk, "taken_up", "changed", ""),
    ]

    response = client.get(signal.get_absolute_url())
    assert [event.to_state for event in response.context["events"]] == [
        "open",
        "under_review",
        "taken_up",
        "changed",
    ]
    assert "Directie Beleid, ministerie van SZW" in response.text
    # A changed rule moves no further: no form.
    assert response.context["form"] is None

    response = client.get(reverse("digests:signals"))
    assert response.context["signals"][0].state == "changed"

    for person, case in (
        (professional, noord),
        (lead, noord),
        (other_professional, zuid),
        (other_lead, zuid),
    ):
        client.force_login(person)
        response = client.get(case.get_absolute_url())
        assert response.status_code == 200
        assert response.context["case_signals"] == [signal]
        assert f'id="case-signal-{signal.pk}"' in response.text
        assert signal.get_absolute_url() in response.text
        assert "Directie Beleid, ministerie van SZW" in response.text
        assert len(response.context["case_signals"][0].events.all()) == 4


def test_a_case_without_a_signal_shows_no_signal_section(client, team, professional, rule):
    case = bring_case(professional, team, rule)
    client.force_login(professional)
    response = client.get(case.get_absolute_url())
    assert response.context["case_signals"] == []
    assert 'id="signals"' not in response.text


def test_taken_up_without_with_whom_is_refused_and_keeps_the_text(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)
    response = client.post(
        _move_url(signal),
        {"to_state": "taken_up", "taken_up_with": "  ", "reason": "Besproken in het MT."},
    )
    assert response.status_code == 422
    assert "taken_up_with" in response.context["form"].errors
    assert "Besproken in het MT." in response.text
    assert _state(signal) == "open"
    assert signal.events.count() == 1


def test_declined_without_a_reason_is_refused(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)
    response = client.post(
        _move_url(signal), {"to_state": "declined", "taken_up_with": "", "reason": ""}
    )
    assert response.status_code == 422
    assert "reason" in response.context["form"].errors
    assert _state(signal) == "open"

    response = client.post(
        _move_url(signal),
        {"to_state": "declined", "reason": "De wetgever wil dit uitdrukkelijk zo."},
    )
    assert response.status_code == 302
    assert _state(signal) == "declined"
    assert signal.reason == "De wetgever wil dit uitdrukkelijk zo."
    assert signal.events.last().note == "De wetgever wil dit uitdrukkelijk zo."


def test_changed_straight_from_open_is_refused_with_a_message(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)
    response = client.post(_move_url(signal), {"to_state": "changed"})
    assert response.status_code == 422
    [message] = response.context["form"].errors["to_state"]
    # The message names where the signal can go instead, in the person's language.
    assert str(Signal.State.UNDER_REVIEW.label) in message
    assert message in response.text
    assert _state(signal) == "open"
    assert signal.events.count() == 1


def test_the_move_form_offers_only_the_next_states(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)
    response = client.get(signal.get_absolute_url())
    offered = {value for value, _ in response.context["form"].fields["to_state"].widget.choices}
    assert offered == {"under_review", "taken_up", "declined"}
    assert _move_url(signal) in response.text


def test_a_move_that_lost_a_race_is_refused_and_keeps_the_text(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)

    def someone_else_first(**kwargs):
        move_signal(signal=signal, actor=director, to_state="under_review")
        raise NotAllowed("moved meanwhile")

    with mock.patch("digests.views_signals.services.move_signal", side_effect=someone_else_first):
        response = client.post(
            _move_url(signal), {"to_state": "under_review", "reason": "Mijn toelichting"}
        )
    assert response.status_code == 409
    assert response.context["form"].errors
    assert "Mijn toelichting" in response.text
    assert _state(signal) == "under_review"


def test_the_privacy_guard_checks_the_reason(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)
    response = client.post(
        _move_url(signal), {"to_state": "declined", "reason": "Zie dossier BSN 111222333."}
    )
    assert response.status_code == 422
    assert "reason" in response.context["form"].errors
    assert _state(signal) == "open"


def test_only_a_director_moves_a_signal(client, signal_world, professional, lead):
    signal, _, _ = signal_world
    for person in (professional, lead):
        client.force_login(person)
        response = client.post(_move_url(signal), {"to_state": "under_review"})
        assert response.status_code == 403
        assert client.get(signal.get_absolute_url()).context["form"] is None
    assert _state(signal) == "open"
    assert signal.events.count() == 1


def test_a_person_of_one_team_sees_only_their_own_case_behind_a_signal(
    client, signal_world, other_professional
):
    signal, noord, zuid = signal_world
    client.force_login(other_professional)
    response = client.get(signal.get_absolute_url())
    assert response.status_code == 200
    assert response.context["visible_cases"] == [zuid]
    assert response.context["hidden_case_count"] == 1
    assert zuid.get_absolute_url() in response.text
    assert noord.get_absolute_url() not in response.text
    assert noord.title not in response.text


def test_a_director_sees_the_cases_of_the_teams_they_oversee(client, signal_world, director):
    signal, noord, _ = signal_world
    client.force_login(director)
    response = client.get(signal.get_absolute_url())
    assert response.context["visible_cases"] == [noord]
    assert response.context["hidden_case_count"] == 1


def test_an_unknown_signal_is_404(client, professional):
    client.force_login(professional)
    assert client.get(reverse("digests:signal", args=[999])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, signal_world):
    signal, _, _ = signal_world
    for url in (reverse("digests:signals"), signal.get_absolute_url(), _move_url(signal)):
        response = client.get(url) if not url.endswith("move/") else client.post(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert _state(signal) == "open"


def test_a_move_needs_post(client, signal_world, director):
    signal, _, _ = signal_world
    client.force_login(director)
    assert client.get(_move_url(signal)).status_code == 405
    assert client.post(reverse("digests:signals")).status_code == 405
    assert SignalEvent.objects.count() == 1


def test_the_navigation_leads_everyone_with_a_team_to_signals_and_good_examples(
    client, professional, lead, director
):
    for person in (professional, lead, director):
        client.force_login(person)
        response = client.get(reverse("home"))
        urls = [item["url"] for item in response.context["nav_items"]]
        assert reverse("digests:signals") in urls
        assert reverse("digests:examples") in urls
