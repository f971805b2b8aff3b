"""The two ways in: the organisation's identity provider (OpenID Connect), and a password of
this app, which can be switched off for everyone but the break-glass administrators."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from organisations.audit import Result, audit
from organisations.models import Membership

from .config import local_login_allowed, oidc_setting, sso_enabled
from .memberships import mapped_roles, sync_memberships

REFUSED = "sso_refused"  # the session key that tells the refusal page why


class LocalPasswordBackend(ModelBackend):
    """Django's password login, for those who may still use it (BEDOELING_LOCAL_LOGIN)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and not local_login_allowed(username):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class OidcBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's authorization-code flow; the groups claim keeps the memberships."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django builds every backend for every login; without SSO there is nothing to read.
        self.UserModel = get_user_model()
        if sso_enabled():
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        if not sso_enabled() or request is None:
            return None
        return super().authenticate(request, **kwargs)

    def get_userinfo(self, access_token, id_token, payload):
        # Entra ID sends groups in the ID token, Keycloak in both: read both, userinfo wins.
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise SuspiciousOperation("Claims verification failed")
        users = list(self.filter_users_by_claims(claims))
        if len(users) > 1:
            raise SuspiciousOperation("Multiple users returned")
        user = users[0] if users else None
        roles = mapped_roles(self._groups(claims))
        if user is None and not roles:
            return self._refuse(None)
        user = self.create_user(claims) if user is None else self.update_user(user, claims)
        sync_memberships(user, roles)
        if not user.is_staff and not Membership.objects.of(user).exists():
            return self._refuse(user)
        audit("sso.login", actor=user, obj=user)
        return user

    def _groups(self, claims) -> list[str]:
        groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
        if isinstance(groups, str):
            groups = [groups]
        return [str(group) for group in groups]

    def _refuse(self, user) -> None:
        self.request.session[REFUSED] = "no_group"
        audit("sso.login", actor=user, obj=user, result=Result.REFUSED, reason="no_group")
        return None

    def create_user(self, claims):
        username = claims.get("preferred_username") or claims.get("email")
        if self.UserModel.objects.filter(username__iexact=username).exists():
            username = self.get_username(claims)
        user = self.UserModel.objects.create_user(username, email=claims.get("email"))
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        names = {
            "first_name": (claims.get("given_name") or "")[:150],
            "last_name": (claims.get("family_name") or "")[:150],
            "email": claims.get("email") or user.email,
        }
        changed = [field for field, value in names.items() if getattr(user, field) != value]
        for field in changed:
            setattr(user, field, names[field])
        if changed:
            user.save(update_fields=changed)
        return user
