import datetime
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from bedoeling.models import Membership, Organisation, Role, Team
from cases.demo import DEMO_CASES
from cases.models import Case, CaseEvent, CaseStatus
from cases.privacy import find_personal_data

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = datetime.date(2026, 11, 27)
NOW = datetime.datetime(2026, 11, 27, 9, tzinfo=AMSTERDAM)
TEAMS = {"Inkomen Noord", "Inkomen Zuid", "Schulddienstverlening"}


def test_it_refuses_to_run_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("seed_demo")
    assert not Organisation.objects.exists()


def _snapshot():
    User = get_user_model()
    return (
        list(Organisation.objects.values_list("pk", "name", "purpose")),
        list(Team.objects.values_list("pk", "name", "purpose")),
        list(Membership.objects.values_list("pk", "user__username", "team__name", "role")),
        list(User.objects.values_list("pk", "username", "password", "is_superuser")),
        list(
            Case.objects.order_by("pk").values_list(
                "pk",
                "team__name",
                "author__username",
                "title",
                "status",
                "version",
                "rule_id",
                "proposed_rule",
                "barrier_id",
                "harm_date",
                "created_at",
                "submitted_at",
                "updated_at",
            )
        ),
        list(Case.public_values.through.objects.order_by("pk").values_list("pk", "case_id")),
        list(CaseEvent.objects.order_by("pk").values_list("pk", "case_id", "kind", "created_at")),
        Case.objects.count(),
        CaseEvent.objects.count(),
    )


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    with time_machine.travel(NOW, tick=False):
        call_command("seed_demo")


def test_it_creates_every_role_and_changes_nothing_the_second_time(db, settings, capsys):
    settings.DEBUG = True
    with time_machine.travel(NOW, tick=False):
        call_command("seed_demo")
    first = _snapshot()
    output = capsys.readouterr().out
    # A later day: still nothing new, nothing moved.
    with time_machine.travel(NOW + datetime.timedelta(days=3), tick=False):
        call_command("seed_demo")
    assert _snapshot() == first
    assert "0 new demo cases" in capsys.readouterr().out

    assert Team.objects.count() == 3
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {Role.PROFESSIONAL, Role.LEAD, Role.DIRECTOR}
    professional_teams = Membership.objects.filter(user__username="sanne").count()
    assert professional_teams == 2
    director_teams = Membership.objects.filter(user__username="karin", role=Role.DIRECTOR)
    assert director_teams.count() == 2
    assert get_user_model().objects.get(username="beheer").is_superuser
    assert "sanne" in output and "bedoeling-demo" in output
    assert f"{len(DEMO_CASES)} new demo cases" in output
    assert first[-2] == len(DEMO_CASES) >= 40


def test_every_team_has_cases_by_several_authors_with_a_mix_of_statuses(seeded):
    assert Case.objects.count() >= 40
    per_team = Counter(Case.objects.values_list("team__name", flat=True))
    assert set(per_team) == TEAMS
    assert all(count >= 12 for count in per_team.values()), per_team

    statuses = Counter(Case.objects.values_list("status", flat=True))
    assert set(statuses) == {CaseStatus.SUBMITTED, CaseStatus.DRAFT, CaseStatus.WITHDRAWN}
    assert (
        statuses[CaseStatus.SUBMITTED] > statuses[CaseStatus.DRAFT] + statuses[CaseStatus.WITHDRAWN]
    )
    assert statuses[CaseStatus.DRAFT] >= 3 and statuses[CaseStatus.WITHDRAWN] >= 3

    for team in TEAMS:
        authors = set(Case.objects.filter(team__name=team).values_list("author__username"))
        assert len(authors) >= 2, team
    leads = set(Membership.objects.filter(role=Role.LEAD).values_list("user_id", "team_id"))
    authored = set(Case.objects.values_list("author_id", "team_id"))
    assert leads & authored, "a lead brings a case now and then"


def test_every_case_is_complete_and_written_by_a_member_of_its_team(seeded):
    for case in Case.objects.with_list_data():
        case.full_clean()
        assert len(case.title) <= 160
        assert bool(case.rule_id) != bool(case.proposed_rule), case.title
        assert 1 <= case.public_values.count() <= 3, case.title
        assert case.barrier_id is not None, case.title
        assert all(getattr(case, field) for field in ("situation", "effect", "conflict"))
        assert case.question
        role = Membership.objects.get(user=case.author, team=case.team).role
        assert role in (Role.PROFESSIONAL, Role.LEAD), case.title
    assert Case.objects.filter(proposed_rule__gt="").count() >= 3
    assert Case.objects.exclude(harm_date=None).exists()
    assert Case.objects.filter(harm_date=None).exists()


def test_the_demo_texts_contain_no_personal_data_at_all():
    for demo in DEMO_CASES:
        for field in ("title", "situation", "proposed_rule", "effect", "conflict", "question"):
            text = getattr(demo, field)
            assert find_personal_data(text) == [], (demo.title, field)
        assert find_personal_data(demo.withdraw_reason) == [], demo.title


def test_no_stored_case_text_or_timeline_note_has_privacy_findings(seeded):
    for case in Case.objects.all():
        for field in Case.TEXT_FIELDS:
            assert find_personal_data(getattr(case, field)) == [], (case.title, field)
    for note in CaseEvent.objects.exclude(note="").values_list("note", flat=True):
        assert find_personal_data(note) == []
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.WITHDRAWN).exclude(note="").exists()


def test_cases_and_their_timelines_are_spread_over_the_last_six_months(seeded):
    earliest = TODAY - datetime.timedelta(days=183)
    months = set()
    for case in Case.objects.all():
        created = timezone.localtime(case.created_at, AMSTERDAM)
        assert earliest <= created.date() < TODAY, case.title
        months.add((created.year, created.month))
        events = {event.kind: event.created_at for event in case.events.all()}
        assert events[CaseEvent.Kind.CREATED] == case.created_at
        assert all(moment < NOW for moment in events.values())
        assert max(events.values()) == case.updated_at
        if case.status == CaseStatus.SUBMITTED:
            assert case.created_at < case.submitted_at == events[CaseEvent.Kind.SUBMITTED]
        if case.status == CaseStatus.DRAFT:
            assert case.submitted_at is None and set(events) == {CaseEvent.Kind.CREATED}
        if case.status == CaseStatus.WITHDRAWN:
            assert events[CaseEvent.Kind.WITHDRAWN] > case.created_at
    assert len(months) >= 6, sorted(months)
    # Case numbers follow the dates.
    by_pk = list(Case.objects.order_by("pk").values_list("created_at", flat=True))
    assert by_pk == sorted(by_pk)


def test_the_grandmother_with_aow_and_aio_and_her_student_grandson_is_there(seeded):
    case = Case.objects.get(title__startswith="Oma met AOW en AIO")
    assert case.team.name == "Inkomen Noord"
    assert case.status == CaseStatus.SUBMITTED
    assert (case.rule.regulation.short_name, case.rule.reference) == ("AIO", "kostendelersnorm")
    assert "kleinzoon" in case.situation
    assert "bestaanszekerheid" in set(case.public_values.values_list("name", flat=True))
