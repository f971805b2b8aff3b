"""Every URL the project serves, taken from the URL resolver, answers hostile query strings and
form bodies with a clear 4xx page or a form error - never a 500 - for each role and anonymous.

Every field name of every form (and the query parameters the views read) gets, in turn, a date
far in the future or the past, text where a number goes, a number too large for the database,
a negative number, a NUL character and bytes that are not UTF-8.
"""

from __future__ import annotations

import importlib
import inspect

import pytest
from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from digests.models import BuildRequest
from digests.tables import EXPORTS
from tests.pages import build_world

pytestmark = pytest.mark.django_db

QUERY_PARAMETERS = ["page", "item", "fragment", "digest", "next", "language", "case", "direction"]
FORMSET = ["actions-TOTAL_FORMS", "actions-INITIAL_FORMS", "actions-0-due_on", "actions-0-owner"]


def _field_names() -> list[str]:
    names: set[str] = set()
    for module_name in ["cases.forms", "deliberations.forms", "digests.forms", "bedoeling.forms"]:
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module_name
            ):
                names |= set(value.base_fields)
    return sorted(names | set(QUERY_PARAMETERS) | set(FORMSET))


NAMES = _field_names()
HOSTILE = {
    "far future": "9999-12-31",
    "future datetime": "9999-12-31T23:59",
    "text": "abc",
    "huge number": "99999999999999999999999",
}
# Refused by the middleware before any view: 400.
REFUSED = {"NUL": "%00", "not UTF-8": "%FF%FE"}


def _encoded(value: str) -> str:
    return "&".join(f"{name}={value}" for name in NAMES)


def _routes(patterns=None, prefix: str = "", namespace: str = ""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _routes(pattern.url_patterns, prefix, (inner or namespace).strip(":"))
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern


def _arguments(world: dict, build_request: BuildRequest) -> dict[str, dict]:
    """Real objects for every URL with arguments, so the views get past their lookups."""
    decided, running_item = world["decided"], world["running_item"]
    action = decided.actions.first()
    return {
        "team_detail": {"pk": world["noord"].pk},
        "help_role": {"role": "professional"},
        "cases:team": {"team_pk": world["noord"].pk},
        "cases:detail": {"pk": decided.pk},
        "cases:edit": {"pk": world["draft"].pk},
        "cases:submit": {"pk": world["draft"].pk},
        "cases:withdraw": {"pk": world["waiting"].pk},
        "cases:adopt_rule": {"pk": world["waiting"].pk},
        "cases:comment": {"pk": decided.pk},
        "deliberations:meeting": {"pk": world["running"].pk},
        "deliberations:start": {"pk": world["planned"].pk},
        "deliberations:agenda_add": {"pk": world["planned"].pk},
        "deliberations:minutes": {"pk": world["closed"].pk},
        "deliberations:minutes_save": {"pk": world["running"].pk},
        "deliberations:attendance": {"pk": world["running"].pk},
        "deliberations:close": {"pk": world["running"].pk},
        "deliberations:ics": {"pk": world["planned"].pk},
        "deliberations:agenda_move": {"pk": running_item.pk},
        "deliberations:agenda_remove": {"pk": running_item.pk},
        "deliberations:notes": {"pk": running_item.pk},
        "deliberations:decide": {"pk": running_item.pk},
        "deliberations:correct": {"pk": world["decision"].pk},
        "deliberations:escalation": {"pk": world["escalation"].pk},
        "deliberations:action_done": {"pk": action.pk},
        "deliberations:outcome": {"pk": decided.pk},
        "digests:retry": {"pk": build_request.pk},
        "digests:detail": {"pk": world["team_digest"].pk},
        "digests:export": {"pk": world["team_digest"].pk, "table": next(iter(EXPORTS))},
        "digests:signal": {"pk": world["signal"].pk},
        "digests:signal_move": {"pk": world["signal"].pk},
        "digests:example_publish": {"case_pk": decided.pk},
        "password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        **{
            f"digests:{name}": {"pk": world["thread"].pk}
            for name in (
                "thread",
                "thread_name",
                "thread_reject",
                "thread_merge",
                "thread_split",
                "thread_signal",
                "thread_link",
            )
        },
        **{
            f"api:{name}-detail": {"pk": 1}
            for name in ("team", "digest", "rule", "signal", "thread", "decision")
        },
    }


@pytest.fixture
def walk():
    world = build_world()
    build_request = BuildRequest.objects.create(
        team=world["noord"],
        start=world["team_digest"].start,
        end=world["team_digest"].end,
        state=BuildRequest.State.FAILED,
        reason="OperationalError",
    )
    arguments = _arguments(world, build_request)
    urls = []
    for name, _pattern in _routes():
        urls.append(reverse(name, kwargs=arguments.get(name, {})))
    return world, sorted(set(urls))


def _client(world: dict, role: str | None) -> Client:
    client = Client(raise_request_exception=True)
    if role:
        client.force_login(world[role])
    return client


@pytest.mark.parametrize("role", [None, "professional", "lead", "director"])
def test_no_url_answers_hostile_input_with_a_500(walk, role):
    world, urls = walk
    assert len(urls) > 50  # every pattern was reached
    client = _client(world, role)
    client.raise_request_exception = False
    seen, failures = [], []
    for url in urls:
        for label, value in HOSTILE.items():
            for method in ("get", "post"):
                if method == "get":
                    response = client.get(f"{url}?{_encoded(value)}")
                else:
                    response = client.post(
                        url,
                        _encoded(value),
                        content_type="application/x-www-form-urlencoded",
                    )
                seen.append(response.status_code)
                if response.status_code >= 500:
                    failures.append((url, method, label, response.status_code))
                if url == reverse("logout"):
                    client = _client(world, role)
                    client.raise_request_exception = False
    assert not failures, "\n".join(map(str, sorted(set(failures))))
    assert set(seen) & {200, 302}  # the walk reached real pages, not only refusals


@pytest.mark.parametrize("label", REFUSED)
def test_nul_and_bytes_that_are_not_utf8_are_refused_with_a_styled_400(walk, label):
    world, urls = walk
    client = _client(world, "professional")
    value = REFUSED[label]
    for url in [reverse("cases:mine"), reverse("digests:search"), reverse("cases:create")]:
        response = client.get(f"{url}?{_encoded(value)}")
        assert response.status_code == 400, (url, label)
        assert 'class="bd-header"' in response.text
        response = client.post(
            url, _encoded(value), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 400, (url, label)


def _filters(form_class) -> list[str]:
    """A filter form's dates, numbers and choices."""
    return [
        name
        for name, field in form_class.base_fields.items()
        if not isinstance(field, forms.CharField) or isinstance(field, forms.ChoiceField)
    ]


def test_each_filter_on_its_own_with_a_hostile_value_answers_without_a_500(walk):
    """One filter at a time on the pages that filter, so another filter's error does not hide
    it (the drill-down search's dates with 9999-12-31 were a 500 on their own)."""
    from cases.forms import CaseFilterForm
    from digests.forms import CaseSearchForm

    world, _urls = walk
    client = _client(world, "director")
    client.raise_request_exception = False
    pages = {
        reverse("digests:search"): [*_filters(CaseSearchForm), "ids", "page"],
        reverse("cases:team", args=[world["noord"].pk]): [*_filters(CaseFilterForm), "page"],
        reverse("deliberations:create"): ["team"],
    }
    assert len(pages[reverse("digests:search")]) > 15
    failures = []
    for url, names in pages.items():
        for name in names:
            for value in ("9999-12-31", "99999999999999999999999", "abc"):
                response = client.get(url, {name: value})
                if response.status_code >= 500:
                    failures.append((url, name, value))
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize(
    "name", ["submitted_from", "decided_from", "decision_from", "outcome_from", "open_on"]
)
def test_the_drill_down_search_refuses_year_9999_with_a_message(walk, name):
    world, _urls = walk
    client = _client(world, "director")
    response = client.get(reverse("digests:search"), {name: "9999-12-31"})
    assert response.status_code in (200, 422)
    assert "1 januari 2000" in response.text and "31 december 2099" in response.text


@pytest.mark.parametrize(("query", "status"), [("?team=abc", 400), ("?team=%00", 400)])
def test_a_new_meeting_for_a_team_that_is_not_a_number_is_a_400(walk, query, status):
    world, _urls = walk
    response = _client(world, "lead").get(reverse("deliberations:create") + query)
    assert response.status_code == status
    assert 'class="bd-header"' in response.text


def test_the_digest_form_refuses_dates_the_build_cannot_handle(walk):
    world, _urls = walk
    before = BuildRequest.objects.count()
    response = _client(world, "director").post(
        reverse("digests:build"),
        {"scope": "organisation", "start": "9999-12-25", "end": "9999-12-31"},
    )
    assert response.status_code == 422
    assert "31 december 2099" in response.text
    assert 'value="9999-12-25"' in response.text  # what was typed is kept
    assert BuildRequest.objects.count() == before


def test_a_form_body_that_is_not_utf8_is_refused_not_stored_garbled(walk):
    world, _urls = walk
    client = _client(world, "professional")
    case = world["decided"]
    before = case.comments.count()
    response = client.post(
        reverse("cases:comment", args=[case.pk]),
        b"text=caf%E9+au+lait",  # Latin-1, not UTF-8
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert case.comments.count() == before


def test_a_get_on_a_post_only_address_is_a_styled_405(walk):
    world, _urls = walk
    response = _client(world, "lead").get(reverse("digests:build"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert 'class="bd-header"' in response.text
    assert "Zo kan dit niet" in response.text
