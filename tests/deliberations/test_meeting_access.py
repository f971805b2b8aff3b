"""Every meeting and decision URL for every kind of person: leads of the team run the meeting,
participants and other team members read, directors over the team read, everyone else 404."""

import pytest
from django.urls import reverse

from deliberations import services
from tests.deliberations.conftest import spec

PEOPLE = ["lead", "participant", "member", "director", "other_director", "outsider", "anonymous"]


@pytest.fixture
def people(lead, professional, colleague, director, other_director, outsider, meeting):
    meeting.participants.remove(colleague)
    return {
        "lead": lead,
        "participant": professional,
        "member": colleague,
        "director": director,
        "other_director": other_director,
        "outsider": outsider,
        "anonymous": None,
    }


def _status(client, people, who, method, url, data=None) -> int:
    if people[who] is not None:
        client.force_login(people[who])
    response = getattr(client, method)(url, data or {})
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    return response.status_code


READ = [200, 200, 200, 200, 404, 404, 302]
RUN = [302, 403, 403, 403, 404, 404, 302]


def _urls(meeting, item, decision):
    return {
        "meeting": ("get", reverse("deliberations:meeting", args=[meeting.pk]), READ, None),
        "minutes": ("get", reverse("deliberations:minutes", args=[meeting.pk]), READ, None),
        "ics": ("get", reverse("deliberations:ics", args=[meeting.pk]), READ, None),
        "minutes_save": (
            "post",
            reverse("deliberations:minutes_save", args=[meeting.pk]),
            RUN,
            {"minutes": "x", "version": meeting.version},
        ),
        "notes": ("post", reverse("deliberations:notes", args=[item.pk]), RUN, {"notes": "x"}),
        "move": (
            "post",
            reverse("deliberations:agenda_move", args=[item.pk]),
            RUN,
            {"direction": "up"},
        ),
        "correct": (
            "get",
            reverse("deliberations:correct", args=[decision.pk]),
            [200, 403, 403, 403, 404, 404, 302],
            None,
        ),
    }


@pytest.mark.parametrize(
    "url_key", ["meeting", "minutes", "ics", "minutes_save", "notes", "move", "correct"]
)
@pytest.mark.parametrize("who", PEOPLE)
def test_meeting_urls(client, people, lead, running_meeting, url_key, who):
    first, second = running_meeting.items.order_by("position")
    decision = services.record_decision(item=first, author=lead, spec=spec())
    # The correction page needs a frozen decision; freeze it without closing the meeting.
    from deliberations.models import Decision

    Decision.objects.filter(pk=decision.pk).update(frozen=True)
    method, url, expected, data = _urls(running_meeting, second, decision)[url_key]
    assert _status(client, people, who, method, url, data) == expected[PEOPLE.index(who)]


@pytest.mark.parametrize("who", PEOPLE)
def test_deciding(client, people, running_meeting, who):
    item = running_meeting.items.first()
    url = reverse("deliberations:decide", args=[item.pk])
    data = {
        "kind": "apply_rule",
        "rationale": "Omdat.",
        "evaluate_on": "2027-01-01",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    }
    expected = [302, 403, 403, 403, 404, 404, 302][PEOPLE.index(who)]
    assert _status(client, people, who, "post", url, data) == expected


@pytest.mark.parametrize("who", PEOPLE)
def test_starting_and_closing(client, people, meeting, who):
    expected = [302, 403, 403, 403, 404, 404, 302][PEOPLE.index(who)]
    start = reverse("deliberations:start", args=[meeting.pk])
    assert _status(client, people, who, "post", start) == expected
    close = reverse("deliberations:close", args=[meeting.pk])
    assert _status(client, people, who, "post", close, {"open_items": "postpone"}) == expected


@pytest.mark.parametrize("who", PEOPLE)
def test_planning(client, people, who):
    expected = [200, 403, 403, 403, 403, 403, 302][PEOPLE.index(who)]
    assert _status(client, people, who, "get", reverse("deliberations:create")) == expected


def test_get_is_refused_where_post_is_required(client, lead, running_meeting):
    client.force_login(lead)
    item = running_meeting.items.first()
    for url in (
        reverse("deliberations:start", args=[running_meeting.pk]),
        reverse("deliberations:close", args=[running_meeting.pk]),
        reverse("deliberations:decide", args=[item.pk]),
        reverse("deliberations:agenda_move", args=[item.pk]),
    ):
        assert client.get(url).status_code == 405


def test_the_meeting_list_shows_only_visible_meetings(client, outsider, lead, meeting):
    client.force_login(outsider)
    assert meeting.team.name not in client.get(reverse("deliberations:meetings")).text
    client.force_login(lead)
    assert meeting.team.name in client.get(reverse("deliberations:meetings")).text
