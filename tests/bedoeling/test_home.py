from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.models import Role
from tests.factories import MembershipFactory, TeamFactory, UserFactory


def test_it_shows_the_purpose_statement_and_the_persons_teams(client, professional, organisation):
    client.force_login(professional)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert organisation.purpose in response.text
    assert "Inkomen Noord" in response.text
    assert "professional" in response.text


def test_it_tells_a_person_without_a_team_what_to_do(client, organisation):
    client.force_login(UserFactory())
    response = client.get(reverse("home"))
    assert "nog geen lid van een team" in response.text


def test_it_shows_the_administration_link_only_to_administrators(client, professional):
    client.force_login(professional)
    assert reverse("admin:index") not in client.get(reverse("home")).text
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert reverse("admin:index") in client.get(reverse("home")).text


def test_it_switches_the_language_to_english_and_back(client, professional):
    client.force_login(professional)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("home"))
    assert '<html lang="en">' in response.text
    assert "Our purpose" in response.text
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    response = client.get(reverse("home"))
    assert "Onze bedoeling" in response.text


def test_it_carries_the_csrf_token_for_htmx_requests(client, professional):
    client.force_login(professional)
    response = client.get(reverse("home"))
    token = response.context["csrf_token"]
    assert f'hx-headers=\'{{"X-CSRFToken": "{token}"}}\'' in response.text
    assert "vendor/htmx/htmx.min.js" in response.text


def test_it_accepts_an_htmx_post_that_sends_the_token_as_a_header(professional):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(professional)
    page = strict.get(reverse("home"))
    token = str(page.context["csrf_token"])
    refused = strict.post(reverse("set_language"), {"language": "en"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 403
    accepted = strict.post(
        reverse("set_language"),
        {"language": "en"},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=token,
    )
    assert accepted.status_code in (200, 204, 302)


def test_it_sends_a_content_security_policy_without_inline_scripts(client, organisation):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_the_home_page_query_count_does_not_grow_with_teams(client, professional, organisation):
    client.force_login(professional)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("home")).status_code == 200
        return len(queries)

    before = count()
    for _ in range(5):
        MembershipFactory(
            user=professional, team=TeamFactory(organisation=organisation), role=Role.PROFESSIONAL
        )
    assert count() == before
