from unittest import mock

from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from bedoeling import health


def test_it_reports_healthy_without_login_when_no_broker_is_configured(client, db, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "broker": "not configured",
        "outbox": {"waiting": 0, "oldest_seconds": 0},
        "status": "ok",
    }


def test_it_answers_503_when_the_database_fails(client, db, settings):
    settings.CELERY_BROKER_URL = ""
    broken = mock.patch.object(
        health.connection, "cursor", side_effect=OperationalError("connection refused")
    )
    with broken:
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_it_answers_503_when_the_configured_broker_is_unreachable(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"] == "error"
    assert response.json()["database"] == "ok"


def test_it_answers_on_127_0_0_1_whatever_the_allowed_hosts(client, db, settings):
    """The compose health check calls http://127.0.0.1:8000/healthz on a site whose
    DJANGO_ALLOWED_HOSTS is its real name; with SSL redirects on, as in production."""
    settings.CELERY_BROKER_URL = ""
    settings.ALLOWED_HOSTS = ["bedoeling.gemeente.example"]
    settings.SECURE_SSL_REDIRECT = True
    strict = Client(raise_request_exception=False)
    assert strict.get("/", HTTP_HOST="127.0.0.1").status_code == 400  # other pages: refused
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_it_reports_the_outbox_backlog_and_its_oldest_age(client, db, settings):
    import datetime as dt

    import time_machine

    from organisations.outbox import OutboxMessage

    settings.CELERY_BROKER_URL = ""
    start = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        OutboxMessage.objects.create(task="bedoeling.tasks.send_mail")
        OutboxMessage.objects.create(task="bedoeling.tasks.send_mail", relayed_at=start)
    with time_machine.travel(start + dt.timedelta(minutes=7), tick=False):
        OutboxMessage.objects.create(task="bedoeling.tasks.send_mail")
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["outbox"] == {"waiting": 2, "oldest_seconds": 420}
