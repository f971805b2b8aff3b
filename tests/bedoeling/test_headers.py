"""Headers and cookies: no browser features anywhere, no cached case content, and a language
cookie that is SameSite=Lax (and Secure in production)."""

from django.conf import settings
from django.urls import reverse

from tests.factories import CaseFactory

from .test_configuration import _manage


def test_every_response_denies_camera_microphone_and_geolocation(client, professional):
    anonymous = client.get(reverse("login"))
    client.force_login(professional)
    signed_in = client.get(reverse("cases:mine"))
    missing = client.get("/does-not-exist/")
    for response in (anonymous, signed_in, missing):
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in policy


def test_pages_with_case_content_are_never_stored(client, professional, team):
    case = CaseFactory(team=team, author=professional)
    client.force_login(professional)
    for url in (case.get_absolute_url(), reverse("cases:mine"), reverse("home")):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


def test_a_fragment_and_a_refusal_are_not_stored_either(client, professional, outsider, team):
    case = CaseFactory(team=team, author=professional)
    client.force_login(outsider)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


def test_the_language_cookie_is_same_site_lax_and_http_only(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]


def test_the_language_cookie_is_secure_in_production():
    code = "from django.conf import settings; print(settings.LANGUAGE_COOKIE_SECURE)"
    assert _manage("shell", "--no-imports", "-c", code).stdout.strip() == "True"
    debug = _manage("shell", "--no-imports", "-c", code, DJANGO_DEBUG="true")
    assert debug.stdout.strip() == "False"
