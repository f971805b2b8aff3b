"""The rough edges a new user hit in the case consultation (issue 12): the agenda after a
refused decision, Dutch blank choices and ISO dates on the decision form, an error summary
with links, the moved agenda item keeping focus, who is invited, complete minutes."""

import datetime as dt
import re
from urllib.parse import urljoin

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from deliberations import services
from deliberations.forms import ActionForm, DecisionForm
from tests.deliberations.conftest import action, spec


def _decide_url(item) -> str:
    return reverse("deliberations:decide", args=[item.pk])


def _refused_decision(client, item):
    """A decision posted with its rationale and evaluation date missing."""
    return client.post(
        _decide_url(item),
        {"kind": "deviation", "actions-TOTAL_FORMS": "2", "actions-INITIAL_FORMS": "0"},
    )


def test_after_a_refused_decision_the_agenda_links_still_open_the_meeting(
    client, lead, running_meeting
):
    item = running_meeting.items.order_by("position").first()
    client.force_login(lead)
    response = _refused_decision(client, item)
    assert response.status_code == 422
    agenda = response.text.split('id="agenda"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<a href="([^"]+)"', agenda)
    assert len(links) == running_meeting.items.count()
    for href in links:
        # Followed as a browser would, from the page's own address (the decide URL).
        followed = client.get(urljoin(_decide_url(item), href.replace("&amp;", "&")))
        assert followed.status_code == 200, href


def test_the_decision_form_has_dutch_blank_choices(client, lead, director, running_meeting):
    client.force_login(lead)
    page = client.get(running_meeting.get_absolute_url()).text
    assert "Select an option" not in page
    assert "— kies een directeur —" in page
    assert "— kies een persoon —" in page


def test_the_decision_form_shows_iso_dates_in_dutch(lead, running_meeting):
    item = running_meeting.items.first()
    decision_form = DecisionForm(case=item.case, initial={"evaluate_on": dt.date(2026, 11, 23)})
    action_form = ActionForm(initial={"due_on": dt.date(2026, 12, 1)})
    with translation.override("nl"):
        html = str(decision_form["evaluate_on"]) + str(action_form["due_on"])
    assert 'value="2026-11-23"' in html
    assert 'value="2026-12-01"' in html


def test_a_refused_decision_lists_each_error_as_a_link_to_its_field(
    client, lead, professional, running_meeting
):
    item = running_meeting.items.order_by("position").first()
    client.force_login(lead)
    response = client.post(
        _decide_url(item),
        {
            "actions-TOTAL_FORMS": "2",
            "actions-INITIAL_FORMS": "0",
            "actions-0-description": "Bellen",
        },
    )
    assert response.status_code == 422
    summary = response.text.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    # A group of options is reached at its first option; an action's error names its row.
    assert '<a href="#id_kind_0">Besluit: Dit veld is verplicht.</a>' in summary
    assert '<a href="#id_rationale">Onderbouwing: Dit veld is verplicht.</a>' in summary
    assert '<a href="#id_actions-0-description">' in summary


def test_refused_notes_link_to_the_notes_field(client, lead, running_meeting):
    item = running_meeting.items.first()
    client.force_login(lead)
    response = client.post(reverse("deliberations:notes", args=[item.pk]), {"notes": "x" * 5001})
    assert response.status_code == 422
    summary = response.text.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#item-notes">' in summary
    assert 'id="item-notes"' in response.text


def test_a_moved_item_is_where_the_page_opens(client, lead, meeting, submitted_cases):
    services.add_to_agenda(meeting=meeting, case=submitted_cases[2], actor=lead)
    first, second, _third = meeting.items.order_by("position")
    client.force_login(lead)
    move = reverse("deliberations:agenda_move", args=[first.pk])
    # Moved down, not to the end: the page opens at its Down button, to move it further.
    response = client.post(move, {"direction": "down"})
    assert response["Location"] == f"{meeting.get_absolute_url()}#item-{first.pk}-down"
    page = client.get(meeting.get_absolute_url()).text
    assert f'id="item-{first.pk}-down"' in page
    # Moved to the end: its Down button is disabled, so the page opens at the item itself.
    response = client.post(move, {"direction": "down"})
    assert response["Location"] == f"{meeting.get_absolute_url()}#item-{first.pk}"
    page = client.get(meeting.get_absolute_url()).text
    assert f'id="item-{first.pk}" tabindex="-1"' in page
    # The same at the top.
    response = client.post(
        reverse("deliberations:agenda_move", args=[second.pk]), {"direction": "up"}
    )
    assert response["Location"] == f"{meeting.get_absolute_url()}#item-{second.pk}"


def test_the_meeting_page_shows_who_is_invited(client, professional, colleague, lead, meeting):
    client.force_login(professional)
    page = client.get(meeting.get_absolute_url()).text
    invited = page.split('id="meeting-participants"', 1)[1].split("</p>", 1)[0]
    for person in (lead, professional, colleague):
        assert escape(person.get_full_name()) in invited


def test_the_minutes_are_a_complete_record(client, lead, professional, director, running_meeting):
    first, second = running_meeting.items.order_by("position")
    services.record_decision(
        item=first,
        author=lead,
        spec=spec(
            values_weighing="Menselijke maat weegt zwaarder dan de letter.",
            actions=[action(professional, description="Bellen")],
        ),
    )
    services.record_decision(
        item=second,
        author=lead,
        spec=spec(
            "escalate",
            director=director,
            question="Mogen we dit voortaan zo doen?",
            rationale="Dit gaat ons mandaat te boven.",
        ),
    )
    services.close_meeting(meeting=running_meeting, actor=lead)
    client.force_login(professional)
    page = client.get(reverse("deliberations:minutes", args=[running_meeting.pk])).text
    first_item = page.split(f'id="minutes-item-{first.pk}"', 1)[1].split("</section>", 1)[0]
    assert "Afgewogen publieke waarden" in first_item
    assert "menselijke maat" in first_item
    assert "Hoe de waarden zijn afgewogen" in first_item
    assert "Menselijke maat weegt zwaarder dan de letter." in first_item
    second_item = page.split(f'id="minutes-item-{second.pk}"', 1)[1].split("</section>", 1)[0]
    assert f"Opgeschaald naar {escape(director.get_full_name())}" in second_item
    assert "Mogen we dit voortaan zo doen?" in second_item
    # A print button (shown by a script) with a hint for when there is none, both left off
    # the printed page.
    assert re.search(r'<div class="bd-actions bd-no-print">\s*<button type="button"', page)
    assert "data-print hidden" in page and "data-print-hint" in page
    assert "js/bedoeling.js" in page
    # The invitees are called what they are, beside who was present.
    assert "<h2>Uitgenodigd</h2>" in page and "<h2>Aanwezig</h2>" in page
