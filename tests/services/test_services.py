"""Tests that need the real services CI provides: PostgreSQL (DATABASE_URL) and Redis
(CELERY_BROKER_URL). They skip without them, and CI turns any skip into a failure."""

import os
import time

import pytest
from django.core import mail
from django.db import connection

pytestmark = pytest.mark.services

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")


def test_it_runs_on_postgresql_when_database_url_is_set(db):
    if not os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL not set: running on SQLite")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")


def test_a_real_worker_completes_a_task_it_was_sent(db, settings):
    if not BROKER_URL:
        pytest.skip("CELERY_BROKER_URL not set: tasks run in-process")
    from celery.contrib.testing.worker import start_worker

    from bedoeling.celery import app
    from organisations import tasks

    app.conf.task_always_eager = False
    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        result = tasks.send_mail.apply_async(
            args=["Onderwerp", "Tekst", ["iemand@example.org"]], queue="celery"
        )
        # Without a result backend, wait on the side effect: the worker thread sends into the
        # same in-memory outbox this test reads.
        deadline = time.monotonic() + 20
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
    assert result.id
    assert [message.subject for message in mail.outbox] == ["Onderwerp"]


def test_healthz_reports_the_broker_reachable(client, db, settings):
    if not BROKER_URL:
        pytest.skip("CELERY_BROKER_URL not set")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"
