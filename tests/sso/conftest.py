"""A real OpenID Connect provider (oidc-provider-mock: authlib behind werkzeug, in a thread).

The tests drive the whole authorization-code flow: the browser's part with Django's test client
on our side and HTTP to the provider; our server's part (token, keys, userinfo) is Bedoeling's
own HTTP calls to the provider. Nothing in the flow is mocked.
"""

import re
from urllib.parse import urlsplit

import pytest
import requests
from django.test import override_settings
from oidc_provider_mock import User, run_server_in_thread

from organisations.models import GroupMapping, Role

ALICE = User(
    sub="alice",
    claims={
        "email": "alice@gemeente.example.nl",
        "preferred_username": "alice",
        "given_name": "Alice",
        "family_name": "de Vries",
        "groups": ["inkomen-noord", "inkomen-zuid-leiding"],
    },
)


@pytest.fixture
def provider():
    with run_server_in_thread(user_claims=[ALICE], require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(provider, db):
    from django.core.cache import cache

    cache.clear()
    with override_settings(
        OIDC_RP_CLIENT_ID="bedoeling",
        OIDC_RP_CLIENT_SECRET="test-secret",
        OIDC_OP_DISCOVERY=f"{provider}/.well-known/openid-configuration",
        ALLOWED_HOSTS=["localhost", "testserver"],
    ):
        yield provider
    cache.clear()


@pytest.fixture
def mappings(team, other_team):
    GroupMapping.objects.create(claim_value="inkomen-noord", team=team, role=Role.PROFESSIONAL)
    GroupMapping.objects.create(claim_value="inkomen-noord-leiding", team=team, role=Role.LEAD)
    GroupMapping.objects.create(claim_value="inkomen-zuid-leiding", team=other_team, role=Role.LEAD)


def set_claims(provider: str, user: User) -> None:
    """Change what the provider says about a person (its own admin endpoint)."""
    requests.put(f"{provider}/users/{user.sub}", json=user.claims, timeout=5).raise_for_status()


def log_in(client, sub: str):
    """The browser's part: to the app, on to the provider, choose the person there, back to the
    app's callback, which then fetches the tokens from the provider itself."""
    to_provider = client.get("/oidc/authenticate/")
    assert to_provider.status_code == 302, to_provider.content
    authorize = to_provider["Location"]
    at_provider = requests.Session()
    form = at_provider.get(authorize, timeout=10)
    assert form.status_code == 200 and re.search(r'name="sub"', form.text)
    back = at_provider.post(authorize, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert back.status_code == 302, back.text
    callback = urlsplit(back.headers["Location"])
    assert (callback.netloc, callback.path) == ("testserver", "/oidc/callback/")
    return client.get(f"{callback.path}?{callback.query}", follow=True)


def session_user_id(client) -> int | None:
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id else None
