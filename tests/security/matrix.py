"""The machinery of the permission matrix: URL patterns from the URL configuration, rows, and
one request per cell. The table itself is in test_permission_matrix.py."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .world import PERSONAS, World

METHODS = ("GET", "POST", "HX_GET", "HX_POST")
# Tokens in a row: a status code, or
LOGIN = "L"  # a redirect to the login page, with ?next=
ADMIN_LOGIN = "A"  # a redirect to the admin's login page
REDIRECT = "R"  # any other redirect (after a change, or "not now, go there")


def walk(patterns=None, prefix: str = "", namespace: str = ""):
    """(key, route, pattern) for every URL pattern, in the order Django tries them."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield name, route, entry


def url_patterns() -> dict[str, URLPattern]:
    """Every pattern by its key: its name when that is unique, else its route."""
    found = list(walk())
    names = [name for name, _route, _pattern in found]
    keyed = {}
    for name, route, pattern in found:
        key = name if name and names.count(name) == 1 else route
        while key in keyed:  # the same route twice: the later one is never reached
            key += " (shadowed)"
        keyed[key] = pattern
    return keyed


def branches_on_htmx(pattern: URLPattern) -> bool:
    """Whether the view answers an htmx request differently (its source reads request.htmx)."""
    view = pattern.callback
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    try:
        return "request.htmx" in inspect.getsource(view)
    except (OSError, TypeError):
        return False


def _tokens(line: str | None) -> tuple[str, ...] | None:
    if line is None:
        return None
    tokens = tuple(line.split())
    if len(tokens) != len(PERSONAS):
        raise ValueError(f"{line!r}: one token per persona ({', '.join(PERSONAS)})")
    return tokens


@dataclass
class Row:
    """One URL pattern: how to reach it in the world, and the expected answer per method and
    persona (`GET="L 200 404 ..."`, one token per persona in the order of PERSONAS)."""

    key: str
    url: Callable[[World], str]
    expected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hx_query: str = ""

    def cells(self):
        for method, tokens in self.expected.items():
            yield from (
                (method, persona, token) for persona, token in zip(PERSONAS, tokens, strict=True)
            )


@dataclass(frozen=True)
class Lit:
    """A literal URL argument (not a world key)."""

    value: str


def row(key, *args, GET=None, POST=None, HX_GET=None, HX_POST=None, hx_query="", url=None):  # noqa: N803
    """A row for the pattern `key`: `args` are world keys (their pk goes into reverse()) or
    `Lit("value")`; `url(world)` instead, for a pattern without a unique name."""

    def build_url(world: World) -> str:
        if url is not None:
            return url(world)
        values = [arg.value if isinstance(arg, Lit) else world[arg].pk for arg in args]
        return reverse(key, args=values)

    expected = {
        method: tokens
        for method, tokens in zip(METHODS, map(_tokens, (GET, POST, HX_GET, HX_POST)), strict=True)
        if tokens is not None
    }
    return Row(key, build_url, expected, hx_query)


def client_for(world: World, persona: str) -> Client:
    client = Client()
    if persona != "anonymous":
        client.force_login(world[persona])
    return client


def answer(client: Client, method: str, url: str, hx_query: str = "") -> str:
    """One request, undone afterwards, as a token."""
    headers = {}
    if method.startswith("HX_"):
        headers["HX-Request"] = "true"
        if hx_query:
            url = f"{url}{'&' if '?' in url else '?'}{hx_query}"
    with transaction.atomic():
        if method.endswith("GET"):
            response = client.get(url, headers=headers)
        else:
            response = client.post(url, {}, headers=headers)
        transaction.set_rollback(True)
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        if location.startswith(reverse("login") + "?next="):
            return LOGIN
        return REDIRECT
    return str(response.status_code)


# The admin ------------------------------------------------------------------------------------


def admin_models() -> dict[str, type]:
    """The models registered in the admin, as "app_label.model_name"."""
    return {model._meta.label_lower: model for model in admin.site._registry}


def admin_rows(
    label: str,
    obj: Callable[[World], object],
    *,
    add: bool = True,
    change: bool | str = True,
    delete: bool = True,
) -> list[Row]:
    """The six patterns the admin makes for one model. Only the administrator gets in; what
    the model's admin refuses (adding, changing, deleting an accountability record) is 403."""
    app_label, model_name = label.split(".")
    # Model pages are not exempt from log-in, so an anonymous visitor goes to the app's log-in
    # first; a person without staff rights to the admin's.
    outside = "L " + "A " * (len(PERSONAS) - 2)

    def of(allowed: bool | str) -> tuple[str, ...]:
        status = allowed if isinstance(allowed, str) else ("200" if allowed else "403")
        return _tokens(outside + status)

    def url(view: str, with_pk: bool) -> Callable[[World], str]:
        name = f"admin:{app_label}_{model_name}_{view}"
        return lambda world: reverse(name, args=[obj(world).pk] if with_pk else [])

    def both(allowed: bool | str) -> dict[str, tuple[str, ...]]:
        return {"GET": of(allowed), "POST": of(allowed)}

    name = f"admin:{app_label}_{model_name}"
    changelist = url("changelist", False)
    return [
        Row(f"{name}_changelist", changelist, both(True)),
        Row(f"{name}_add", url("add", False), both(add)),
        Row(f"{name}_history", url("history", True), both(True)),
        Row(f"{name}_delete", url("delete", True), both(delete)),
        # Viewing is allowed where changing is not; saving is not.
        Row(f"{name}_change", url("change", True), {"GET": of(True), "POST": of(change)}),
        # The old address of the change page, /admin/<app>/<model>/<pk>/, redirects to it.
        Row(
            f"admin/{app_label}/{model_name}/<path:object_id>/",
            lambda world: f"{changelist(world)}{obj(world).pk}/",
            both(REDIRECT),
        ),
    ]


def view_on_site(world: World) -> str:
    case = world["decided"]
    content_type = ContentType.objects.get_for_model(case)
    return reverse("admin:view_on_site", args=[content_type.pk, case.pk])
