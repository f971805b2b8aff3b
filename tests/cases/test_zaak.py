"""The link to the zaak a case came from: validated for form, shown as a link, kept out of the
case's text, and found by search for the people who may see the case."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from cases import zaak
from cases.models import Case, CaseEvent
from tests.factories import CaseFactory

ZAAK_UUID = "3f1c2a9e-5b7d-4c2e-9a1f-0d6e8b7c5a41"
ZAAK_URL = f"https://zaken.gemeente.example/zaken/api/v1/zaken/{ZAAK_UUID}"


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("ZAAK-2026-0000123", "ZAAK-2026-0000123"),
        ("  WMO/2026/77  ", "WMO/2026/77"),
        (ZAAK_URL, ZAAK_URL),
        (ZAAK_URL.upper().replace("HTTPS://", "https://") + "/", ZAAK_URL),
    ],
)
def test_it_accepts_an_identification_or_a_zaken_api_address(typed, stored):
    assert zaak.parse(typed).value == stored


@pytest.mark.parametrize(
    "typed, code",
    [
        ("ZAAK 2026 123", "invalid"),
        ("Z" * 41, "invalid"),
        ("<script>", "invalid"),
        ("123456782", "personal_data"),  # passes the eleven test: a citizen service number
        (f"http://zaken.gemeente.example/zaken/api/v1/zaken/{ZAAK_UUID}", "invalid_url"),
        ("https://zaken.gemeente.example/zaken/api/v1/zaken/not-a-uuid", "invalid_url"),
        ("https://evil.example/login?next=zaken", "invalid_url"),
        (f"javascript://zaken/api/v1/zaken/{ZAAK_UUID}", "invalid_url"),
        ("x" * 201, "too_long"),
    ],
)
def test_it_refuses_what_is_not_a_zaak_reference(typed, code):
    with pytest.raises(ValidationError) as refused:
        zaak.parse(typed)
    assert refused.value.code == code


@override_settings(BEDOELING_ZAAK_HOSTS="zaken.gemeente.example, openzaak.intern")
def test_addresses_are_limited_to_the_configured_hosts():
    assert zaak.parse(ZAAK_URL).uuid == ZAAK_UUID
    with pytest.raises(ValidationError) as refused:
        zaak.parse(ZAAK_URL.replace("zaken.gemeente.example", "zaken.elders.example"))
    assert refused.value.code == "host"


@override_settings(BEDOELING_ZAAK_LINK="https://zaaksysteem.example/zaak/{identification}")
def test_an_identification_links_through_the_configured_template():
    reference = zaak.parse("WMO/2026/77")
    assert reference.link == "https://zaaksysteem.example/zaak/WMO%2F2026%2F77"
    assert reference.label == "WMO/2026/77"


@override_settings(BEDOELING_ZAAK_LINK="")
def test_without_a_template_an_identification_is_text_and_an_address_links_to_itself():
    assert zaak.parse("ZAAK-1").link == ""
    assert zaak.parse(ZAAK_URL).link == ZAAK_URL


@override_settings(BEDOELING_ZAAK_LINK="https://zaaksysteem.example/zaken/{uuid}")
def test_an_address_links_to_the_zaaksysteem_by_its_uuid():
    assert zaak.parse(ZAAK_URL).link == f"https://zaaksysteem.example/zaken/{ZAAK_UUID}"


@override_settings(BEDOELING_ZAAK_HOSTS="openzaak.intern")
def test_a_stored_address_from_a_host_no_longer_allowed_shows_without_a_link():
    reference = zaak.reference_of(ZAAK_URL)
    assert reference.link == ""
    assert reference.label == ZAAK_URL


@override_settings(BEDOELING_ZAAK_LINK="https://zaaksysteem.example/zaak/{identification}")
def test_intake_stores_the_reference_apart_and_the_case_page_links_it(
    client, professional, intake_data
):
    client.force_login(professional)
    response = client.post(
        reverse("cases:create"), {**intake_data, "zaak_reference": " ZAAK-2026-0000123 "}
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.zaak_reference == "ZAAK-2026-0000123"
    assert not any("ZAAK-2026" in getattr(case, name) for name in Case.TEXT_FIELDS)
    page = client.get(case.get_absolute_url())
    assert 'href="https://zaaksysteem.example/zaak/ZAAK-2026-0000123"' in page.text
    assert 'rel="noopener noreferrer"' in page.text


def test_a_wrong_reference_is_explained_at_its_field_and_nothing_typed_is_lost(
    client, professional, intake_data
):
    client.force_login(professional)
    response = client.post(
        reverse("cases:create"), {**intake_data, "zaak_reference": "zaak van mevrouw"}
    )
    assert response.status_code == 200
    assert Case.objects.count() == 0
    assert "identificatie van de zaak" in response.text
    assert 'value="zaak van mevrouw"' in response.text
    assert intake_data["title"] in response.text


def test_an_edit_of_the_reference_is_on_the_timeline(client, professional, team):
    case = CaseFactory(team=team, author=professional, status="draft", submitted_at=None)
    client.force_login(professional)
    form = client.get(reverse("cases:edit", args=[case.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        team=str(team.pk),
        rule=str(case.rule_id or ""),
        barrier=str(case.barrier_id or ""),
        public_values=[],
        version=str(case.version),
        zaak_reference="ZAAK-9",
        save="1",
    )
    data.pop("harm_date", None)
    response = client.post(reverse("cases:edit", args=[case.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    case.refresh_from_db()
    assert case.zaak_reference == "ZAAK-9"
    edited = case.events.filter(kind=CaseEvent.Kind.EDITED).get()
    assert "zaak_reference" in edited.fields


def test_searching_by_the_reference_finds_the_case_for_those_who_may_see_it(
    client, professional, outsider, director, team
):
    wanted = CaseFactory(team=team, zaak_reference="ZAAK-2026-0000123")
    CaseFactory(team=team, zaak_reference="ZAAK-2026-0000124")
    by_address = CaseFactory(team=team, zaak_reference=ZAAK_URL)

    team_list = reverse("cases:team", args=[team.pk])

    def found(person, query, url=team_list):
        client.force_login(person)
        response = client.post(url, {"q": query})  # searches are POSTed, never in a URL
        if response.status_code != 302:
            return None
        assert query not in response["Location"]
        return list(client.get(response["Location"]).context["page"].object_list)

    assert found(professional, "zaak-2026-0000123") == [wanted]
    assert found(director, "ZAAK-2026-0000123") == [wanted]
    assert found(professional, ZAAK_URL.upper().replace("HTTPS://", "https://")) == [by_address]
    # Someone outside the team finds nothing: not on the team's list, not on their own.
    assert found(outsider, "ZAAK-2026-0000123") is None
    assert found(outsider, "ZAAK-2026-0000123", reverse("cases:mine")) == []
