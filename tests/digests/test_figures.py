"""One definition per figure (digests.figures): the digest counts it and the search behind the
number lists it, so for someone who may see every case the two agree on every figure."""

import re

import pytest
from django.urls import reverse

from digests import figures
from digests.tables import Cell
from organisations.models import Membership, Role
from tests.digests.fixtures_pages import END, START, make_world

# Figures that are not a number of cases: days, and decisions (a case may have two current
# decisions in a period, an escalation and its answer; not in this world).
NOT_CASE_COUNTS = {("counts", 3), ("counts", 4)}


@pytest.fixture
def world(db):
    return make_world()


def _listed(client, href: str) -> int:
    response = client.get(href)
    assert response.status_code == 200
    return response.context["page"].paginator.count


@pytest.mark.parametrize("scope", ["team_digest", "org_digest"])
def test_every_number_counts_the_cases_its_search_lists(client, world, scope):
    director = world["director"]
    Membership.objects.create(user=director, team=world["other_team"], role=Role.DIRECTOR)
    client.force_login(director)  # oversees both teams: the search lists every case
    response = client.get(reverse("digests:detail", args=[world[scope].pk]))
    checked = 0
    for name, table in response.context["figures"].items():
        if name == "flags":
            continue
        for index, row in enumerate(table.rows):
            for cell in row:
                if not isinstance(cell, Cell) or not cell.numeric or not cell.href:
                    continue
                if (name, index) in NOT_CASE_COUNTS or not cell.value:
                    continue
                assert _listed(client, cell.href) == cell.value, (name, index, cell.href)
                checked += 1
    assert checked >= 25


def test_first_decided_counts_the_first_settling_decision_only(world):
    since, until = figures.period_bounds(START, END)
    first = set(figures.first_decisions(since, until).values_list("case_id", flat=True))
    c1, c2, c3, c4, c5 = world["cases"]
    # c3 was postponed and c5 escalated: not decided.
    assert first == {c1.pk, c2.pk, c4.pk, world["zuid"].pk}
    assert set(figures.first_decisions(until=since).values_list("case_id", flat=True)) == set()


def test_the_build_form_carries_iso_dates_the_browser_accepts():
    from django.utils import translation

    from digests.forms import BuildForm

    with translation.override("nl"):
        form = BuildForm(organisation=True, teams=[])
    html = str(form["start"])
    assert 'type="date"' in html
    assert re.search(r'value="\d{4}-\d{2}-\d{2}"', html)
