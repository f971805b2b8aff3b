"""Logging in: a lock per (username, address) pair, a throttle per address, and audit lines.

django-axes counts the failures. Locking by username alone lets anyone lock a colleague out
by typing wrong passwords for their username; locking by address alone locks out everyone
behind the same address. So axes locks the pair (AXES_LOCKOUT_PARAMETERS), and this handler
adds a second, higher limit for one address across all usernames (someone trying many
accounts from one machine). Both end after the same cool-off: axes removes attempts older
than AXES_COOLOFF_TIME, so a longer address window could not be counted anyway.
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models import Sum
from django.http import HttpRequest

from organisations.audit import Result, audit, request_context


def address_failures(request: HttpRequest) -> int:
    """Failed logins from this request's address within the cool-off, over every username."""
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    if not hasattr(request, "axes_attempt_time"):
        request.axes_attempt_time = None
    attempts = AccessAttempt.objects.filter(
        ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_throttled(request: HttpRequest) -> bool:
    return address_failures(request) >= settings.BEDOELING_ADDRESS_FAILURE_LIMIT


class PairAndAddressHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or address_throttled(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and address_throttled(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def _logged_in(sender, request, user, **kwargs) -> None:
    from .middleware import touch

    # The idle time counts from the login; stored with the login's own session write.
    touch(request, force=True)
    with request_context(request):
        audit("login", actor=user, obj=user)


def _logged_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    with request_context(request):
        audit("logout", actor=user, obj=user, reason=getattr(request, "logout_reason", "asked"))


def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    """The username typed is not logged (it may be a mistyped password or someone's name);
    when it belongs to an account, that account's id is. Runs after axes' own receiver, so
    a refusal by the lock is known."""
    User = get_user_model()
    username = (credentials or {}).get("username") or ""
    user_id = (
        User.objects.filter(**{User.USERNAME_FIELD: username}).values_list("pk", flat=True).first()
    )
    obj = ("auth.user", user_id) if user_id else None
    refused = request is not None and getattr(request, "axes_locked_out", False)
    result = Result.REFUSED if refused else Result.FAILURE
    if request is None:
        audit("login", obj=obj, result=result)
        return
    with request_context(request):
        audit("login", obj=obj, result=result)


def connect_audit_receivers() -> None:
    """Called from SiteConfig.ready(): after django-axes connected its receivers, so the
    failure line knows whether axes refused the attempt."""
    user_logged_in.connect(_logged_in, dispatch_uid="audit_login")
    user_logged_out.connect(_logged_out, dispatch_uid="audit_logout")
    user_login_failed.connect(_login_failed, dispatch_uid="audit_login_failed")
