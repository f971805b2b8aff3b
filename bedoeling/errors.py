"""Clear answers to bad input and outages, instead of a 500 or an empty page.

- A query string or form body that is not valid UTF-8, or holds a NUL character, is refused
  with a styled 400 before any view sees it (it would be stored garbled, or break the database).
- An empty 405 (a GET on a POST-only address) becomes a styled page that keeps its Allow header.
- While the database is unreachable every page, the login page too, is a styled 503 with a
  retry hint (`server_error`, the project's handler500), never a traceback.
"""

from __future__ import annotations

import logging
import sys
from urllib.parse import unquote_to_bytes

from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
FORM_TYPES = ("application/x-www-form-urlencoded", "")


def _clean(encoded: bytes) -> bool:
    """Whether a query string or urlencoded body decodes to UTF-8 text without NUL."""
    for part in encoded.replace(b"+", b" ").split(b"&"):
        for piece in part.split(b"=", 1):
            try:
                text = unquote_to_bytes(piece).decode("utf-8")
            except UnicodeDecodeError:
                return False
            if "\x00" in text:
                return False
    return True


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The styled 400 (also handler400): a refused Host is refused before anyone logs in."""
    if not hasattr(request, "user"):
        request.user = AnonymousUser()
    return render(request, "400.html", status=400)


class BadInputMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
        if not _clean(query):
            return bad_request(request)
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if request.method == "POST" and content_type in FORM_TYPES and not _clean(request.body):
            return bad_request(request)
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            styled = render(request, "405.html", status=405)
            styled["Allow"] = response.get("Allow", "")
            return styled
        return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a styled 503 while the database is away, else the styled 500."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)
