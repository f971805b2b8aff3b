"""The privacy guard in the forms: certain findings block, uncertain ones need a confirmation,
messages name field and kind but never the value, and nothing typed is lost."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from cases.guard import PersonalDataRefused
from cases.models import Case, CaseEvent, Comment
from tests.factories import CaseFactory

VALID_BSN = "111222333"


def test_a_bsn_with_a_cue_blocks_the_save_and_keeps_the_text(client, professional, intake_data):
    client.force_login(professional)
    situation = f"Mevrouw heeft BSN {VALID_BSN} en woont alleen."
    response = client.post(reverse("cases:create"), {**intake_data, "situation": situation})
    assert response.status_code == 200
    assert not Case.objects.exists()
    text = response.text
    assert "“Situatie” bevat een burgerservicenummer (BSN) in zin 1." in text
    assert situation in text  # what was typed stays in the form
    assert intake_data["conflict"] in text


@pytest.mark.parametrize(
    ("field", "text", "kind"),
    [
        ("effect", "Terugbetalen naar NL91ABNA0417164300 lukt niet.", "een bankrekeningnummer"),
        ("conflict", "Mail haar op a.jansen@example.nl.", "een e-mailadres"),
        ("question", "Kunnen we bellen met 06-12345678?", "een telefoonnummer"),
        ("situation", "Ze woont op 2511 AB 12 boven een winkel.", "een postcode met huisnummer"),
        ("title", "Geboren 03-04-1944, woont alleen", "een geboortedatum"),
    ],
)
def test_every_kind_blocks_the_save_in_every_field(
    client, professional, intake_data, field, text, kind
):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, field: text})
    assert not Case.objects.exists()
    assert kind in response.text


def test_an_uncertain_number_needs_a_confirmation_that_goes_on_the_timeline(
    client, professional, intake_data
):
    client.force_login(professional)
    situation = f"Het dossiernummer bij de rechtbank is {VALID_BSN}."
    data = {**intake_data, "situation": situation}
    response = client.post(reverse("cases:create"), data)
    assert not Case.objects.exists()
    assert "zou kunnen zijn" in response.text
    assert 'name="confirm_not_personal_data"' in response.text
    response = client.post(reverse("cases:create"), {**data, "confirm_not_personal_data": "on"})
    case = Case.objects.get()
    assert case.situation == situation
    event = case.events.get(kind=CaseEvent.Kind.PRIVACY_CONFIRMED)
    assert event.fields == ["situation"]
    assert VALID_BSN not in event.note
    assert "bevestigd" in client.get(case.get_absolute_url()).text


def test_a_confirmation_does_not_let_a_certain_finding_through(client, professional, intake_data):
    client.force_login(professional)
    data = {**intake_data, "effect": "IBAN NL91ABNA0417164300", "confirm_not_personal_data": "on"}
    client.post(reverse("cases:create"), data)
    assert not Case.objects.exists()


def test_numbers_failing_the_checks_amounts_and_dates_pass(client, professional, intake_data):
    client.force_login(professional)
    text = "Nummer 111222334, bedrag € 1.234,56, brief van 12-03-2024, zie casus C-2026-00012."
    client.post(reverse("cases:create"), {**intake_data, "situation": text})
    assert Case.objects.get().situation == text


def test_the_value_never_reaches_a_log_line_or_a_mail(
    client, professional, lead, intake_data, caplog, django_capture_on_commit_callbacks
):
    client.force_login(professional)
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("cases:create"),
            {**intake_data, "situation": f"bsn {VALID_BSN}", "submit": "1"},
        )
        client.post(reverse("cases:create"), {**intake_data, "submit": "1"})
    assert len(mail.outbox) == 1
    assert VALID_BSN not in caplog.text
    assert all(VALID_BSN not in message.body for message in mail.outbox)


def test_the_live_check_shows_the_same_warning_without_the_value(client, professional):
    client.force_login(professional)
    response = client.post(
        reverse("cases:assist"),
        {"situation": f"BSN {VALID_BSN}", "title": "Oma"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "“Situatie” bevat een burgerservicenummer (BSN)" in response.text
    assert VALID_BSN not in response.text


def test_the_live_check_is_post_only_so_no_text_lands_in_a_url(client, professional):
    client.force_login(professional)
    assert client.get(reverse("cases:assist"), {"situation": "x"}).status_code == 405


def test_a_comment_goes_through_the_guard(client, professional, team):
    case = CaseFactory(team=team, author=professional)
    client.force_login(professional)
    response = client.post(
        reverse("cases:comment", args=[case.pk]), {"text": "Bel haar op 06-12345678"}
    )
    assert response.status_code == 422
    assert "een telefoonnummer" in response.text
    assert "Bel haar op 06-12345678" in response.text
    assert not Comment.objects.exists()


def test_the_message_names_the_sentence_a_caseworker_can_find(client, professional, intake_data):
    client.force_login(professional)
    situation = f"Mevrouw woont alleen. Haar zoon logeert er soms. Zijn BSN is {VALID_BSN}."
    response = client.post(reverse("cases:create"), {**intake_data, "situation": situation})
    assert "burgerservicenummer (BSN) in zin 3." in response.text
    assert "teken" not in response.text


def test_a_name_asks_for_a_confirmation_that_records_field_and_kind_only(
    client, professional, intake_data
):
    client.force_login(professional)
    situation = "Mevrouw woont alleen. Haar zoon Mohammed komt elke dag langs."
    data = {**intake_data, "situation": situation}
    response = client.post(reverse("cases:create"), data)
    assert not Case.objects.exists()
    assert "“Situatie” bevat wat lijkt op een persoonsnaam, in zin 2." in response.text
    assert 'name="confirm_not_personal_data"' in response.text
    client.post(reverse("cases:create"), {**data, "confirm_not_personal_data": "on"})
    event = Case.objects.get().events.get(kind=CaseEvent.Kind.PRIVACY_CONFIRMED)
    assert event.fields == ["situation"]
    assert event.note == "situation: name"
    assert "Mohammed" not in event.note


def test_a_street_address_blocks_the_save_even_when_confirmed(client, professional, intake_data):
    client.force_login(professional)
    data = {
        **intake_data,
        "situation": "Mevrouw woont op de Dorpsstraat 12-II boven de bakker.",
        "confirm_not_personal_data": "on",
    }
    response = client.post(reverse("cases:create"), data)
    assert not Case.objects.exists()
    assert "“Situatie” bevat een woonadres in zin 1." in response.text


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw X en meneer Y zijn cliënt A en cliënt B in deze casus.",
        "Stuur het antwoordformulier naar Antwoordnummer 10250, 2500 VB Den Haag.",
        "De klantmanager vraagt de jurist naar de Participatiewet, de AOW en de Awb.",
        "Stichting Jan de Wit in Den Haag biedt opvang; haar zoon van 17 woont thuis.",
    ],
)
def test_pseudonyms_roles_regulations_and_organisations_pass(
    client, professional, intake_data, text
):
    client.force_login(professional)
    client.post(reverse("cases:create"), {**intake_data, "situation": text})
    assert Case.objects.get().situation == text


def test_the_names_of_colleagues_at_a_meeting_are_not_a_finding():
    from cases.guard import guard

    fields = {"minutes": ("Verslag", "Voorzitter: Fatima El Amrani. Aanwezig: Joost Bakker.")}
    assert guard(fields, confirmed=False, colleagues=["Fatima El Amrani", "Joost Bakker"]) == []
    with pytest.raises(PersonalDataRefused) as refused:
        guard(fields, confirmed=False, colleagues=["Fatima El Amrani"])
    assert [w.kind for w in refused.value.warnings] == ["name"]
