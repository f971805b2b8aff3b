"""Single sign-on against a real OpenID Connect provider: the authorization-code flow with
PKCE and a nonce, memberships kept from the groups claim, every change on the audit log, a clear
page for a person without a mapped group."""

import json
import logging

from django.contrib.auth import get_user_model
from django.test import override_settings
from oidc_provider_mock import User

from organisations.audit import JsonFormatter
from organisations.models import Membership, Role
from tests.factories import MembershipFactory, TeamFactory
from tests.sso.conftest import ALICE, log_in, session_user_id, set_claims


def _audit_lines(caplog) -> list[dict]:
    """The project's audit lines (organisations.audit), as its JSON formatter writes them."""
    return [
        json.loads(JsonFormatter().format(r))
        for r in caplog.records
        if r.name == "bedoeling.audit" and hasattr(r, "audit")
    ]


def _memberships(user) -> set[tuple]:
    return set(Membership.objects.filter(user=user).values_list("team__name", "role", "source"))


def test_a_person_logs_in_with_the_provider_and_gets_the_mapped_teams(
    sso, mappings, client, caplog
):
    with caplog.at_level(logging.INFO, logger="bedoeling.audit"):
        home = log_in(client, "alice")
    alice = get_user_model().objects.get(email="alice@gemeente.example.nl")
    assert session_user_id(client) == alice.pk
    assert home.status_code == 200 and home.redirect_chain[-1][0] == "/"
    assert (alice.username, alice.first_name, alice.last_name) == ("alice", "Alice", "de Vries")
    assert not alice.has_usable_password()
    assert _memberships(alice) == {
        ("Inkomen Noord", Role.PROFESSIONAL, "sso"),
        ("Inkomen Zuid", Role.LEAD, "sso"),
    }
    lines = _audit_lines(caplog)
    assert sorted(line["what"] for line in lines) == [
        "login",
        "membership.created",
        "membership.created",
        "sso.login",
    ]
    assert all(line["who"] == alice.pk and line["when"].endswith("+00:00") for line in lines)
    assert {line["where"] for line in lines} == {"127.0.0.1"}


def test_the_next_login_changes_and_ends_memberships_and_leaves_typed_ones_alone(
    sso, mappings, client, caplog, team, other_team
):
    log_in(client, "alice")
    alice = get_user_model().objects.get(username="alice")
    typed = TeamFactory(organisation=team.organisation, name="Schuldhulp")
    MembershipFactory(user=alice, team=typed, role=Role.PROFESSIONAL)
    set_claims(sso, User(sub="alice", claims={**ALICE.claims, "groups": ["inkomen-noord-leiding"]}))
    caplog.clear()

    with caplog.at_level(logging.INFO, logger="bedoeling.audit"):
        log_in(client, "alice")

    assert session_user_id(client) == alice.pk
    assert _memberships(alice) == {
        ("Inkomen Noord", Role.LEAD, "sso"),
        ("Schuldhulp", Role.PROFESSIONAL, "local"),
    }
    changes = {
        (line["what"], line["who"], line["object"]["id"], line["detail"]["role"])
        for line in _audit_lines(caplog)
        if line["what"].startswith("membership.")
    }
    assert changes == {
        ("membership.changed", alice.pk, team.pk, "lead"),
        ("membership.ended", alice.pk, other_team.pk, "lead"),
    }


def test_a_person_without_a_mapped_group_sees_a_clear_page_and_is_not_logged_in(
    sso, mappings, client, caplog
):
    set_claims(sso, User(sub="bob", claims={"email": "bob@example.nl", "groups": ["kantine"]}))
    with caplog.at_level(logging.INFO, logger="bedoeling.audit"):
        page = log_in(client, "bob")
    assert page.redirect_chain[-1][0] == "/oidc/refused/"
    assert page.status_code == 403
    assert "geen van uw groepen" in page.content.decode()
    assert session_user_id(client) is None
    assert not get_user_model().objects.filter(email="bob@example.nl").exists()
    refusals = [line for line in _audit_lines(caplog) if line["what"] == "sso.login"]
    assert [(r["result"], r["detail"]) for r in refusals] == [("refused", {"reason": "no_group"})]


def test_losing_the_last_group_ends_the_memberships_and_refuses_the_login(sso, mappings, client):
    log_in(client, "alice")
    alice = get_user_model().objects.get(username="alice")
    set_claims(sso, User(sub="alice", claims={**ALICE.claims, "groups": []}))
    client.logout()
    page = log_in(client, "alice")
    assert page.redirect_chain[-1][0] == "/oidc/refused/"
    assert session_user_id(client) is None
    assert _memberships(alice) == set()


def test_the_login_page_offers_the_organisation_account(sso, client):
    page = client.get("/accounts/login/").content.decode()
    assert 'href="/oidc/authenticate/"' in page
    assert "Inloggen met uw organisatieaccount" in page


def test_the_endpoints_can_be_set_one_by_one_instead_of_discovery(sso, mappings, client):
    endpoints = {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{sso}/oauth2/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": f"{sso}/oauth2/token",
        "OIDC_OP_USER_ENDPOINT": f"{sso}/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": f"{sso}/jwks",
    }
    with override_settings(OIDC_OP_DISCOVERY="", **endpoints):
        log_in(client, "alice")
    assert session_user_id(client) == get_user_model().objects.get(username="alice").pk


def test_a_failed_login_at_the_provider_shows_the_general_refusal(sso, client):
    page = client.get("/oidc/callback/?error=access_denied&state=x", follow=True)
    assert page.redirect_chain[-1][0] == "/oidc/refused/"
    assert "Inloggen met uw organisatieaccount is niet gelukt" in page.content.decode()
    assert session_user_id(client) is None


def test_a_session_from_single_sign_on_survives_switching_it_off(sso, mappings, client):
    log_in(client, "alice")
    with override_settings(OIDC_RP_CLIENT_ID=""):
        assert client.get("/").status_code == 200
        assert session_user_id(client) is not None
