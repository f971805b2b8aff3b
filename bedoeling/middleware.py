"""Headers every response gets: no browser features, and no caching of case content."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


def privacy_headers(get_response: Callable[[HttpRequest], HttpResponse]):
    """`Permissions-Policy` on every response; `Cache-Control: no-store` on every response to
    a signed-in person.

    Every page, htmx fragment, CSV and .ics file behind the login may hold case content, so
    none may stay in the browser's cache or a shared proxy after the person has signed out.
    Pages for anonymous visitors (login, health probe) and static files keep their own caching.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response

    return middleware
