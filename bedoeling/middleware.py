"""What every request and response gets for privacy: no browser features, no cached case
content, and no posted text in error reports."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


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
