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
