import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Barrier, Case, PublicValue, Rule
from tests.factories import CaseFactory

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture
def cases(team, professional, rule):
    other_rule = Rule.objects.get(regulation__short_name="PW", reference="vermogensgrens")
    barrier = Barrier.objects.get(name="sturing op productie")
    with time_machine.travel(dt.datetime(2026, 9, 1, 10, tzinfo=AMSTERDAM), tick=False):
        old = CaseFactory(team=team, author=professional, title="Bankafschrift als download")
    with time_machine.travel(dt.datetime(2026, 11, 1, 10, tzinfo=AMSTERDAM), tick=False):
        new = CaseFactory(
            team=team,
            author=professional,
            title="Spaargeld voor uitvaart",
            rule=other_rule,
            barrier=barrier,
            status="draft",
        )
    new.public_values.add(PublicValue.objects.get(name="menselijke maat"))
    return old, new


def _titles(response) -> list[str]:
    return [case.title for case in response.context["page"].object_list]


def test_it_filters_by_status_rule_barrier_value_and_dates(client, professional, team, cases):
    old, new = cases
    client.force_login(professional)
    url = reverse("cases:team", args=[team.pk])
    assert _titles(client.get(url, {"status": "draft"})) == [new.title]
    assert _titles(client.get(url, {"rule": old.rule_id})) == [old.title]
    assert _titles(client.get(url, {"barrier": new.barrier_id})) == [new.title]
    value = PublicValue.objects.get(name="menselijke maat")
    assert _titles(client.get(url, {"public_value": value.pk})) == [new.title]
    assert _titles(client.get(url, {"date_from": "2026-10-01"})) == [new.title]
    assert _titles(client.get(url, {"date_to": "2026-09-30"})) == [old.title]


def test_it_searches_the_text_and_sorts(client, professional, team, cases):
    old, new = cases
    client.force_login(professional)
    url = reverse("cases:team", args=[team.pk])
    assert _titles(client.post(url, {"q": "uitvaart"}, follow=True)) == [new.title]
    assert _titles(client.post(url, {"q": "BANKAFSCHRIFT download"}, follow=True)) == [old.title]
    assert _titles(client.get(url)) == [new.title, old.title]
    assert _titles(client.get(url, {"sort": "created"})) == [old.title, new.title]
    assert _titles(client.get(url, {"sort": "title"})) == [old.title, new.title]


def test_it_explains_a_reversed_date_range(client, professional, team, cases):
    client.force_login(professional)
    response = client.get(
        reverse("cases:team", args=[team.pk]), {"date_from": "2026-10-01", "date_to": "2026-09-01"}
    )
    assert "De einddatum ligt voor de begindatum." in response.text


def test_it_paginates_and_keeps_the_filters(client, professional, team):
    CaseFactory.create_batch(30, team=team, author=professional)
    client.force_login(professional)
    response = client.get(reverse("cases:team", args=[team.pk]), {"status": "submitted"})
    assert len(response.context["page"].object_list) == 25
    assert "status=submitted&amp;page=2" in response.text
    second = client.get(reverse("cases:team", args=[team.pk]), {"status": "submitted", "page": 2})
    assert len(second.context["page"].object_list) == 5


@pytest.mark.parametrize("url_name", ["cases:mine", "cases:team"])
def test_the_query_count_does_not_grow_with_the_cases(client, professional, team, url_name):
    client.force_login(professional)
    url = reverse(url_name) if url_name == "cases:mine" else reverse(url_name, args=[team.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    CaseFactory.create_batch(2, team=team, author=professional)
    few = count()
    for case in CaseFactory.create_batch(20, team=team, author=professional):
        case.public_values.set(PublicValue.objects.all()[:2])
    assert Case.objects.count() == 22
    assert count() == few


def test_searching_for_personal_data_is_refused(client, professional, team, cases):
    client.force_login(professional)
    response = client.post(reverse("cases:team", args=[team.pk]), {"q": "bsn 111222333"})
    assert response.status_code == 200
    assert "Zoek niet op persoonsgegevens" in response.text
    assert _titles(response) == []
