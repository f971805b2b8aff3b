import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from digests.models import Digest
from digests.tasks import build_weekly_digests, last_week, store_digest
from organisations.models import Role
from tests.factories import CaseFactory, MembershipFactory, TeamFactory

START, END = dt.date(2026, 11, 16), dt.date(2026, 11, 22)


@pytest.fixture
def team(db):
    team = TeamFactory(name="Inkomen Noord")
    MembershipFactory(team=team, role=Role.DIRECTOR, user__email="dir@example.org")
    CaseFactory(team=team, submitted_at=dt.datetime(2026, 11, 17, 10, tzinfo=dt.UTC))
    return team


def test_rebuilding_makes_a_new_version_and_keeps_the_old(team):
    first = store_digest(team=team, start=START, end=END)
    second = store_digest(team=team, start=START, end=END)
    assert (first.version, second.version) == (1, 2)
    assert Digest.objects.filter(team=team).count() == 2
    assert first.data == second.data
    assert first.data["counts"]["submitted"] == 1


def test_the_same_task_delivered_twice_stores_one_digest(team):
    task_id = "4d1c5f0e-redelivered"
    store_digest(team=team, start=START, end=END, task_id=task_id)
    store_digest(team=team, start=START, end=END, task_id=task_id)
    assert Digest.objects.count() == 1
    assert Digest.objects.get().task_id == task_id


def test_a_new_organisation_digest_mails_the_directors(team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        digest = store_digest(team=None, start=START, end=END)
    assert [m.to for m in mail.outbox] == [["dir@example.org"]]
    body = mail.outbox[0].body
    assert digest.get_absolute_url() in body
    assert "1" in body
    with django_capture_on_commit_callbacks(execute=True):
        store_digest(team=team, start=START, end=END)
    assert len(mail.outbox) == 1  # team digests send no mail


def test_beat_builds_every_team_and_the_organisation_for_last_week(
    team, django_capture_on_commit_callbacks
):
    TeamFactory(name="Inkomen Zuid")
    with (
        time_machine.travel(dt.datetime(2026, 11, 23, 6, tzinfo=dt.UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert last_week() == (START, END)
        assert build_weekly_digests() == 3
    assert Digest.objects.filter(start=START, end=END).count() == 3
    assert Digest.objects.filter(team__isnull=True).count() == 1


def test_the_command_builds_one_team_or_all(team, capsys):
    call_command(
        "build_digests", "--team", "Inkomen Noord", "--from", "2026-11-16", "--to", "2026-11-22"
    )
    assert Digest.objects.get().team == team
    call_command("build_digests", "--from", "2026-11-16", "--to", "2026-11-22")
    assert Digest.objects.count() == 3
    assert "Inkomen Noord" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-11-16"], "both"),
        (["--from", "2026-11-22", "--to", "2026-11-16"], "before"),
        (["--from", "gisteren", "--to", "2026-11-16"], "Not a date"),
        (["--team", "Onbekend"], "No team"),
    ],
)
def test_the_command_explains_bad_input(team, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("build_digests", *args)
    assert not Digest.objects.exists()


def test_last_week_on_any_day():
    assert last_week(dt.date(2026, 11, 29)) == (START, END)
    assert last_week(timezone.localdate())[1].weekday() == 6


def test_the_directors_home_shows_the_latest_organisation_digest_and_waiting_signals(client, team):
    from cases.models import Rule
    from digests.models import Signal
    from organisations.models import Membership

    director = Membership.objects.get(team=team, role=Role.DIRECTOR).user
    digest = store_digest(team=None, start=START, end=END)
    signal = Signal.objects.create(rule=Rule.objects.first())
    signal.cases.add(CaseFactory(team=team))  # a signal the director's team raised
    client.force_login(director)
    response = client.get("/")
    assert response.context["org_digest"] == digest
    assert response.context["org_figures"]["submitted"] == 1
    assert list(response.context["waiting_signals"]) == [signal]
    assert digest.get_absolute_url() in response.text
    assert signal.get_absolute_url() in response.text


def test_publishing_a_story_is_on_the_cases_timeline(team):
    from digests.services import publish_story
    from tests.factories import UserFactory

    case = CaseFactory(team=team, status="decided")
    lead = UserFactory()
    publish_story(case=case, author=lead, title="Goed voorbeeld", text="Tekst", lesson="Les")
    event = case.events.get()
    assert (event.kind, event.actor, event.note) == ("story_published", lead, "Goed voorbeeld")
