"""Everything a person can reach: pages, htmx partials, CSV and .ics files, found by following
links from their home page and the list pages, plus every URL pattern aimed at given objects."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urldefrag, urlsplit

from django.test import Client
from django.urls import reverse

from . import matrix

# Attributes that lead somewhere a GET request may go.
LINK = re.compile(r'(?:href|hx-get|src|action)="([^"]*)"')
# Not followed: the admin (its own tests), static files, and links that change the session.
SKIP = ("/static/", "/admin/", "/i18n/", "/accounts/logout/")


@dataclass(frozen=True)
class Fetched:
    method: str
    url: str
    status: int
    text: str
    content_type: str = ""


def _text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def links(page: str) -> Iterator[str]:
    for raw in LINK.findall(page):
        url, _fragment = urldefrag(html.unescape(raw))
        if url.startswith("/") and not url.startswith("//") and not url.startswith(SKIP):
            yield url


def list_pages() -> list[str]:
    """Every page that takes no arguments: home, the lists, the forms to start from."""
    return [
        reverse(key)
        for key, pattern in matrix.url_patterns().items()
        if "/" not in key
        and not key.startswith(("admin:", "logout", "set_language"))
        and not pattern.pattern.converters
    ]


def crawl(client: Client, seeds: Iterable[str], *, limit: int = 600) -> list[Fetched]:
    """GET every seed and every link found on what came back, breadth first."""
    queue = list(dict.fromkeys(seeds))
    seen = set(queue)
    fetched = []
    while queue and len(fetched) < limit:
        url = queue.pop(0)
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url, headers=headers)
            text = _text(response)
            method = "HX_GET" if headers else "GET"
            kind = response.get("Content-Type", "")
            fetched.append(Fetched(method, url, response.status_code, text, kind))
        if "html" not in kind:
            continue
        for link in links(text):
            # Pages of a list beyond the first few and repeated filters add nothing new.
            if link not in seen and len(urlsplit(link).query) < 200:
                seen.add(link)
                queue.append(link)
    return fetched


def probe(client: Client, urls: Iterable[str], data: dict | None = None) -> list[Fetched]:
    """GET, POST and their htmx variants of each URL (aimed at objects of another team)."""
    fetched = []
    for url in urls:
        for method in matrix.METHODS:
            headers = {"HX-Request": "true"} if method.startswith("HX_") else {}
            if method.endswith("GET"):
                response = client.get(url, headers=headers)
            else:
                response = client.post(url, data or {}, headers=headers)
            kind = response.get("Content-Type", "")
            fetched.append(Fetched(method, url, response.status_code, _text(response), kind))
    return fetched
