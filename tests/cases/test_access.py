"""Every case URL for every kind of person: 404 outside the team, 403 for a role without the
right, and the page for those who may."""

import pytest
from django.urls import reverse

from cases.models import CaseStatus
from tests.factories import CaseFactory

PEOPLE = ["author", "colleague", "lead", "director", "other_director", "outsider", "anonymous"]


@pytest.fixture
def people(professional, colleague, lead, director, other_director, outsider):
    return {
        "author": professional,
        "colleague": colleague,
        "lead": lead,
        "director": director,
        "other_director": other_director,
        "outsider": outsider,
        "anonymous": None,
    }


def _request(client, people, who, method, url, data=None):
    if people[who] is not None:
        client.force_login(people[who])
    response = getattr(client, method)(url, data or {})
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return 302
    return response.status_code


SUBMITTED_EXPECTATIONS = {
    # url name, method: expected status for each of PEOPLE (anonymous: redirect to login)
    ("cases:detail", "get"): [200, 200, 200, 200, 404, 404, 302],
    ("cases:edit", "get"): [403, 403, 200, 403, 404, 404, 302],
    ("cases:submit", "post"): [403, 403, 403, 403, 404, 404, 302],
    ("cases:comment", "post"): [302, 302, 302, 403, 404, 404, 302],
    ("cases:withdraw", "post"): [302, 403, 302, 403, 404, 404, 302],
}


@pytest.mark.parametrize(("url_name", "method"), list(SUBMITTED_EXPECTATIONS))
@pytest.mark.parametrize("who", PEOPLE)
def test_a_submitted_case(client, people, team, url_name, method, who):
    case = CaseFactory(team=team, author=people["author"], status=CaseStatus.SUBMITTED)
    expected = SUBMITTED_EXPECTATIONS[(url_name, method)][PEOPLE.index(who)]
    data = {"text": "Goed punt."} if url_name == "cases:comment" else {}
    url = reverse(url_name, args=[case.pk])
    assert _request(client, people, who, method, url, data) == expected


DRAFT_EXPECTATIONS = {
    ("cases:detail", "get"): [200, 404, 404, 404, 404, 404, 302],
    ("cases:edit", "get"): [200, 404, 404, 404, 404, 404, 302],
    ("cases:submit", "post"): [302, 404, 404, 404, 404, 404, 302],
    ("cases:withdraw", "post"): [302, 404, 404, 404, 404, 404, 302],
}


@pytest.mark.parametrize(("url_name", "method"), list(DRAFT_EXPECTATIONS))
@pytest.mark.parametrize("who", PEOPLE)
def test_a_draft_is_the_authors_alone(client, people, team, url_name, method, who):
    case = CaseFactory(team=team, author=people["author"], status=CaseStatus.DRAFT)
    expected = DRAFT_EXPECTATIONS[(url_name, method)][PEOPLE.index(who)]
    url = reverse(url_name, args=[case.pk])
    assert _request(client, people, who, method, url) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    list(zip(PEOPLE, [200, 200, 200, 200, 404, 404, 302], strict=True)),
)
def test_the_team_case_list(client, people, team, who, expected):
    assert _request(client, people, who, "get", reverse("cases:team", args=[team.pk])) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    list(zip(PEOPLE, [200, 200, 200, 403, 403, 200, 302], strict=True)),
)
def test_the_intake_form(client, people, who, expected):
    assert _request(client, people, who, "get", reverse("cases:create")) == expected


def test_my_cases_lists_only_my_own(client, people, team):
    mine = CaseFactory(team=team, author=people["author"], title="Mijn eigen casus")
    CaseFactory(team=team, author=people["colleague"], title="Casus van een collega")
    client.force_login(people["author"])
    response = client.get(reverse("cases:mine"))
    assert mine.title in response.text
    assert "Casus van een collega" not in response.text


def test_get_is_refused_where_post_is_required(client, people, team):
    case = CaseFactory(team=team, author=people["author"], status=CaseStatus.DRAFT)
    client.force_login(people["author"])
    for name in ("cases:submit", "cases:withdraw", "cases:comment"):
        assert client.get(reverse(name, args=[case.pk])).status_code == 405
