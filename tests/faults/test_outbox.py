"""The outbox, in-process: a broker that is down never fails a request and loses nothing; each
row runs once; the schedule catches up; digest requests show their state and can be retried.

The same faults against a real Redis, worker and PostgreSQL: tests/faults/test_live.py.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail
from django.db import OperationalError
from django.urls import reverse

from bedoeling.celery import app
from cases.models import Case
from digests import builds
from digests.models import BuildRequest, Digest
from organisations import outbox
from organisations.models import Role
from organisations.outbox import OutboxMessage, ScheduledRun
from organisations.tasks import relay_outbox, send_mail
from tests.factories import MembershipFactory

CLOSED_PORT = "redis://127.0.0.1:1/0"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def broker_down():
    """Point the app at a port where nothing listens, as when Redis is down."""
    # broker_write_url: Celery prefers a CELERY_BROKER_URL environment variable to broker_url.
    app.conf.task_always_eager = False
    app.conf.broker_write_url = CLOSED_PORT
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.broker_write_url = None
    app._pool = None
    app.amqp._producer_pool = None
    app.conf.task_always_eager = True


def test_with_the_broker_down_a_submitted_case_is_saved_the_page_answers_and_the_mail_waits(
    client, professional, lead, rule, team, django_capture_on_commit_callbacks, broker_down
):
    from tests.cases.conftest import intake_data

    data = intake_data.__wrapped__(team, rule)
    client.force_login(professional)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cases:create"), {**data, "submit": "1"})
    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
    assert Case.objects.get().status == "submitted"
    waiting = OutboxMessage.objects.get(task="cases.tasks.notify_case_submitted")
    assert waiting.relayed_at is None and "Connection refused" in waiting.last_error
    assert mail.outbox == []

    # The broker is back: the relay hands on the mail and the similarity index's update; the
    # lead gets one mail, and only one.
    app.conf.task_always_eager = True
    with django_capture_on_commit_callbacks(execute=True):
        assert relay_outbox() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert relay_outbox() == 0
    assert [m.to for m in mail.outbox] == [[lead.email]]
    assert OutboxMessage.objects.filter(done_at__isnull=True).count() == 0


def test_a_row_delivered_twice_sends_its_mail_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = outbox.enqueue(send_mail, "Onderwerp", "Tekst", ["a@example.org"])
    assert len(mail.outbox) == 1
    send_mail.apply(args=["Onderwerp", "Tekst", ["a@example.org"]], task_id=row.task_id)
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.done_at is not None and row.relayed_at is not None


def test_a_mail_the_server_refused_is_not_marked_sent_and_goes_out_on_the_next_try(
    db, settings, monkeypatch
):
    row = OutboxMessage.objects.create(
        task=send_mail.name, args=["Onderwerp", "Tekst", ["a@example.org"]]
    )
    from django.core.mail.backends.locmem import EmailBackend

    def refuse(self, messages):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    app.conf.task_eager_propagates = False
    try:
        send_mail.apply(args=row.args, task_id=row.task_id)
    finally:
        app.conf.task_eager_propagates = True
    row.refresh_from_db()
    assert row.done_at is None
    monkeypatch.undo()
    send_mail.apply(args=row.args, task_id=row.task_id)
    row.refresh_from_db()
    assert row.done_at is not None and len(mail.outbox) == 1


def test_a_row_the_broker_lost_is_handed_on_again(db):
    long_ago = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)
    lost = OutboxMessage.objects.create(task=send_mail.name, relayed_at=long_ago)
    done = OutboxMessage.objects.create(task=send_mail.name, relayed_at=long_ago, done_at=long_ago)
    with time_machine.travel(long_ago + dt.timedelta(hours=1), tick=False):
        assert outbox.requeue_stale(dt.timedelta(minutes=10)) == 1
    lost.refresh_from_db()
    done.refresh_from_db()
    assert lost.relayed_at is None and done.relayed_at == long_ago


def test_the_schedule_catches_up_once_after_an_outage(db, settings):
    from celery.schedules import crontab

    settings.BEDOELING_SCHEDULE = {
        "weekly-digests": {
            "task": "digests.tasks.build_weekly_digests",
            "schedule": crontab(day_of_week="mon", hour=6, minute=0),
        }
    }
    sunday = dt.datetime(2026, 11, 29, 23, tzinfo=AMSTERDAM)
    assert outbox.catch_up(now=sunday) == []  # first sight: starts counting
    assert ScheduledRun.objects.get().last_run_at == sunday
    # Redis was down from 05:50 to 06:40 on Monday: nothing ran at 06:00.
    assert outbox.catch_up(now=sunday + dt.timedelta(hours=6, minutes=50)) == []
    back = dt.datetime(2026, 11, 30, 6, 40, tzinfo=AMSTERDAM)
    assert outbox.catch_up(now=back) == ["weekly-digests"]
    assert outbox.catch_up(now=back + dt.timedelta(minutes=1)) == []
    assert list(OutboxMessage.objects.values_list("task", flat=True)) == [
        "digests.tasks.build_weekly_digests"
    ]


# Digest build requests --------------------------------------------------------------------


@pytest.fixture
def lead_of_team(team):
    return MembershipFactory(team=team, role=Role.LEAD, user__username="teamlead").user


def _ask(client, team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("digests:build"),
            {"scope": str(team.pk), "start": "2026-11-16", "end": "2026-11-22"},
        )


def test_a_build_request_shows_its_state_and_a_failed_one_is_retried_with_one_click(
    client, team, lead_of_team, monkeypatch, django_capture_on_commit_callbacks
):
    import digests.tasks

    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(digests.tasks, "build_digest", unreachable)
    # The task retries a database error itself; here every try fails.
    monkeypatch.setattr(digests.tasks.build_requested_digest, "max_retries", 0)
    app.conf.task_eager_propagates = False
    client.force_login(lead_of_team)
    try:
        response = _ask(client, team, django_capture_on_commit_callbacks)
    finally:
        app.conf.task_eager_propagates = True
    assert response.status_code == 302
    request = BuildRequest.objects.get()
    assert request.state == BuildRequest.State.FAILED
    assert "server closed the connection" in request.reason
    page = client.get(reverse("digests:dashboard"))
    assert 'data-state="failed"' in page.text
    assert "server closed the connection" in page.text
    assert reverse("digests:retry", args=[request.pk]) in page.text

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("digests:retry", args=[request.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == BuildRequest.State.DONE and request.digest is not None
    assert request.attempts == 2
    assert Digest.objects.count() == 1
    page = client.get(reverse("digests:dashboard"))
    assert 'data-state="done"' in page.text


def test_the_build_task_retries_database_errors_with_back_off():
    from digests.tasks import build_requested_digest

    assert OperationalError in build_requested_digest.autoretry_for
    assert build_requested_digest.retry_backoff and build_requested_digest.max_retries >= 5


def test_only_who_may_ask_for_a_digest_may_retry_it(
    client, team, other_team, professional, django_capture_on_commit_callbacks
):
    request = BuildRequest.objects.create(
        team=team, start=dt.date(2026, 11, 16), end=dt.date(2026, 11, 22), state="failed"
    )
    other_lead = MembershipFactory(team=other_team, role=Role.LEAD, user__username="zuid").user
    client.force_login(professional)
    assert client.post(reverse("digests:retry", args=[request.pk])).status_code == 403
    client.force_login(other_lead)
    assert client.post(reverse("digests:retry", args=[request.pk])).status_code == 404
    assert client.get(reverse("digests:retry", args=[request.pk])).status_code == 405
    request.refresh_from_db()
    assert request.state == "failed"


def test_a_request_run_twice_stores_one_digest(team):
    request = builds.request_build(
        team_id=team.pk, start=dt.date(2026, 11, 16), end=dt.date(2026, 11, 22)
    )
    # A worker killed after storing the digest but before recording it done.
    builds.run(request.pk, task_id=None, final_try=False)
    BuildRequest.objects.filter(pk=request.pk).update(state="running")
    builds.run(request.pk, task_id=None, final_try=False)
    assert Digest.objects.filter(task_id=request.task_id).count() == 1
    request.refresh_from_db()
    assert request.state == "done"


def test_no_app_code_queues_a_task_around_the_outbox():
    """Every side effect is an outbox row: no `.delay(`, `apply_async(` or `on_commit(` in app
    code except the outbox itself (and the worker's start-up relay, which is Celery's own)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    allowed = {root / "organisations" / "outbox.py"}
    found = []
    for app_dir in ["organisations", "cases", "deliberations", "digests", "bedoeling"]:
        for path in (root / app_dir).rglob("*.py"):
            if path in allowed or "migrations" in path.parts:
                continue
            text = path.read_text()
            for needle in (".delay(", ".apply_async(", "on_commit("):
                if needle in text:
                    found.append(f"{path.relative_to(root)}: {needle}")
    assert found == []
