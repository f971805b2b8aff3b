"""Sessions that end, the audit trail of each request, and what every request and response
gets for privacy (`privacy`: no browser features, no cached case content, no posted text in
error reports).

- A session ends after BEDOELING_SESSION_IDLE_MINUTES without a request (WCAG 2.2.1: the page
  warns a minute before and lets the person extend, static/js/session.js). The check is made
  here, on the server, so it holds without JavaScript too; the login page then says why.
- A person who was deactivated (or removed) is logged out at their next request: Django's
  ModelBackend already treats them as anonymous, this also ends the session itself and writes
  the audit line.
- Every line the request causes in the audit log says where it came from, and a refused access
  (403 or 404) is written down.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import ngettext

from organisations.audit import Result, audit, request_context

LAST_SEEN = "bedoeling_last_seen"
# Sent on every response to a logged-in person: the seconds until the session ends, for the
# warning after an htmx or fetch request (a page carries it in the dialog's data attribute).
SECONDS_LEFT_HEADER = "X-Session-Seconds-Left"


def idle_seconds() -> int:
    return settings.BEDOELING_SESSION_IDLE_SECONDS


def _write_interval() -> int:
    """Writing the session costs a query, so the moment of the last request is stored at most
    once a minute (more often for very short idle times); the warning counts from what is
    stored, so it is never late."""
    return min(60, idle_seconds() // 30)


def touch(request: HttpRequest, *, force: bool = False) -> None:
    now = timezone.now().timestamp()
    last_seen = request.session.get(LAST_SEEN)
    if force or last_seen is None or not 0 <= now - last_seen < _write_interval():
        request.session[LAST_SEEN] = now


def seconds_left(request: HttpRequest) -> int:
    last_seen = request.session.get(LAST_SEEN)
    if last_seen is None:
        return idle_seconds()
    return max(0, int(last_seen + idle_seconds() - timezone.now().timestamp()))


class SessionAndAuditMiddleware:
    """After the authentication and message middleware. It acts before any view hook runs,
    so LoginRequiredMiddleware sends a session that ended here to the login page like any
    anonymous visit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_context(request):
            self._end_stale_session(request)
            if request.user.is_authenticated:
                touch(request)
            response = self.get_response(request)
            # The API (DRF) replaces the user by its token's caller, or None without one.
            if getattr(request.user, "is_authenticated", False):
                response[SECONDS_LEFT_HEADER] = str(seconds_left(request))
                if response.status_code in (403, 404):
                    self._audit_refusal(request, response)
        return response

    def _end_stale_session(self, request: HttpRequest) -> None:
        session = request.session
        if not request.user.is_authenticated:
            if session.get(SESSION_KEY) is not None:
                # The session names a person the backend no longer accepts: deactivated.
                audit(
                    "logout",
                    actor=_as_int(session.get(SESSION_KEY)),
                    obj=("auth.user", _as_int(session.get(SESSION_KEY))),
                    reason="deactivated",
                )
                session.flush()
            return
        last_seen = session.get(LAST_SEEN)
        if last_seen is None or timezone.now().timestamp() - last_seen <= idle_seconds():
            return
        request.logout_reason = "idle"
        logout(request)
        minutes = max(1, round(idle_seconds() / 60))
        messages.info(
            request,
            ngettext(
                "Your session ended after %(minutes)d minute without activity, to protect "
                "the case information. Log in again to continue.",
                "Your session ended after %(minutes)d minutes without activity, to protect "
                "the case information. Log in again to continue.",
                minutes,
            )
            % {"minutes": minutes},
        )

    def _audit_refusal(self, request: HttpRequest, response: HttpResponse) -> None:
        match = request.resolver_match
        kind = match.view_name if match else "unknown-url"
        ids = [v for v in (match.kwargs.values() if match else ()) if isinstance(v, int)]
        audit(
            "access",
            actor=request.user,
            obj=(kind, ids[0] if ids else None),
            result=Result.REFUSED,
            status=response.status_code,
            method=request.method,
        )


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def privacy(get_response: Callable[[HttpRequest], HttpResponse]):
    """- Every POST's parameters are hidden from error reports (as Django's
      `sensitive_post_parameters()` would for one view): in this app nearly every form carries
      case text, and a view that forgets the decorator must not leak it into a mailed report.
    - `Permissions-Policy` on every response.
    - `Cache-Control: no-store` on every response to a signed-in person: every page, htmx
      fragment, CSV and .ics file behind the login may hold case content, so none may stay in
      the browser's cache or a shared proxy after the person has signed out. Pages for anonymous
      visitors and static files keep their own caching.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            request.sensitive_post_parameters = "__ALL__"
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response

    return middleware
