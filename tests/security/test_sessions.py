"""Sessions end after the idle time (server-side, so also without JavaScript), the warning's
button extends them, and a deactivated person is logged out at their next request."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from bedoeling.middleware import LAST_SEEN

START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def idle(settings):
    settings.BEDOELING_SESSION_IDLE_SECONDS = 30 * 60
    return dt.timedelta(minutes=30)


def _at(moment):
    return time_machine.travel(moment, tick=False)


def test_a_session_ends_after_the_idle_time(client, professional, idle, audit_lines):
    client.force_login(professional)
    with _at(START):
        assert client.get(reverse("home")).status_code == 200
    with _at(START + idle + dt.timedelta(seconds=1)):
        response = client.get(reverse("home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        assert SESSION_KEY not in client.session
        login_page = client.get(response["Location"])
    assert "Uw sessie is beëindigd na 30 minuten zonder activiteit" in login_page.text
    (line,) = audit_lines.events("logout")
    assert line["who"] == professional.pk
    assert line["detail"] == {"reason": "idle"}


def test_activity_keeps_the_session_alive(client, professional, idle):
    client.force_login(professional)
    with _at(START):
        client.get(reverse("home"))
    with _at(START + idle - dt.timedelta(minutes=1)):
        assert client.get(reverse("home")).status_code == 200
    with _at(START + 2 * idle - dt.timedelta(minutes=2)):
        assert client.get(reverse("home")).status_code == 200
        assert SESSION_KEY in client.session


def test_the_idle_time_is_a_setting(client, professional, settings):
    settings.BEDOELING_SESSION_IDLE_SECONDS = 5 * 60
    client.force_login(professional)
    with _at(START):
        client.get(reverse("home"))
    with _at(START + dt.timedelta(minutes=6)):
        assert client.get(reverse("home")).status_code == 302


def test_the_extend_button_extends_the_session(client, professional, idle):
    client.force_login(professional)
    with _at(START):
        client.get(reverse("home"))
    with _at(START + idle - dt.timedelta(minutes=1)):
        response = client.post(reverse("extend_session"), HTTP_X_REQUESTED_WITH="fetch")
        assert response.status_code == 204
    with _at(START + idle + dt.timedelta(minutes=20)):
        assert client.get(reverse("home")).status_code == 200


def test_the_extend_button_without_javascript_returns_to_the_page(client, professional, idle):
    client.force_login(professional)
    response = client.post(reverse("extend_session"), {"next": reverse("team_list")})
    assert response.status_code == 302
    assert response["Location"] == reverse("team_list")
    response = client.post(reverse("extend_session"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_extending_an_ended_session_is_refused(client, professional, idle):
    client.force_login(professional)
    with _at(START):
        client.get(reverse("home"))
    with _at(START + idle + dt.timedelta(minutes=1)):
        response = client.post(reverse("extend_session"), HTTP_X_REQUESTED_WITH="fetch")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_extend_needs_post_and_a_login(client, professional):
    assert client.post(reverse("extend_session")).status_code == 302
    client.force_login(professional)
    assert client.get(reverse("extend_session")).status_code == 405


def test_pages_carry_the_warning_with_the_times(client, professional, settings):
    settings.BEDOELING_SESSION_IDLE_SECONDS = 600
    client.force_login(professional)
    with _at(START):
        page = client.get(reverse("home")).text
    assert 'id="session-warning"' in page
    assert 'data-seconds-left="600"' in page
    assert 'data-warning-seconds="60"' in page
    assert "js/session.js" in page
    assert "Ingelogd blijven" in page


def test_the_login_page_has_no_warning(client, db):
    page = client.get(reverse("login")).text
    assert 'id="session-warning"' not in page


def test_a_deactivated_person_is_logged_out_at_the_next_request(client, professional, audit_lines):
    client.force_login(professional)
    assert client.get(reverse("home")).status_code == 200
    professional.is_active = False
    professional.save(update_fields=["is_active"])
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert SESSION_KEY not in client.session
    (line,) = audit_lines.events("logout")
    assert line["who"] == professional.pk
    assert line["detail"] == {"reason": "deactivated"}
    # Reactivating does not bring the old session back.
    professional.is_active = True
    professional.save(update_fields=["is_active"])
    assert client.get(reverse("home")).status_code == 302


def test_the_session_is_written_at_most_once_a_minute_and_says_what_is_left(
    client, professional, idle
):
    client.force_login(professional)
    with _at(START):
        response = client.get(reverse("home"))
        assert response["X-Session-Seconds-Left"] == "1800"
    with _at(START + dt.timedelta(seconds=30)):
        response = client.get(reverse("team_list"))
        # Not rewritten: the session ends 30 minutes after START, and the page says so.
        assert client.session[LAST_SEEN] == START.timestamp()
        assert response["X-Session-Seconds-Left"] == "1770"
        assert 'data-seconds-left="1770"' in response.text
    with _at(START + dt.timedelta(seconds=61)):
        client.get(reverse("home"))
        assert client.session[LAST_SEEN] == (START + dt.timedelta(seconds=61)).timestamp()
    with _at(START + dt.timedelta(seconds=61) + idle):
        assert client.get(reverse("home")).status_code == 200


def test_the_extend_endpoint_always_writes_the_session(client, professional, idle):
    client.force_login(professional)
    with _at(START):
        client.get(reverse("home"))
    with _at(START + dt.timedelta(seconds=10)):
        response = client.post(reverse("extend_session"), HTTP_X_REQUESTED_WITH="fetch")
        assert response["X-Session-Seconds-Left"] == "1800"
        assert client.session[LAST_SEEN] == (START + dt.timedelta(seconds=10)).timestamp()
