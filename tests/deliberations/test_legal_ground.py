"""Lawful deviation: a justified deviation or room within the rules names its legal ground,
from a short list kept as data; without one the lead escalates instead."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from deliberations import services
from deliberations.models import Decision, LegalGround
from tests.deliberations.conftest import spec
from tests.factories import legal_ground

NO_ACTIONS = {"actions-TOTAL_FORMS": "0", "actions-INITIAL_FORMS": "0"}


def test_the_short_list_is_seeded_as_data(db):
    names = list(LegalGround.objects.values_list("name", "requires_text"))
    assert names == [
        ("hardheidsclausule", False),
        ("art. 4:84 Awb", False),
        ("beleidsruimte", False),
        ("buitenwettelijk begunstigend beleid", False),
        ("anders", True),
    ]


@pytest.mark.parametrize("kind", ["deviation", "room_within_rules"])
def test_the_service_refuses_a_departure_without_a_ground_and_writes_nothing(
    running_meeting, lead, kind
):
    item = running_meeting.items.first()
    with pytest.raises(services.InvalidState):
        services.record_decision(item=item, author=lead, spec=spec(kind, legal_ground=None))
    with pytest.raises(services.InvalidState):
        services.record_decision(
            item=item, author=lead, spec=spec(kind, legal_ground=legal_ground(requires_text=True))
        )
    assert not Decision.objects.filter(agenda_item=item).exists()


def test_the_service_refuses_a_ground_on_a_decision_that_follows_the_rule(running_meeting, lead):
    item = running_meeting.items.first()
    with pytest.raises(services.InvalidState):
        services.record_decision(
            item=item, author=lead, spec=spec("apply_rule", legal_ground=legal_ground())
        )


def test_an_escalation_needs_no_ground(running_meeting, lead, director):
    item = running_meeting.items.first()
    decision = services.record_decision(
        item=item,
        author=lead,
        spec=spec("escalate", director=director, question="Is er een grondslag?"),
    )
    assert decision.legal_ground is None


def test_the_ground_is_stored_and_frozen_with_the_decision(running_meeting, lead):
    item = running_meeting.items.first()
    other = legal_ground(requires_text=True)
    services.record_decision(
        item=item,
        author=lead,
        spec=spec("deviation", legal_ground=other, legal_ground_text="Afspraak met de raad."),
    )
    services.close_meeting(meeting=running_meeting, actor=lead, postpone_open=True)
    decision = Decision.objects.get(agenda_item=item)
    assert decision.frozen
    assert (decision.legal_ground, decision.legal_ground_text) == (other, "Afspraak met de raad.")
    if connection.vendor == "postgresql":
        # The database refuses to change the ground of a frozen decision (migration 0007).
        with pytest.raises(IntegrityError), transaction.atomic():
            Decision.objects.filter(pk=decision.pk).update(legal_ground=legal_ground())


def _post(client, item, **data):
    return client.post(
        reverse("deliberations:decide", args=[item.pk]),
        {"rationale": "Dit dient de bedoeling.", "evaluate_on": "2027-01-01", **NO_ACTIONS, **data},
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Noem de juridische grondslag om van de regel af te wijken."),
        ("en", "Name the legal ground for departing from the rule."),
    ],
)
def test_the_form_refuses_a_departure_without_a_ground_at_the_field(
    client, running_meeting, lead, language, message
):
    client.force_login(lead)
    item = running_meeting.items.first()
    client.cookies["django_language"] = language
    response = _post(client, item, kind="room_within_rules")
    assert response.status_code == 422
    page = response.content.decode()
    # At the field: its error sits in the legal ground's block, before its select.
    block = page[page.index('for="id_legal_ground"') : page.index('id="id_legal_ground"')]
    assert message in block
    assert "Dit dient de bedoeling." in response.content.decode()
    assert not Decision.objects.filter(agenda_item=item).exists()


def test_the_form_asks_words_for_other_and_records_the_ground(client, running_meeting, lead):
    client.force_login(lead)
    item = running_meeting.items.first()
    other = legal_ground(requires_text=True)
    response = _post(client, item, kind="deviation", legal_ground=other.pk)
    assert response.status_code == 422
    page = response.content.decode()
    block = page[page.index('for="id_legal_ground_text"') : page.index('id="id_legal_ground_text"')]
    assert "Licht toe welke grondslag van toepassing is." in block
    _post(client, item, kind="deviation", legal_ground=other.pk, legal_ground_text="Raadsbesluit.")
    decision = Decision.objects.get(agenda_item=item)
    assert (decision.legal_ground, decision.legal_ground_text) == (other, "Raadsbesluit.")
    page = client.get(item.case.get_absolute_url()).content.decode()
    assert "anders" in page and "Raadsbesluit." in page


def test_the_ground_text_goes_through_the_privacy_guard(running_meeting, lead):
    item = running_meeting.items.first()
    with pytest.raises(services.PersonalDataRefused):
        services.record_decision(
            item=item,
            author=lead,
            spec=spec(
                "deviation",
                legal_ground=legal_ground(requires_text=True),
                legal_ground_text="Zie BSN 111222333",
            ),
        )
    assert not Decision.objects.filter(agenda_item=item).exists()
