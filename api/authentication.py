"""Who is calling: an application with a token in `Authorization: Bearer <token>`."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken


@dataclass(frozen=True)
class Application:
    """The caller as DRF's `request.user`: an application, never a person."""

    token: ApiToken

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False

    def __str__(self) -> str:
        return f"api-token:{self.token.pk}"


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header:
            return None
        if len(header) != 2 or header[0].lower() != self.keyword.lower():
            raise exceptions.AuthenticationFailed(_("Send the token as: Bearer <token>."))
        token = ApiToken.objects.holding(header[1])
        if token is None:
            raise exceptions.AuthenticationFailed(_("This token is not known."))
        if not token.is_valid():
            raise exceptions.AuthenticationFailed(_("This token has expired or was revoked."))
        return Application(token), token

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (with WWW-Authenticate) rather than 403 without a token.
        return f'{self.keyword} realm="api"'
