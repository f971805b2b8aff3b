"""Signals that come back: every state change of a signal is an event on the timeline of each
case behind it and a mail to each case's author and its team's leads; the case page says in one
line what became of it."""

import pytest
from django.core import mail
from django.utils.html import escape

from cases.models import CaseEvent
from digests.models import Signal
from digests.services import move_signal
from organisations.models import Membership, Role, remember_language
from tests.digests.test_signals import bring_case, decide_chafing
from tests.factories import MembershipFactory

TAKEN_UP_WITH = "Directie Beleid, ministerie van SZW"


@pytest.fixture
def other_professional(other_team):
    return MembershipFactory(team=other_team, role=Role.PROFESSIONAL, user__username="zuid").user


@pytest.fixture
def other_lead(other_team):
    return MembershipFactory(team=other_team, role=Role.LEAD, user__username="zuidlead").user


@pytest.fixture
def world(team, other_team, professional, lead, other_professional, other_lead, rule):
    """One rule flagged by two teams; in Noord the lead brought a case of their own too."""
    noord = bring_case(professional, team, rule, title="Oma in Noord")
    own = bring_case(lead, team, rule, title="Opa in Noord")
    zuid = bring_case(other_professional, other_team, rule, title="Oma in Zuid")
    decide_chafing(noord, lead)
    decide_chafing(own, lead)
    decide_chafing(zuid, other_lead)
    return Signal.objects.get(rule=rule), [noord, own, zuid]


def _signal_events(case) -> list[str]:
    return list(
        CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.SIGNAL_MOVED)
        .order_by("pk")
        .values_list("note", flat=True)
    )


def _move(signal, director, django_capture_on_commit_callbacks, **kwargs):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        move_signal(signal=signal, actor=director, **kwargs)
    return {message.to[0]: message for message in mail.outbox}


def test_each_move_is_an_event_on_the_timeline_of_every_case_behind_the_signal(world, director):
    signal, (noord, own, zuid) = world
    # Raising the signal was the first case's event; the others joined an open signal.
    assert _signal_events(noord) == ["→open"]
    assert _signal_events(own) == _signal_events(zuid) == []

    move_signal(signal=signal, actor=director, to_state="under_review")
    move_signal(signal=signal, actor=director, to_state="taken_up", taken_up_with=TAKEN_UP_WITH)

    assert _signal_events(noord) == ["→open", "open→under_review", "under_review→taken_up"]
    for case in (own, zuid):
        assert _signal_events(case) == ["open→under_review", "under_review→taken_up"]
    # The mover's note stays on the signal; the cases' timelines hold only the states.
    assert not CaseEvent.objects.filter(note__contains="ministerie").exists()
    assert set(
        CaseEvent.objects.filter(kind=CaseEvent.Kind.SIGNAL_MOVED).values_list("actor", flat=True)
    ) == {director.pk, noord.team.memberships.get(role=Role.LEAD).user_id}


def test_a_signal_raised_from_a_thread_is_on_the_timeline_of_its_cases(
    team, professional, lead, rule
):
    from digests import threads
    from digests.models import Thread

    first = bring_case(professional, team, rule, title="Oma in Noord")
    second = bring_case(professional, team, rule, title="Opa in Noord")
    thread = Thread.objects.create(name="Kostendelers", status=Thread.Status.CONFIRMED)
    thread.cases.add(first, second)
    threads.signal_thread(thread=thread, actor=lead)
    assert _signal_events(first) == _signal_events(second) == ["→open"]


def test_a_move_mails_each_author_and_lead_once_in_their_own_language_without_case_text(
    world,
    director,
    professional,
    lead,
    colleague,
    other_professional,
    other_lead,
    django_capture_on_commit_callbacks,
):
    signal, cases = world
    remember_language(professional, "en")
    by_address = _move(
        signal,
        director,
        django_capture_on_commit_callbacks,
        to_state="taken_up",
        taken_up_with=TAKEN_UP_WITH,
    )
    # The lead authored a case and leads the team: one mail. A colleague who brought no case,
    # and the director who moved it, get none.
    assert len(mail.outbox) == 4
    assert set(by_address) == {
        professional.email,
        lead.email,
        other_professional.email,
        other_lead.email,
    }
    english, dutch = by_address[professional.email], by_address[lead.email]
    assert english.subject == f"Signal about {signal.rule}: taken up"
    assert dutch.subject == f"Signaal over {signal.rule}: opgepakt"
    assert "moved from “open” to “taken up”" in english.body
    assert "van “open” naar “opgepakt”" in dutch.body
    for message in mail.outbox:
        assert f"{signal.get_absolute_url()}" in message.body
        assert TAKEN_UP_WITH not in message.body
        for case in cases:
            for text in (case.title, case.situation, case.effect, case.conflict, case.question):
                assert text not in message.body and text not in message.subject


def test_someone_who_may_not_read_the_signal_hears_nothing_of_it(
    world, director, professional, lead, django_capture_on_commit_callbacks
):
    signal, _ = world
    # The author left the team: the signal is no longer theirs to read.
    Membership.objects.filter(user=professional).delete()
    assert not Signal.objects.visible_to(professional).filter(pk=signal.pk).exists()
    by_address = _move(
        signal, director, django_capture_on_commit_callbacks, to_state="under_review"
    )
    assert professional.email not in by_address
    assert lead.email in by_address


def test_the_case_page_says_in_one_line_what_became_of_it_in_both_languages(
    client, world, director, professional
):
    signal, (noord, _, _) = world
    move_signal(signal=signal, actor=director, to_state="under_review")
    move_signal(signal=signal, actor=director, to_state="taken_up", taken_up_with=TAKEN_UP_WITH)
    client.force_login(professional)

    response = client.get(noord.get_absolute_url())
    line = response.text.split('id="what-became-of-this">')[1].split("</p>")[0]
    assert "Wat is hiermee gebeurd:" in line
    assert f'<a href="{signal.get_absolute_url()}">{escape(str(signal.rule))}</a>' in line
    assert "“opgepakt”" in line
    timeline = response.text.split('id="timeline-heading"')[1]
    assert "van “in behandeling” naar “opgepakt”" in timeline

    client.cookies["django_language"] = "en"
    response = client.get(noord.get_absolute_url())
    line = response.text.split('id="what-became-of-this">')[1].split("</p>")[0]
    assert "What became of this:" in line
    assert "“taken up”" in line
    timeline = response.text.split('id="timeline-heading"')[1]
    assert "the signal about its rule moved (from “under review” to “taken up”)" in timeline
    assert "the signal about its rule moved (open)" in timeline


def test_someone_outside_the_teams_behind_it_sees_neither_the_case_nor_the_signal(
    client, world, nobody, colleague
):
    signal, (noord, _, _) = world
    client.force_login(nobody)
    assert client.get(noord.get_absolute_url()).status_code == 404
    assert client.get(signal.get_absolute_url()).status_code == 404
    # A colleague in the team reads the line on the case page, as the team may read the signal.
    client.force_login(colleague)
    response = client.get(noord.get_absolute_url())
    assert 'id="what-became-of-this"' in response.text


def test_a_move_takes_the_same_number_of_queries_however_many_cases_are_behind_it(
    world, director, team, professional, lead, rule, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    signal, _ = world
    with CaptureQueriesContext(connection) as few:
        move_signal(signal=signal, actor=director, to_state="under_review")
    for number in range(5):
        decide_chafing(bring_case(professional, team, rule, title=f"Casus {number}"), lead)
    assert signal.cases.count() == 8
    with django_assert_max_num_queries(len(few.captured_queries)):
        move_signal(signal=signal, actor=director, to_state="taken_up", taken_up_with="SZW")
    assert (
        CaseEvent.objects.filter(
            kind=CaseEvent.Kind.SIGNAL_MOVED, note="under_review→taken_up"
        ).count()
        == 8
    )
