import datetime as dt

import pytest
import time_machine
from django.core import mail

from deliberations import services
from deliberations.models import Action
from deliberations.tasks import send_daily_reminders
from tests.deliberations.fixtures_followup import (
    action_spec,
    decide,
    decision_spec,
    submitted_case,
)

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))
DECIDED_ON = dt.datetime(2026, 3, 2, 10, tzinfo=AMSTERDAM)
DUE_ON = dt.date(2026, 3, 9)
RUN_ON = dt.datetime(2026, 3, 10, 7, tzinfo=AMSTERDAM)


@pytest.fixture
def follow_up(team, professional, colleague, lead):
    """A decided case: the author owns an overdue action and its outcome is due for
    evaluation; a colleague owns another overdue action."""
    with time_machine.travel(DECIDED_ON, tick=False):
        case = submitted_case(team, professional)
        decide(
            case,
            lead,
            decision_spec(
                evaluate_on=DUE_ON,
                actions=[
                    action_spec(professional, due_on=DUE_ON, description="Beschikking herzien"),
                    action_spec(colleague, due_on=DUE_ON, description="Kleinzoon uitnodigen"),
                ],
            ),
        )
    return case


def _run(capture, when: dt.datetime) -> int:
    mail.outbox.clear()
    with time_machine.travel(when, tick=False), capture(execute=True):
        return send_daily_reminders()


def _recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_it_sends_one_reminder_per_person_per_day(follow_up, django_capture_on_commit_callbacks):
    assert _run(django_capture_on_commit_callbacks, RUN_ON) == 2
    # The author owns an action and awaits the outcome: one mail with both, not two.
    assert _recipients() == ["colleague@example.org", "pro@example.org"]
    to_author = next(message for message in mail.outbox if message.to == ["pro@example.org"])
    assert follow_up.reference in to_author.body
    assert follow_up.get_absolute_url() in to_author.body


def test_it_sends_nothing_more_when_run_twice_on_the_same_day(
    follow_up, django_capture_on_commit_callbacks
):
    assert _run(django_capture_on_commit_callbacks, RUN_ON) == 2
    assert _run(django_capture_on_commit_callbacks, RUN_ON + dt.timedelta(hours=6)) == 0
    assert mail.outbox == []


def test_it_reminds_again_the_next_day(follow_up, django_capture_on_commit_callbacks):
    _run(django_capture_on_commit_callbacks, RUN_ON)
    assert _run(django_capture_on_commit_callbacks, RUN_ON + dt.timedelta(days=1)) == 2
    assert _recipients() == ["colleague@example.org", "pro@example.org"]


def test_it_reminds_nothing_before_it_is_due(follow_up, django_capture_on_commit_callbacks):
    day_before = dt.datetime(2026, 3, 8, 7, tzinfo=AMSTERDAM)
    assert _run(django_capture_on_commit_callbacks, day_before) == 0
    assert mail.outbox == []
    # On the due date itself the outcome can be evaluated; the actions are not yet overdue.
    assert _run(django_capture_on_commit_callbacks, day_before + dt.timedelta(days=1)) == 1
    assert _recipients() == ["pro@example.org"]


def test_it_does_not_remind_done_actions_or_recorded_outcomes(
    follow_up, professional, colleague, django_capture_on_commit_callbacks
):
    with time_machine.travel(RUN_ON - dt.timedelta(hours=1), tick=False):
        mine = Action.objects.get(case=follow_up, owner=professional)
        services.mark_action_done(action=mine, actor=professional)
        services.record_outcome(case=follow_up, author=professional, served="yes", note="Gelukt.")
    assert _run(django_capture_on_commit_callbacks, RUN_ON) == 1
    assert _recipients() == ["colleague@example.org"]
    with time_machine.travel(RUN_ON, tick=False):
        services.mark_action_done(
            action=Action.objects.get(case=follow_up, owner=colleague), actor=colleague
        )
    assert _run(django_capture_on_commit_callbacks, RUN_ON + dt.timedelta(days=1)) == 0
    assert mail.outbox == []


def test_it_puts_no_case_text_in_the_reminders(follow_up, django_capture_on_commit_callbacks):
    _run(django_capture_on_commit_callbacks, RUN_ON)
    assert len(mail.outbox) == 2
    texts = [
        follow_up.title,
        follow_up.situation,
        follow_up.effect,
        follow_up.conflict,
        follow_up.question,
        "Beschikking herzien",
        "Kleinzoon uitnodigen",
        follow_up.decisions.get().rationale,
    ]
    for message in mail.outbox:
        for text in texts:
            assert text not in message.subject
            assert text not in message.body
