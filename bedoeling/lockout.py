"""Failed logins: a lock per (username, address) pair and a throttle per address.

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
from django.db.models import Sum
from django.http import HttpRequest


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
