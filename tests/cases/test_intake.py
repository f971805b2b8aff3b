import pytest
from django.core import mail
from django.urls import reverse

from cases.models import Case, CaseEvent, CaseStatus, Rule


def test_it_shows_both_purposes_and_a_guiding_question_per_field(client, professional, team):
    client.force_login(professional)
    response = client.get(reverse("cases:create"))
    assert response.status_code == 200
    assert team.organisation.purpose in response.text
    assert team.purpose in response.text
    assert "Wat speelt er in de leefwereld van de inwoner?" in response.text


def test_it_saves_a_draft_with_a_timeline_event(client, professional, intake_data):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, "draft": "1"})
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    assert case.status == CaseStatus.DRAFT
    assert case.author == professional
    assert case.public_values.count() == 2
    assert list(case.events.values_list("kind", flat=True)) == ["created"]
    assert mail.outbox == []


def test_it_submits_and_mails_the_lead_without_case_text(
    client, professional, lead, intake_data, django_capture_on_commit_callbacks
):
    client.force_login(professional)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cases:create"), {**intake_data, "submit": "1"})
    case = Case.objects.get()
    assert case.status == CaseStatus.SUBMITTED
    assert case.submitted_at is not None
    assert list(case.events.values_list("kind", flat=True)) == ["created", "submitted"]
    assert [message.to for message in mail.outbox] == [[lead.email]]
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert case.reference in body
    assert case.get_absolute_url() in body
    assert "kleinzoon" not in body.lower()


def test_a_person_in_several_teams_chooses_the_team(
    client, professional, team, other_team, intake_data
):
    from organisations.models import Membership, Role

    Membership.objects.create(user=professional, team=other_team, role=Role.PROFESSIONAL)
    client.force_login(professional)
    page = client.get(reverse("cases:create"))
    assert other_team.name in page.text and team.name in page.text
    client.post(reverse("cases:create"), {**intake_data, "team": str(other_team.pk)})
    assert Case.objects.get().team == other_team


def test_it_refuses_a_team_the_person_is_not_in(client, professional, other_team, intake_data):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, "team": str(other_team.pk)})
    assert response.status_code == 200
    assert "U kunt geen casus inbrengen bij dat team." in response.text
    assert intake_data["situation"] in response.text
    assert not Case.objects.exists()


def test_a_director_may_not_bring_cases(client, director):
    client.force_login(director)
    assert client.get(reverse("cases:create")).status_code == 403


@pytest.mark.parametrize("field", ["title", "situation", "effect", "conflict", "question"])
def test_it_requires_every_core_field_and_keeps_the_rest(client, professional, intake_data, field):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, field: "  "})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text
    kept = "conflict" if field != "conflict" else "situation"
    assert intake_data[kept] in response.text
    assert not Case.objects.exists()


def test_it_refuses_overlong_text(client, professional, intake_data):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, "title": "x" * 161})
    assert "niet meer dan 160 tekens" in response.text
    assert not Case.objects.exists()


def test_it_needs_a_rule_or_a_proposed_rule(client, professional, intake_data):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, "rule": ""})
    assert "Kies de regel waar het om gaat" in response.text
    client.post(
        reverse("cases:create"),
        {**intake_data, "rule": "", "proposed_rule": "Bewijs van inkomen alleen als pdf"},
    )
    assert Case.objects.get().proposed_rule == "Bewijs van inkomen alleen als pdf"


def test_it_refuses_a_retired_or_unknown_rule(client, professional, intake_data, rule):
    Rule.objects.filter(pk=rule.pk).update(is_active=False)
    client.force_login(professional)
    response = client.post(reverse("cases:create"), intake_data)
    assert "Die regel bestaat niet of is niet meer van kracht." in response.text
    response = client.post(reverse("cases:create"), {**intake_data, "rule": "999999"})
    assert "Die regel bestaat niet of is niet meer van kracht." in response.text
    assert not Case.objects.exists()


def test_a_double_submit_creates_one_case(client, professional, intake_data):
    client.force_login(professional)
    page = client.get(reverse("cases:create"))
    token = page.context["form"]["intake_token"].value()
    first = client.post(reverse("cases:create"), {**intake_data, "intake_token": token})
    second = client.post(reverse("cases:create"), {**intake_data, "intake_token": token})
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_html_in_text_is_escaped_on_output(client, professional, intake_data):
    client.force_login(professional)
    script = "<script>alert('x')</script>"
    client.post(reverse("cases:create"), {**intake_data, "situation": script, "title": "<b>t</b>"})
    case = Case.objects.get()
    response = client.get(case.get_absolute_url())
    assert script not in response.text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in response.text
    assert "<b>t</b>" not in response.text


def test_the_author_edits_a_draft_and_the_change_is_on_the_timeline(
    client, professional, intake_data
):
    client.force_login(professional)
    client.post(reverse("cases:create"), intake_data)
    case = Case.objects.get()
    response = client.post(
        reverse("cases:edit", args=[case.pk]),
        {**intake_data, "title": "Nieuwe titel", "version": str(case.version)},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Nieuwe titel"
    assert case.version == 2
    edit = case.events.get(kind=CaseEvent.Kind.EDITED)
    assert edit.fields == ["title"]
    assert "Titel" in client.get(case.get_absolute_url()).text


def test_a_stale_edit_is_refused_and_keeps_the_text(client, professional, intake_data):
    client.force_login(professional)
    client.post(reverse("cases:create"), intake_data)
    case = Case.objects.get()
    client.post(
        reverse("cases:edit", args=[case.pk]),
        {**intake_data, "title": "Eerste wijziging", "version": "1"},
    )
    response = client.post(
        reverse("cases:edit", args=[case.pk]),
        {**intake_data, "title": "Tweede wijziging", "version": "1"},
    )
    assert response.status_code == 200
    assert "Iemand anders heeft deze casus gewijzigd" in response.text
    assert "Tweede wijziging" in response.text
    case.refresh_from_db()
    assert case.title == "Eerste wijziging"


def test_the_author_submits_a_draft_later(
    client, professional, lead, intake_data, django_capture_on_commit_callbacks
):
    client.force_login(professional)
    client.post(reverse("cases:create"), intake_data)
    case = Case.objects.get()
    assert client.get(reverse("cases:submit", args=[case.pk])).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cases:submit", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert len(mail.outbox) == 1


def test_the_author_withdraws_with_a_reason(client, professional, intake_data):
    client.force_login(professional)
    client.post(reverse("cases:create"), {**intake_data, "submit": "1"})
    case = Case.objects.get()
    client.post(reverse("cases:withdraw", args=[case.pk]), {"reason": "Opgelost met de klant"})
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN
    event = case.events.get(kind="withdrawn")
    assert event.from_status == "submitted" and event.note == "Opgelost met de klant"
    assert "Opgelost met de klant" in client.get(case.get_absolute_url()).text


def test_timeline_events_are_never_changed_or_deleted(client, professional, intake_data):
    client.force_login(professional)
    client.post(reverse("cases:create"), intake_data)
    event = CaseEvent.objects.get()
    event.note = "changed"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_submitting_at_once_says_so(client, professional, intake_data):
    client.force_login(professional)
    response = client.post(reverse("cases:create"), {**intake_data, "submit": "1"}, follow=True)
    assert "is ingediend voor het casusoverleg" in response.text
    assert "bewaard als concept" not in response.text


def test_a_lead_turns_a_proposed_rule_into_a_taxonomy_entry(client, professional, lead, team):
    from cases.models import Regulation
    from tests.factories import CaseFactory

    case = CaseFactory(team=team, author=professional, rule=None, proposed_rule="Alleen pdf")
    regulation = Regulation.objects.get(short_name="PW")
    client.force_login(professional)
    url = reverse("cases:adopt_rule", args=[case.pk])
    assert client.post(url, {"regulation": regulation.pk, "reference": "x"}).status_code == 403
    client.force_login(lead)
    response = client.post(url, {"regulation": regulation.pk, "reference": "bankafschrift pdf"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert str(case.rule) == "PW — bankafschrift pdf"
    assert case.events.get(kind="edited").fields == ["rule"]
    assert Rule.objects.active().filter(reference="bankafschrift pdf").exists()
    assert client.post(url, {"regulation": regulation.pk, "reference": "y"}).status_code == 403
