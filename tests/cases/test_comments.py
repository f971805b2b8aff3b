from django.urls import reverse

from cases.models import Comment
from tests.factories import CaseFactory


def test_a_colleague_adds_input_without_javascript(client, professional, colleague, team):
    case = CaseFactory(team=team, author=professional)
    client.force_login(colleague)
    response = client.post(reverse("cases:comment", args=[case.pk]), {"text": "Kijk naar C-12."})
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    assert Comment.objects.get().author == colleague
    assert "Kijk naar C-12." in client.get(case.get_absolute_url()).text
    assert case.events.filter(kind="commented", actor=colleague).exists()


def test_htmx_gets_only_the_comments_fragment(client, professional, team):
    case = CaseFactory(team=team, author=professional)
    client.force_login(professional)
    response = client.post(
        reverse("cases:comment", args=[case.pk]), {"text": "Eens."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="comments"')
    assert "<html" not in response.text
    assert "Eens." in response.text


def test_an_empty_comment_is_refused_with_a_message(client, professional, team):
    case = CaseFactory(team=team, author=professional)
    client.force_login(professional)
    response = client.post(reverse("cases:comment", args=[case.pk]), {"text": ""})
    assert response.status_code == 422
    assert "Dit veld is verplicht." in response.text


def test_a_director_reads_but_does_not_comment(client, director, team, professional):
    case = CaseFactory(team=team, author=professional)
    client.force_login(director)
    assert client.get(case.get_absolute_url()).status_code == 200
    assert client.post(reverse("cases:comment", args=[case.pk]), {"text": "x"}).status_code == 403
