"""Where a form may send a person back to: its `next` field, when that is a path on this site."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def next_path(request: HttpRequest) -> str | None:
    """The POSTed `next` if it is a path on this site, else None. Never a word without a slash
    (`redirect()` would take that for a view's name) and never another site ("//x", "/\\x")."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts=set(), require_https=request.is_secure()
    ):
        return target
    return None
