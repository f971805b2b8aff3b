from django.urls import reverse

from tests.factories import CaseFactory


def test_a_professional_sees_drafts_and_open_cases(client, professional, team):
    CaseFactory(team=team, author=professional, status="draft", title="Nog een concept")
    CaseFactory(team=team, author=professional, status="submitted", title="Al ingediend")
    CaseFactory(team=team, author=professional, status="withdrawn", title="Ingetrokken zaak")
    client.force_login(professional)
    response = client.get(reverse("home"))
    drafts = [case.title for case in response.context["drafts"]]
    open_cases = [case.title for case in response.context["open_cases"]]
    assert drafts == ["Nog een concept"]
    assert open_cases == ["Al ingediend"]
    assert "Ingetrokken zaak" not in response.text


def test_a_lead_sees_submitted_cases_not_yet_on_an_agenda(
    client, lead, professional, team, other_team
):
    CaseFactory(team=team, author=professional, status="submitted", title="Wacht op overleg")
    CaseFactory(team=team, author=professional, status="scheduled", title="Staat op agenda")
    CaseFactory(team=team, author=professional, status="draft", title="Concept van collega")
    CaseFactory(team=other_team, status="submitted", title="Ander team")
    client.force_login(lead)
    response = client.get(reverse("home"))
    assert [case.title for case in response.context["awaiting_agenda"]] == ["Wacht op overleg"]
    assert "Ander team" not in response.text
    assert "Concept van collega" not in response.text
