import pytest
from django.http import HttpRequest
from django.test import Client
from django.urls import path

from bedoeling.urls import urlpatterns as project_urlpatterns


def explode(request: HttpRequest):
    raise RuntimeError("secret-internal-detail-4711")


urlpatterns = [*project_urlpatterns, path("explode/", explode)]


def test_it_shows_a_styled_404_page(client, professional):
    client.force_login(professional)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text
    assert 'class="bd-header"' in response.text


@pytest.mark.urls(__name__)
def test_it_shows_a_styled_500_page_that_leaks_nothing(professional):
    client = Client(raise_request_exception=False)
    client.force_login(professional)
    response = client.get("/explode/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.text
    assert "secret-internal-detail-4711" not in response.text
    assert "RuntimeError" not in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path", ["/", "/cases/", "/accounts/login/"])
def test_while_the_database_is_unreachable_every_page_is_a_styled_503(professional, path):
    from unittest import mock

    from django.db import OperationalError, connection

    client = Client(raise_request_exception=False)
    client.force_login(professional)
    down = OperationalError('connection to server at "10.0.0.5" failed: Connection refused')
    with mock.patch.object(connection, "cursor", side_effect=down):
        response = client.post(path, {"username": "pro", "password": "x"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Even niet bereikbaar" in response.text and "Briefly unavailable" in response.text
    assert "10.0.0.5" not in response.text and "Traceback" not in response.text


def test_an_unexpected_error_stays_a_500_not_a_503(professional):
    client = Client(raise_request_exception=False)
    client.force_login(professional)
    from bedoeling import errors

    request = client.get("/").wsgi_request
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = errors.server_error(request)
    assert response.status_code == 500
