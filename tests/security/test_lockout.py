"""Failed logins lock the (username, address) pair, a higher limit throttles one address, and
the address is the proxy's only where the operator says so."""

import datetime as dt

import time_machine
from django.test import RequestFactory
from django.urls import reverse

from organisations.audit import client_address
from tests.factories import PASSWORD, UserFactory

HOME = "10.0.0.1"
OFFICE = "10.0.0.2"


def _login(client, username, password, address=HOME, **headers):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def _fail(client, username, times, address=HOME, **headers):
    for _ in range(times):
        _login(client, username, "wrong", address, **headers)


def test_it_locks_the_pair_after_the_failure_limit(client, professional, settings):
    _fail(client, "pro", settings.AXES_FAILURE_LIMIT)
    response = _login(client, "pro", PASSWORD)
    assert response.status_code == 429
    assert "Account geblokkeerd" in response.text
    assert "alleen voor deze gebruikersnaam op deze netwerkverbinding" in response.text
    assert "_auth_user_id" not in client.session


def test_it_does_not_lock_before_the_limit(client, professional, settings):
    _fail(client, "pro", settings.AXES_FAILURE_LIMIT - 1)
    assert _login(client, "pro", PASSWORD).status_code == 302


def test_a_correct_password_from_another_address_still_works(client, professional, settings):
    _fail(client, "pro", settings.AXES_FAILURE_LIMIT + 3)
    assert _login(client, "pro", PASSWORD, HOME).status_code == 429
    response = _login(client, "pro", PASSWORD, OFFICE)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_failures_for_one_username_do_not_lock_others_at_the_same_address(
    client, professional, colleague, settings
):
    _fail(client, "pro", settings.AXES_FAILURE_LIMIT)
    assert _login(client, "colleague", PASSWORD, HOME).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, professional, settings):
    start = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    with time_machine.travel(start, tick=False):
        _fail(client, "pro", settings.AXES_FAILURE_LIMIT)
        assert _login(client, "pro", PASSWORD).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=minutes - 1), tick=False):
        assert _login(client, "pro", PASSWORD).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=2 * minutes + 1), tick=False):
        assert _login(client, "pro", PASSWORD).status_code == 302


def test_many_failures_over_usernames_throttle_the_address(client, db, settings):
    settings.BEDOELING_ADDRESS_FAILURE_LIMIT = 12
    UserFactory(username="innocent")
    # Below the pair limit for every username, but together above the address limit.
    for n in range(6):
        _fail(client, f"guess{n}", 2)
    response = _login(client, "innocent", PASSWORD, HOME)
    assert response.status_code == 429
    assert "Te veel mislukte aanmeldpogingen" in response.text
    assert "vanaf dit netwerkadres" in response.text
    # Another address is not affected.
    assert _login(client, "innocent", PASSWORD, OFFICE).status_code == 302


def test_the_address_limit_is_higher_than_the_pair_limit(settings):
    assert settings.BEDOELING_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT


def test_the_address_throttle_ends_after_the_cool_off(client, db, settings):
    settings.BEDOELING_ADDRESS_FAILURE_LIMIT = 6
    UserFactory(username="innocent")
    start = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    with time_machine.travel(start, tick=False):
        for n in range(3):
            _fail(client, f"guess{n}", 2)
        assert _login(client, "innocent", PASSWORD).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=minutes + 1), tick=False):
        assert _login(client, "innocent", PASSWORD).status_code == 302


def test_a_forged_forwarded_for_is_ignored_by_default(client, professional, settings):
    """Without a trusted proxy header, an attacker cannot dodge the lock by varying the
    X-Forwarded-For header, nor lock a victim's address by naming it."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "pro", "wrong", HOME, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = _login(client, "pro", PASSWORD, HOME, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_header_gives_the_address(client, professional, settings):
    settings.BEDOELING_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.BEDOELING_TRUSTED_PROXIES = 1
    proxy = "10.9.9.9"
    _fail(client, "pro", settings.AXES_FAILURE_LIMIT, proxy, HTTP_X_FORWARDED_FOR=HOME)
    assert _login(client, "pro", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=HOME).status_code == 429
    # Another person behind the same proxy is another address.
    response = _login(client, "pro", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OFFICE)
    assert response.status_code == 302


def test_the_client_address_is_remote_addr_unless_a_header_is_trusted(settings):
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.2.2.2")
    settings.BEDOELING_TRUSTED_PROXY_HEADER = ""
    assert client_address(request) == "10.1.1.1"
    settings.BEDOELING_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.BEDOELING_TRUSTED_PROXIES = 1
    # The rightmost entry is what our proxy saw; "6.6.6.6" was written by the client.
    assert client_address(request) == "10.2.2.2"
    settings.BEDOELING_TRUSTED_PROXIES = 2
    assert client_address(request) == "6.6.6.6"
    settings.BEDOELING_TRUSTED_PROXIES = 3
    assert client_address(request) == "10.1.1.1"
    garbage = factory.get("/", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="not-an-address")
    settings.BEDOELING_TRUSTED_PROXIES = 1
    assert client_address(garbage) == "10.1.1.1"
