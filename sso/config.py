"""What single sign-on is configured to do, read from settings when asked (never at import).

mozilla-django-oidc reads its endpoints from settings; with OIDC_OP_DISCOVERY set, the ones left
empty come from the provider's discovery document, fetched once an hour.
"""

from __future__ import annotations

import requests
from django.conf import settings
from django.core.cache import cache
from mozilla_django_oidc.utils import import_from_settings

DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
DISCOVERY_SECONDS = 60 * 60


def sso_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def local_login_allowed(username: str) -> bool:
    """Whether this person may log in with a password of this app."""
    if settings.BEDOELING_LOCAL_LOGIN == "all":
        return True
    return username.casefold() in {name.casefold() for name in settings.BEDOELING_BREAK_GLASS_USERS}


def _discovery() -> dict:
    url = settings.OIDC_OP_DISCOVERY
    key = f"sso:discovery:{url}"
    document = cache.get(key)
    if document is None:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
        cache.set(key, document, DISCOVERY_SECONDS)
    return document


def oidc_setting(name: str, *default):
    """A mozilla-django-oidc setting; an empty endpoint is taken from discovery when set."""
    if name in DISCOVERED and not getattr(settings, name, "") and settings.OIDC_OP_DISCOVERY:
        return _discovery()[DISCOVERED[name]]
    return import_from_settings(name, *default)
