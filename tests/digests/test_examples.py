"""Good examples: a lead publishes a decided case as an anonymised story; its team, the
directors over it and the rule's policy owner read it, only the case's own team opens the case."""

import datetime as dt

import pytest
from django.contrib.messages import constants, get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.models import Rule
from deliberations import services
from deliberations.models import DecisionKind
from deliberations.services import DecisionSpec
from digests.models import Story
from digests.services import publish_story
from organisations.models import Role
from tests.factories import MembershipFactory, legal_ground

STORY = {
    "title": "Oma hoeft niet te verhuizen",
    "text": "Een kleinzoon logeerde doordeweeks bij zijn oma. De kostendelersnorm zou haar "
    "uitkering flink verlagen, terwijl hij niets bijdroeg. "
    "Het casusoverleg week beargumenteerd af.",
    "lesson": "Vraag wie de woonlasten echt deelt voordat de norm wordt toegepast.",
}


def _member(team, role, username):
    return MembershipFactory(team=team, role=role, user__username=username).user


@pytest.fixture
def outsider(other_team):
    return _member(other_team, Role.PROFESSIONAL, "zuid")


@pytest.fixture
def other_lead(other_team):
    return _member(other_team, Role.LEAD, "zuidlead")


def bring_case(author, team, title="Kleinzoon logeert bij oma"):
    case, _ = case_services.create_case(
        author=author,
        team=team,
        data={
            "title": title,
            "situation": "Oma ontvangt AOW en AIO; haar kleinzoon studeert en logeert bij haar.",
            "rule": Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm"),
            "effect": "De kostendelersnorm verlaagt haar AIO.",
            "conflict": "De kleinzoon betaalt geen woonlasten; oma komt niet meer rond.",
            "question": "Laten we de kostendelersnorm buiten toepassing?",
        },
        submit=True,
    )
    return case


def decide(case, lead):
    meeting = services.plan_meeting(
        team=case.team,
        lead=lead,
        starts_at=timezone.now() + dt.timedelta(hours=1),
        participants=[lead],
        cases=[case],
    )
    services.start_meeting(meeting=meeting, actor=lead)
    services.record_decision(
        item=meeting.items.get(),
        author=lead,
        spec=DecisionSpec(
            kind=DecisionKind.DEVIATION,
            legal_ground=legal_ground(),
            rationale="De regel is bedoeld voor gedeelde woonlasten; die zijn er niet.",
        ),
    )
    case.refresh_from_db()
    return case


@pytest.fixture
def decided_case(team, professional, lead):
    return decide(bring_case(professional, team), lead)


def _publish_url(case) -> str:
    return reverse("digests:example_publish", args=[case.pk])


def test_a_lead_publishes_a_decided_case_as_a_good_example(client, decided_case, lead):
    client.force_login(lead)
    response = client.get(_publish_url(decided_case))
    assert response.status_code == 200
    assert 'id="story-form"' in response.text

    response = client.post(_publish_url(decided_case), STORY)
    story = Story.objects.get()
    assert response.status_code == 302
    assert response.url == f"{reverse('digests:examples')}#story-{story.pk}"
    assert (story.case, story.author) == (decided_case, lead)
    assert (story.title, story.text, story.lesson) == (
        STORY["title"],
        STORY["text"],
        STORY["lesson"],
    )

    response = client.get(reverse("digests:examples"))
    assert list(response.context["page"].object_list) == [story]
    assert STORY["lesson"] in response.text


def test_the_privacy_guard_blocks_a_bsn_naming_the_field_and_keeps_the_text(
    client, decided_case, lead
):
    client.force_login(lead)
    text = "Mevrouw met BSN 111222333 hoefde niet te verhuizen."
    response = client.post(_publish_url(decided_case), {**STORY, "text": text})
    assert response.status_code == 422
    form = response.context["form"]
    assert list(form.errors) == ["text"]
    [message] = form.errors["text"]
    assert str(form.fields["text"].label) in message
    assert text in response.text
    assert STORY["lesson"] in response.text
    assert not Story.objects.exists()


def test_a_number_that_might_be_a_bsn_is_published_once_confirmed(client, decided_case, lead):
    client.force_login(lead)
    data = {**STORY, "lesson": "Dossiernummer 111222333 staat in het verslag."}
    response = client.post(_publish_url(decided_case), data)
    assert response.status_code == 422
    assert response.context["form"].needs_confirmation
    assert 'name="confirm_not_personal_data"' in response.text

    response = client.post(_publish_url(decided_case), {**data, "confirm_not_personal_data": "on"})
    assert response.status_code == 302
    assert Story.objects.get().lesson == data["lesson"]


def test_the_examples_page_shows_a_story_to_the_policy_owner_without_the_case_link(
    client, decided_case, lead, professional, outsider, nobody
):
    Rule.objects.filter(pk=decided_case.rule_id).update(policy_owner=nobody)
    story = publish_story(case=decided_case, author=lead, **STORY)
    client.force_login(nobody)
    response = client.get(reverse("digests:examples"))
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [story]
    assert STORY["title"] in response.text
    assert decided_case.team.name in response.text
    assert decided_case.get_absolute_url() not in response.text
    assert decided_case.reference not in response.text

    client.force_login(professional)
    response = client.get(reverse("digests:examples"))
    assert decided_case.get_absolute_url() in response.text

    # Another team does not read it.
    client.force_login(outsider)
    response = client.get(reverse("digests:examples"))
    assert list(response.context["page"].object_list) == []
    assert STORY["title"] not in response.text


def test_the_examples_page_shows_the_newest_first_in_a_constant_number_of_queries(
    client, team, professional, lead, outsider, other_team, other_lead
):
    first = publish_story(case=decide(bring_case(professional, team), lead), author=lead, **STORY)
    client.force_login(professional)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("digests:examples"))
    publish_story(
        case=decide(bring_case(outsider, other_team), other_lead), author=other_lead, **STORY
    )
    second = publish_story(
        case=decide(bring_case(professional, team, title="Twee"), lead), author=lead, **STORY
    )
    third = publish_story(
        case=decide(bring_case(professional, team, title="Nog een"), lead), author=lead, **STORY
    )
    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("digests:examples"))
    assert list(response.context["page"].object_list) == [third, second, first]
    assert response.context["visible_case_ids"] == {first.case_id, second.case_id, third.case_id}
    assert len(three.captured_queries) == len(one.captured_queries)


def test_only_a_lead_of_the_cases_team_publishes(client, decided_case, professional, director):
    for person in (professional, director):
        client.force_login(person)
        assert client.get(_publish_url(decided_case)).status_code == 403
        assert client.post(_publish_url(decided_case), STORY).status_code == 403
    assert not Story.objects.exists()


def test_a_case_of_another_team_is_404(client, decided_case, other_lead):
    client.force_login(other_lead)
    assert client.get(_publish_url(decided_case)).status_code == 404
    assert client.post(_publish_url(decided_case), STORY).status_code == 404
    assert not Story.objects.exists()


def test_an_undecided_case_cannot_be_published(client, team, professional, lead):
    case = bring_case(professional, team)
    client.force_login(lead)
    response = client.get(_publish_url(case))
    assert response.status_code == 302
    assert response.url == case.get_absolute_url()
    [message] = get_messages(response.wsgi_request)
    assert message.level == constants.WARNING
    assert case.reference in message.message

    response = client.post(_publish_url(case), STORY)
    assert response.status_code == 409
    assert response.context["form"].non_field_errors()
    assert STORY["text"] in response.text
    assert not Story.objects.exists()


def test_the_case_page_offers_publishing_to_the_lead_of_a_decided_case_only(
    client, team, decided_case, professional, lead
):
    undecided = bring_case(professional, team, title="Nog niet besloten")
    client.force_login(lead)
    response = client.get(decided_case.get_absolute_url())
    assert response.context["can_publish_story"] is True
    assert _publish_url(decided_case) in response.text
    response = client.get(undecided.get_absolute_url())
    assert response.context["can_publish_story"] is False
    assert _publish_url(undecided) not in response.text

    client.force_login(professional)
    response = client.get(decided_case.get_absolute_url())
    assert response.context["can_publish_story"] is False
    assert _publish_url(decided_case) not in response.text


def test_the_case_page_links_to_its_published_story(client, decided_case, lead, professional):
    story = publish_story(case=decided_case, author=lead, **STORY)
    client.force_login(professional)
    response = client.get(decided_case.get_absolute_url())
    assert response.context["case_stories"] == [story]
    assert f"{reverse('digests:examples')}#story-{story.pk}" in response.text


def test_anonymous_visitors_are_sent_to_log_in(client, decided_case):
    for url in (reverse("digests:examples"), _publish_url(decided_case)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    response = client.post(_publish_url(decided_case), STORY)
    assert response.status_code == 302
    assert not Story.objects.exists()


def test_the_examples_page_refuses_post_and_publishing_refuses_other_methods(
    client, decided_case, lead
):
    client.force_login(lead)
    assert client.post(reverse("digests:examples")).status_code == 405
    assert client.put(_publish_url(decided_case)).status_code == 405
    assert client.delete(_publish_url(decided_case)).status_code == 405
