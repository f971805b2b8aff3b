"""Passwords of this app: on for everyone by default (`make run` keeps local accounts), or only
for the break-glass administrators, with a clear message for everyone else."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.test import override_settings

from tests.factories import PASSWORD, UserFactory

SSO_ONLY = override_settings(
    OIDC_RP_CLIENT_ID="bedoeling",
    BEDOELING_LOCAL_LOGIN="break-glass-only",
    BEDOELING_BREAK_GLASS_USERS=["beheer"],
)


def _log_in(client, username, path="/accounts/login/"):
    return client.post(path, {"username": username, "password": PASSWORD})


@pytest.fixture
def break_glass(db):
    return UserFactory(username="beheer", is_staff=True, is_superuser=True)


def test_by_default_everyone_logs_in_with_a_password_and_no_sso_is_offered(client, professional):
    page = client.get("/accounts/login/").content.decode()
    assert "/oidc/authenticate/" not in page
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404
    response = _log_in(client, "pro")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(professional.pk)


@SSO_ONLY
def test_with_passwords_switched_off_a_professional_is_told_to_use_sso(client, professional):
    response = _log_in(client, "pro")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wachtwoorden van deze applicatie staan uit" in page
    assert "Inloggen met uw organisatieaccount" in page
    assert page.count('name="username"') == 1 and 'value="pro"' in page
    assert "_auth_user_id" not in client.session


@SSO_ONLY
def test_with_passwords_switched_off_the_break_glass_administrator_still_logs_in(
    client, break_glass
):
    page = client.get("/accounts/login/").content.decode()
    assert "Inloggen met een wachtwoord (alleen beheerders)" in page
    assert _log_in(client, "beheer").status_code == 302
    assert client.session["_auth_user_id"] == str(break_glass.pk)


@SSO_ONLY
def test_with_passwords_switched_off_the_backend_refuses_whatever_the_form(rf, professional):
    assert authenticate(rf.post("/"), username="pro", password=PASSWORD) is None


@SSO_ONLY
def test_with_passwords_switched_off_the_admin_login_refuses_others(client, db):
    UserFactory(username="tweedebeheerder", is_staff=True, is_superuser=True)
    response = _log_in(client, "tweedebeheerder", path="/admin/login/")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@override_settings(LANGUAGE_CODE="en")
@SSO_ONLY
def test_the_message_is_in_english_too(client, professional):
    page = _log_in(client, "pro", path="/accounts/login/").content.decode()
    assert "Log in with your organisation account" in page


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"BEDOELING_LOCAL_LOGIN": "sometimes"}, "must be all or break-glass-only"),
        ({"BEDOELING_LOCAL_LOGIN": "break-glass-only"}, "needs OIDC_RP_CLIENT_ID"),
    ],
)
def test_a_wrong_local_login_setting_stops_the_app_at_start(environment, message):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={**os.environ, **environment, "OIDC_RP_CLIENT_ID": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert message in result.stderr
