from unittest import mock

from django.db import OperationalError
from django.urls import reverse

from bedoeling import health


def test_it_reports_healthy_without_login_when_no_broker_is_configured(client, db, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "not configured", "status": "ok"}


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
