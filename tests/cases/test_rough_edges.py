"""The rough edges a new user hit at intake and on the case page (issue 12): one language per
page, ISO dates in date inputs, an error summary that leads to each field, the live panel kept
after a refused submit, submitting a draft from its edit page, colleague input on the timeline,
dates written one way."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import translation

from cases import services
from cases.forms import CaseFilterForm, CaseForm
from cases.models import Case, CaseStatus, PublicValue
from cases.similar import rebuild_index
from organisations.models import Role, Team
from tests.factories import CaseFactory, MembershipFactory

PRECEDENT_TITLE = "Kleinzoon logeert doordeweeks bij oma"


def _in_two_teams(professional, other_team):
    MembershipFactory(team=other_team, user=professional, role=Role.PROFESSIONAL)


def test_the_team_choice_at_intake_has_a_dutch_blank_choice(client, professional, other_team):
    _in_two_teams(professional, other_team)
    client.force_login(professional)
    response = client.get(reverse("cases:create"))
    assert "Select an option" not in response.text
    assert "— kies een team —" in response.text


def test_the_english_intake_page_names_the_values_in_english(client, professional):
    client.force_login(professional)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("cases:create"))
    assert "Public values at stake" in response.text
    assert "Publieke waarden in het geding" not in response.text


def test_the_values_label_follows_the_language_of_each_request(team):
    teams = Team.objects.filter(pk=team.pk)
    with translation.override("en"):
        english = str(CaseForm(teams=teams).fields["public_values"].label)
    with translation.override("nl"):
        dutch = str(CaseForm(teams=teams).fields["public_values"].label)
    assert english == "Public values at stake"
    assert dutch == "Publieke waarden in het geding"


def test_the_date_filters_show_iso_dates_in_dutch(db):
    form = CaseFilterForm(initial={"date_from": dt.date(2026, 11, 23), "date_to": "2026-11-30"})
    with translation.override("nl"):
        html = str(form["date_from"]) + str(form["date_to"])
    assert 'value="2026-11-23"' in html
    assert 'value="2026-11-30"' in html


def test_a_refused_intake_lists_each_error_as_a_link_to_its_field(client, professional):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {"title": "", "submit": "1"})
    summary = _summary(response.text)
    assert 'tabindex="-1"' in summary and "data-autofocus" in summary
    assert '<a href="#id_title">Titel: Dit veld is verplicht.</a>' in summary
    assert '<a href="#id_situation">' in summary
    # The page's first skip link goes to the summary, so it is reached without a script.
    skip_links = re.findall(r'class="utrecht-skip-link" href="([^"]+)"', response.text)
    assert skip_links == ["#error-summary", "#main"]
    # The summary comes before the fields it is about.
    assert response.text.index('id="error-summary"') < response.text.index('id="id_title"')


def test_a_page_without_errors_skips_to_the_main_content_only(client, professional):
    client.force_login(professional)
    response = client.get(reverse("cases:create"))
    assert 'id="error-summary"' not in response.text
    assert re.findall(r'class="utrecht-skip-link" href="([^"]+)"', response.text) == ["#main"]


def test_a_refused_intake_keeps_the_precedents_in_the_live_panel(
    client, professional, team, rule, intake_data
):
    earlier = CaseFactory(
        team=team, rule=rule, status=CaseStatus.DECIDED, title=PRECEDENT_TITLE, author=professional
    )
    rebuild_index()  # as Celery does once a case is saved
    client.force_login(professional)
    # A refused submit: the question is missing.
    response = client.post(reverse("cases:create"), {**intake_data, "question": ""})
    assert Case.objects.count() == 1
    panel = response.text.split('id="intake-assist"', 1)[1].split("</aside>", 1)[0]
    assert earlier.title in panel
    assert "Geen persoonsgegevens gevonden." in panel


def test_the_author_saves_and_submits_a_draft_from_its_edit_page(
    client, professional, lead, intake_data, django_capture_on_commit_callbacks
):
    from django.core import mail

    client.force_login(professional)
    client.post(reverse("cases:create"), intake_data)
    case = Case.objects.get()
    edit_url = reverse("cases:edit", args=[case.pk])
    assert 'name="submit"' in client.get(edit_url).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url,
            {**intake_data, "title": "Nieuwe titel", "version": str(case.version), "submit": "1"},
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Nieuwe titel"
    assert case.status == CaseStatus.SUBMITTED
    assert list(case.events.values_list("kind", flat=True)) == ["created", "edited", "submitted"]
    assert len(mail.outbox) == 1  # the lead is told, as with the submit button on the case


def test_a_refused_edit_submits_nothing(client, professional, intake_data):
    client.force_login(professional)
    client.post(reverse("cases:create"), intake_data)
    case = Case.objects.get()
    response = client.post(
        reverse("cases:edit", args=[case.pk]),
        {**intake_data, "title": "", "version": str(case.version), "submit": "1"},
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT


def test_a_lead_editing_a_submitted_case_is_not_offered_to_submit_it(
    client, professional, lead, intake_data
):
    client.force_login(professional)
    client.post(reverse("cases:create"), {**intake_data, "submit": "1"})
    case = Case.objects.get()
    client.force_login(lead)
    page = client.get(reverse("cases:edit", args=[case.pk])).text
    assert 'name="submit"' not in page
    response = client.post(
        reverse("cases:edit", args=[case.pk]),
        {**intake_data, "title": "Door de teamleider", "version": str(case.version), "submit": "1"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert case.events.filter(kind="submitted").count() == 1


def test_the_timeline_says_who_gave_colleague_input(client, professional, colleague, team, rule):
    case = CaseFactory(team=team, rule=rule, author=professional)
    services.add_comment(case=case, author=colleague, text="Eerder ook zo gedaan.")
    client.force_login(professional)
    page = client.get(case.get_absolute_url()).text
    timeline = page.split('id="timeline-heading"', 1)[1]
    name = colleague.get_full_name()
    assert f'<a href="#comments">{name} gaf een klankbordreactie</a>' in timeline


def test_the_case_list_writes_dates_in_full(client, professional, team, rule):
    case = CaseFactory(team=team, rule=rule, author=professional)
    Case.objects.filter(pk=case.pk).update(created_at=dt.datetime(2026, 10, 29, 12, tzinfo=dt.UTC))
    client.force_login(professional)
    page = client.get(reverse("cases:mine")).text
    assert "29 oktober 2026" in page
    assert not re.search(r"\b29 okt\b", page, re.IGNORECASE)


def test_the_public_values_still_save_with_the_lazy_label(client, professional, intake_data):
    client.force_login(professional)
    client.post(reverse("cases:create"), intake_data)
    assert set(Case.objects.get().public_values.all()) == set(
        PublicValue.objects.filter(name__in=["menselijke maat", "rechtmatigheid"])
    )


def _summary(html: str) -> str:
    start = html.index('id="error-summary"')
    return html[start : html.index("</div>", start)]
