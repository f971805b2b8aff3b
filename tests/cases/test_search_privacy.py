"""Typed search text never reaches a URL (and so no access log or browser history): the case
lists' search is POSTed, kept in the session under a random key, and the browser is redirected
to a URL with the other filters and that key only. Every POST is hidden from error reports."""

import re

import pytest
from django import forms
from django.urls import reverse
from django.views.debug import SafeExceptionReporterFilter

from digests.forms import CaseSearchForm
from tests.factories import CaseFactory

SECRET = "Oudegracht uitvaart"
URL_ATTRIBUTES = re.compile(r'(?:href|action|src|hx-get|hx-post|formaction)="([^"]*)"')


def _urls_in(html: str) -> list[str]:
    return URL_ATTRIBUTES.findall(html)


@pytest.fixture
def many_cases(team, professional):
    return CaseFactory.create_batch(
        30, team=team, author=professional, title="Spaargeld voor de uitvaart op de Oudegracht"
    )


@pytest.mark.parametrize("url_name", ["cases:mine", "cases:team"])
def test_the_searched_text_is_in_no_url(client, professional, team, many_cases, url_name):
    client.force_login(professional)
    url = reverse(url_name) if url_name == "cases:mine" else reverse(url_name, args=[team.pk])
    response = client.post(url, {"q": SECRET, "status": "submitted", "sort": "title"})
    assert response.status_code == 302
    location = response["Location"]
    assert "Oudegracht" not in location and "uitvaart" not in location
    assert "status=submitted" in location and "search=" in location
    page = client.get(location)
    assert len(page.context["page"].object_list) == 25
    assert page.context["filter_form"].cleaned_data["q"] == SECRET  # shown again in the box
    urls = _urls_in(page.text)
    assert any("page=2" in u for u in urls)  # the pagination keeps the search by its key
    assert not [u for u in urls if "Oudegracht" in u or "uitvaart" in u]
    next_page = next(u for u in urls if "page=2" in u).replace("&amp;", "&")
    second = client.get(location.split("?")[0] + next_page)
    assert len(second.context["page"].object_list) == 5


def test_text_in_a_url_is_not_searched(client, professional, team, many_cases):
    client.force_login(professional)
    response = client.get(reverse("cases:team", args=[team.pk]), {"q": "geen-treffer"})
    assert len(response.context["page"].object_list) == 25
    assert not response.context["filter_form"].is_bound
    assert not [u for u in _urls_in(response.text) if "page=2" in u and "geen-treffer" in u]


def test_a_search_key_works_only_in_its_own_session(client, professional, colleague, team):
    CaseFactory(team=team, author=professional, title="Uitvaart")
    CaseFactory(team=team, author=professional, title="Huur")
    client.force_login(professional)
    url = reverse("cases:team", args=[team.pk])
    location = client.post(url, {"q": "uitvaart"})["Location"]
    assert [c.title for c in client.get(location).context["page"].object_list] == ["Uitvaart"]
    client.force_login(colleague)
    assert len(client.get(location).context["page"].object_list) == 2


def test_a_refused_search_keeps_the_text_in_the_box_and_out_of_the_url(client, professional, team):
    client.force_login(professional)
    response = client.post(reverse("cases:team", args=[team.pk]), {"q": "bsn 111222333"})
    assert response.status_code == 200
    assert "Zoek niet op persoonsgegevens" in response.text
    assert 'value="bsn 111222333"' in response.text
    assert not [u for u in _urls_in(response.text) if "111222333" in u]


def test_the_search_form_posts(client, professional):
    client.force_login(professional)
    html = client.get(reverse("cases:mine")).text
    assert re.search(r'<form method="post"[^>]*role="search"', html)


def test_posted_text_is_hidden_from_error_reports(client, professional, intake_data):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, "situation": "BSN 111222333"})
    request = response.wsgi_request
    parameters = SafeExceptionReporterFilter().get_post_parameters(request)
    assert parameters["situation"] != "BSN 111222333"
    assert set(parameters.values()) == {SafeExceptionReporterFilter.cleansed_substitute}
    search = client.post(reverse("cases:mine"), {"q": "uitvaart"}).wsgi_request
    assert "uitvaart" not in SafeExceptionReporterFilter().get_post_parameters(search).values()


def test_the_digest_search_has_no_free_text_filter_so_it_may_stay_in_the_url(professional):
    form = CaseSearchForm(user=professional)
    text_fields = [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField) and not isinstance(field, forms.ChoiceField)
    ]
    # `ids` takes case numbers only: anything but digits is refused.
    assert text_fields == ["ids"]
    refused = CaseSearchForm({"ids": "De Vries"}, user=professional)
    assert not refused.is_valid() and "ids" in refused.errors
