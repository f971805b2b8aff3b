"""Every digest URL for every role: professional, lead and director of team Noord, director and
professional of team Zuid, someone without a team, and an anonymous visitor."""

import pytest
from django.urls import reverse

from digests.models import Digest
from digests.tables import TABLES
from tests.digests.fixtures_pages import END, START, make_world

ROLES = (
    "professional",
    "lead",
    "director",
    "other_director",
    "other_professional",
    "nobody",
    "anonymous",
)


@pytest.fixture
def world(db):
    return make_world()


def _client_as(client, world, role):
    if role != "anonymous":
        client.force_login(world[role])
    return client


DASHBOARD = dict(zip(ROLES, (200, 200, 200, 200, 200, 403, 302), strict=True))
TEAM_DIGEST = dict(zip(ROLES, (200, 200, 200, 404, 404, 404, 302), strict=True))
ORG_DIGEST = dict(zip(ROLES, (404, 404, 200, 200, 404, 404, 302), strict=True))
# Build requests: 302 back to the dashboard; 422 a form error (a scope that is not theirs).
BUILD_TEAM = dict(zip(ROLES, (403, 302, 302, 422, 403, 403, 302), strict=True))
BUILD_ORG = dict(zip(ROLES, (403, 422, 302, 302, 403, 403, 302), strict=True))
SEARCH = dict(zip(ROLES, (200, 200, 200, 200, 200, 200, 302), strict=True))


def _login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("login") + "?next="
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard(client, world, role):
    response = _client_as(client, world, role).get(reverse("digests:dashboard"))
    assert response.status_code == DASHBOARD[role]
    if role == "anonymous":
        assert _login_redirect(response)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["team", "org"])
def test_the_digest_page(client, world, role, scope):
    digest = world["team_digest" if scope == "team" else "org_digest"]
    expected = (TEAM_DIGEST if scope == "team" else ORG_DIGEST)[role]
    response = _client_as(client, world, role).get(reverse("digests:detail", args=[digest.pk]))
    assert response.status_code == expected
    if role == "anonymous":
        assert _login_redirect(response)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["team", "org"])
def test_every_csv(client, world, role, scope):
    digest = world["team_digest" if scope == "team" else "org_digest"]
    expected = (TEAM_DIGEST if scope == "team" else ORG_DIGEST)[role]
    client = _client_as(client, world, role)
    for table in TABLES:
        response = client.get(reverse("digests:export", args=[digest.pk, table]))
        assert response.status_code == expected, table
        if expected == 200:
            assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["team", "org"])
def test_a_build_request(client, world, role, scope, django_capture_on_commit_callbacks):
    value = str(world["team"].pk) if scope == "team" else "organisation"
    expected = (BUILD_TEAM if scope == "team" else BUILD_ORG)[role]
    before = Digest.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = _client_as(client, world, role).post(
            reverse("digests:build"),
            {"scope": value, "start": START.isoformat(), "end": END.isoformat()},
        )
    assert response.status_code == expected
    if role == "anonymous":
        assert _login_redirect(response)
    elif expected == 302:
        assert response["Location"] == reverse("digests:dashboard")
    assert Digest.objects.count() == before + (1 if expected == 302 and role != "anonymous" else 0)


@pytest.mark.parametrize("role", ROLES)
def test_a_build_request_must_be_posted(client, world, role):
    response = _client_as(client, world, role).get(reverse("digests:build"))
    if role == "anonymous":
        assert _login_redirect(response)  # the login-required middleware answers first
    else:
        assert response.status_code == 405


@pytest.mark.parametrize("role", ROLES)
def test_the_case_search(client, world, role):
    response = _client_as(client, world, role).get(reverse("digests:search"))
    assert response.status_code == SEARCH[role]
    if role == "anonymous":
        assert _login_redirect(response)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("professional", {"c1", "c2", "c3", "c4", "c5", "previous"}),
        ("lead", {"c1", "c2", "c3", "c4", "c5", "previous"}),
        ("director", {"c1", "c2", "c3", "c4", "c5", "previous"}),
        ("other_director", {"zuid"}),
        ("other_professional", {"zuid"}),
        ("nobody", set()),
    ],
)
def test_the_case_search_lists_only_cases_the_person_may_see(client, world, role, expected):
    names = {f"c{n}": case.pk for n, case in enumerate(world["cases"], start=1)}
    names |= {"previous": world["previous"].pk, "zuid": world["zuid"].pk}
    client.force_login(world[role])
    ids = ",".join(str(pk) for pk in names.values())
    response = client.get(reverse("digests:search"), {"ids": ids})
    listed = {case.pk for case in response.context["page"].object_list}
    assert listed == {names[name] for name in expected}


def test_a_team_that_is_not_yours_is_refused_in_the_search(client, world):
    client.force_login(world["other_professional"])
    response = client.get(reverse("digests:search"), {"team": world["team"].pk})
    assert response.status_code == 200
    assert "team" in response.context["filter_form"].errors
    assert list(response.context["page"].object_list) == []


def test_the_way_back_only_to_a_digest_you_may_see(client, world):
    client.force_login(world["other_professional"])
    response = client.get(reverse("digests:search"), {"digest": world["team_digest"].pk})
    assert response.context["digest"] is None
    assert world["team_digest"].get_absolute_url() not in response.text
    client.force_login(world["professional"])
    response = client.get(reverse("digests:search"), {"digest": world["team_digest"].pk})
    assert response.context["digest"] == world["team_digest"]
    assert f'href="{world["team_digest"].get_absolute_url()}"' in response.text
