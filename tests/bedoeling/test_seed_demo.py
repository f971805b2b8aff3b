import datetime
from collections import Counter
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from bedoeling.scenario import plans
from bedoeling.scenario.builder import FALLBACK_DIFFERENCE
from bedoeling.scenario.demo import DEMO_CASES, TEAM_PLANS
from cases.guard import scan
from cases.models import Case, CaseEvent, CaseStatus
from cases.privacy import find_personal_data
from deliberations.models import (
    Action,
    AgendaItem,
    Decision,
    DecisionKind,
    Escalation,
    Meeting,
    Outcome,
    points_opposite,
)
from organisations.models import Membership, Organisation, Role, Team
from tests.bedoeling.conftest import DEMO_NOW

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = datetime.date(2026, 11, 27)
NOW = DEMO_NOW  # 2026-11-27 09:00 in Amsterdam: the moment the shared demo world is built at
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
        list(
            Meeting.objects.order_by("pk").values_list(
                "pk", "team_id", "lead_id", "starts_at", "status", "minutes", "closed_at"
            )
        ),
        list(AgendaItem.objects.order_by("pk").values_list("pk", "meeting_id", "case_id", "state")),
        list(
            Decision.objects.order_by("pk").values_list(
                "pk", "case_id", "kind", "rationale", "frozen", "supersedes_id", "created_at"
            )
        ),
        list(Action.objects.order_by("pk").values_list("pk", "case_id", "due_on", "done_at")),
        list(Escalation.objects.order_by("pk").values_list("pk", "case_id", "status")),
        list(Outcome.objects.order_by("pk").values_list("pk", "case_id", "served", "created_at")),
        Meeting.objects.count(),
        Decision.objects.count(),
        Case.objects.count(),
        CaseEvent.objects.count(),
    )


@pytest.fixture
def seeded(demo_world, db):
    """The demo world, built once for the class at NOW (see tests/bedoeling/conftest.py); each
    test runs in a savepoint inside it."""
    return demo_world


def test_it_creates_every_role_and_changes_nothing_the_second_time(db, settings, capsys):
    settings.DEBUG = True
    settings.BASE_URL = "http://127.0.0.1:8123"  # as `make run PORT=8123` sets it
    with time_machine.travel(NOW, tick=False):
        call_command("seed_demo")
    first = _snapshot()
    output = capsys.readouterr().out
    assert "Log in at http://127.0.0.1:8123/ with:" in output
    assert mail.outbox == [], "seeding notifies nobody"
    # A later day: still nothing new, nothing moved.
    with time_machine.travel(NOW + datetime.timedelta(days=3), tick=False):
        call_command("seed_demo")
    assert _snapshot() == first
    second_output = capsys.readouterr().out
    assert "0 new demo cases" in second_output
    assert "0 new past case consultations" in second_output

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
    assert "13 new past case consultations" in output
    assert "3 planned for the coming week" in output
    assert output.rstrip().splitlines()[-1].lstrip().startswith("beheer")
    assert len(output.splitlines()) < 20, "a short summary and the logins, no mails"
    assert first[-2] == len(DEMO_CASES) >= 40
    assert first[-4] == 16 and first[-3] >= 30  # meetings (13 past, 3 planned), decisions


def test_the_demo_texts_contain_no_personal_data_at_all():
    for demo in DEMO_CASES:
        for field in ("title", "situation", "proposed_rule", "effect", "conflict", "question"):
            text = getattr(demo, field)
            assert find_personal_data(text) == [], (demo.title, field)
        assert find_personal_data(demo.withdraw_reason) == [], demo.title


@pytest.mark.parametrize("days", range(7))
def test_the_story_fits_whatever_weekday_today_is(days):
    """Every planned agenda item was submitted before its agenda was made, and every follow-up
    scripted for a past meeting lies in the past."""
    today = TODAY + datetime.timedelta(days=days)
    submitted = {
        (demo.team, demo.title): today - datetime.timedelta(days=demo.days_ago - demo.submit_after)
        for demo in DEMO_CASES
        if demo.submit_after is not None
    }

    def submitted_on(team, title):
        matches = [
            day for (t, full), day in submitted.items() if t == team and full.startswith(title)
        ]
        assert len(matches) == 1, title
        return matches[0]

    for plan in TEAM_PLANS:
        for meeting in plan.meetings:
            day = plans.meeting_day(today, meeting.weeks_ago, plan.weekday)
            assert day.weekday() == plan.weekday and day < today
            for item in meeting.items:
                assert submitted_on(plan.team, item.title) < plans.plan_day(day)
                offsets = [a.done for a in item.decision.actions if a.done is not None]
                if item.answer:
                    offsets += [item.answer_after]
                    offsets += [a.done for a in item.answer.actions if a.done is not None]
                if item.correction:
                    offsets.append(item.correction_after)
                if item.outcome:
                    offsets.append(item.outcome.after)
                for offset in offsets:
                    moment = plans.working_day(day + datetime.timedelta(days=offset))
                    assert moment < today, (item.title, offset)
        coming = plans.coming_day(today, plan.weekday)
        assert today < coming <= today + datetime.timedelta(days=7)
        for title in plan.coming:
            assert submitted_on(plan.team, title) < today - datetime.timedelta(days=1)


def _day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment, AMSTERDAM).date()


class TestTheDemoWorld:
    """Everything the demo holds, read from one world built once for the class (`seeded`).

    A class rather than the module: pytest-randomly shuffles a module's tests but keeps a
    class's together, so the tests above, which need an empty database, never see the world.
    """

    def test_every_team_has_cases_by_several_authors_with_a_mix_of_statuses(self, seeded):
        assert Case.objects.count() >= 40
        per_team = Counter(Case.objects.values_list("team__name", flat=True))
        assert set(per_team) == TEAMS
        assert all(count >= 12 for count in per_team.values()), per_team

        statuses = Counter(Case.objects.values_list("status", flat=True))
        assert set(statuses) == set(CaseStatus), statuses
        brought = Case.objects.exclude(status__in=[CaseStatus.DRAFT, CaseStatus.WITHDRAWN]).count()
        assert brought > statuses[CaseStatus.DRAFT] + statuses[CaseStatus.WITHDRAWN]
        assert statuses[CaseStatus.DRAFT] >= 3 and statuses[CaseStatus.WITHDRAWN] >= 3

        for team in TEAMS:
            authors = set(Case.objects.filter(team__name=team).values_list("author__username"))
            assert len(authors) >= 2, team
        leads = set(Membership.objects.filter(role=Role.LEAD).values_list("user_id", "team_id"))
        authored = set(Case.objects.values_list("author_id", "team_id"))
        assert leads & authored, "a lead brings a case now and then"

    def test_every_case_is_complete_and_written_by_a_member_of_its_team(self, seeded):
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

    def test_no_stored_case_text_or_timeline_note_has_privacy_findings(self, seeded):
        for case in Case.objects.all():
            for field in Case.TEXT_FIELDS:
                assert find_personal_data(getattr(case, field)) == [], (case.title, field)
        for note in CaseEvent.objects.exclude(note="").values_list("note", flat=True):
            assert find_personal_data(note) == []
        assert CaseEvent.objects.filter(kind=CaseEvent.Kind.WITHDRAWN).exclude(note="").exists()

    def test_cases_and_their_timelines_are_spread_over_the_last_six_months(self, seeded):
        earliest = TODAY - datetime.timedelta(days=183)
        months = set()
        for case in Case.objects.all():
            created = timezone.localtime(case.created_at, AMSTERDAM)
            assert earliest <= created.date() < TODAY, case.title
            months.add((created.year, created.month))
            timeline = list(case.events.order_by("pk"))
            moments = [event.created_at for event in timeline]
            assert moments == sorted(moments), "each case's story is told in order"
            events = {}
            for event in timeline:
                events.setdefault(event.kind, event.created_at)
            assert events[CaseEvent.Kind.CREATED] == case.created_at
            assert all(moment < NOW for moment in events.values())
            status_changes = [e.created_at for e in timeline if e.to_status != e.from_status]
            assert max(status_changes) == case.updated_at
            if case.submitted_at:
                assert case.created_at < case.submitted_at == events[CaseEvent.Kind.SUBMITTED]
            if case.status == CaseStatus.DRAFT:
                assert case.submitted_at is None and set(events) == {CaseEvent.Kind.CREATED}
            if case.status == CaseStatus.WITHDRAWN:
                assert events[CaseEvent.Kind.WITHDRAWN] > case.created_at
        assert len(months) >= 6, sorted(months)
        # Case numbers follow the dates.
        by_pk = list(Case.objects.order_by("pk").values_list("created_at", flat=True))
        assert by_pk == sorted(by_pk)

    def test_the_grandmother_with_aow_and_aio_and_her_student_grandson_is_there(self, seeded):
        case = Case.objects.get(title__startswith="Oma met AOW en AIO")
        assert case.team.name == "Inkomen Noord"
        # On the agenda of the team's next case consultation.
        assert case.status == CaseStatus.SCHEDULED
        assert case.agenda_items.get().meeting.status == Meeting.Status.PLANNED
        assert (case.rule.regulation.short_name, case.rule.reference) == ("AIO", "kostendelersnorm")
        assert "kleinzoon" in case.situation
        assert "bestaanszekerheid" in set(case.public_values.values_list("name", flat=True))

    def test_every_team_held_three_to_five_weekly_consultations_chaired_by_its_lead(self, seeded):
        for team in Team.objects.all():
            lead = Membership.objects.get(team=team, role=Role.LEAD).user
            members = set(
                Membership.objects.filter(
                    team=team, role__in=[Role.PROFESSIONAL, Role.LEAD]
                ).values_list("user_id", flat=True)
            )
            past = list(Meeting.objects.filter(team=team, status=Meeting.Status.CLOSED))
            assert 3 <= len(past) <= 5, team.name
            days = sorted(_day(meeting.starts_at) for meeting in past)
            assert len({day.weekday() for day in days}) == 1, "the team's weekly slot"
            assert (TODAY - days[0]).days >= 110, "spread over the last months"
            assert (TODAY - days[-1]).days <= 28
            for meeting in past:
                assert meeting.lead == lead
                assert set(meeting.participants.values_list("pk", flat=True)) == members
                assert 2 <= meeting.items.count() <= 4
                assert not meeting.items.filter(state=AgendaItem.State.OPEN).exists()
                assert meeting.minutes
                assert meeting.created_at < meeting.starts_at < meeting.started_at
                assert meeting.started_at < meeting.closed_at
                assert _day(meeting.closed_at) == _day(meeting.starts_at)
                # The agenda takes the submitted cases oldest first.
                submitted = [item.case.submitted_at for item in meeting.items.order_by("position")]
                assert submitted == sorted(submitted)
                assert all(moment < meeting.created_at for moment in submitted)

    def test_a_meeting_is_planned_for_the_coming_week_and_cases_still_await_an_agenda(self, seeded):
        for team in Team.objects.all():
            planned = Meeting.objects.get(team=team, status=Meeting.Status.PLANNED)
            assert NOW < planned.starts_at <= NOW + datetime.timedelta(days=7)
            assert planned.created_at < NOW
            assert planned.items.count() >= 2
            for item in planned.items.all():
                assert item.state == AgendaItem.State.OPEN
                assert item.case.status == CaseStatus.SCHEDULED
        noord = Team.objects.get(name="Inkomen Noord")
        awaiting = Case.objects.filter(team=noord).awaiting_agenda()
        assert awaiting.exists(), "the lead's home page shows cases waiting for an agenda"

    def test_decisions_of_every_kind_with_a_rationale_and_values(self, seeded):
        decisions = Decision.objects.all()
        assert set(decisions.values_list("kind", flat=True)) == set(DecisionKind)
        for decision in decisions:
            assert len(decision.rationale) > 80, decision
            if decision.kind == DecisionKind.POSTPONE:
                assert decision.evaluate_on is None
                assert decision.case.status != CaseStatus.SCHEDULED
                continue
            assert decision.evaluate_on is not None
            assert decision.public_values.exists(), decision
            if decision.kind == DecisionKind.REFER:
                assert decision.refer_to
        refer_to = set(decisions.values_list("refer_to", flat=True))
        assert {"schuldhulpverlening van de gemeente", "het CAK"} <= refer_to
        backed = decisions.filter(backing=True).count()
        assert backed > decisions.count() / 2, "backing is the rule"
        chafing = decisions.filter(rule_chafes=True)
        assert chafing.filter(case__rule__reference="kostendelersnorm").exists()
        assert chafing.filter(case__rule__reference="bewijsstukken bankafschriften").count() >= 2
        # Every decision on an agenda item was frozen when its meeting closed.
        assert not decisions.filter(agenda_item__isnull=False, frozen=False).exists()

    def test_a_frozen_decision_was_corrected_after_its_meeting_closed(self, seeded):
        correction = Decision.objects.get(supersedes__isnull=False)
        old = correction.supersedes
        assert correction.supersede_reason
        assert old.frozen and correction.frozen
        assert old.agenda_item.meeting.closed_at < correction.created_at < NOW
        assert correction.case == old.case and correction.kind != old.kind
        assert not old.is_current
        kinds = set(old.case.events.values_list("kind", flat=True))
        assert CaseEvent.Kind.SUPERSEDED in kinds

    def test_an_escalation_was_answered_by_karin_and_another_one_is_open(self, seeded):
        karin = get_user_model().objects.get(username="karin")
        answered = Escalation.objects.get(status=Escalation.Status.ANSWERED)
        answer = answered.answers.get()
        assert answered.director == karin == answer.author
        assert answer.frozen and answer.kind not in (DecisionKind.ESCALATE, DecisionKind.POSTPONE)
        assert answered.created_at < answered.answered_at == answer.created_at < NOW
        assert answered.case.status in (CaseStatus.DECIDED, CaseStatus.CLOSED)
        assert answered.question and answered.decision.kind == DecisionKind.ESCALATE

        still_open = Escalation.objects.get(status=Escalation.Status.OPEN)
        assert still_open.director == karin
        assert still_open.case.status == CaseStatus.ESCALATED
        # Only teams that have a director escalate.
        for escalation in Escalation.objects.all():
            assert Membership.objects.filter(
                user=escalation.director, team=escalation.case.team, role=Role.DIRECTOR
            ).exists()

    def test_actions_are_done_overdue_and_still_to_come(self, seeded):
        actions = Action.objects.select_related("decision", "case", "owner")
        for action in actions:
            assert Membership.objects.filter(user=action.owner, team=action.case.team).exists()
            assert action.due_on > _day(action.decision.created_at)
            if action.done_at:
                assert action.decision.created_at < action.done_at < NOW
                assert action.done_by == action.owner
        done = actions.exclude(done_at=None)
        assert done.count() >= 20
        overdue = actions.filter(done_at=None, due_on__lt=TODAY)
        assert overdue.count() >= 3
        assert len({action.case.team_id for action in overdue}) >= 2
        assert actions.filter(done_at=None, due_on__gte=TODAY).exists()
        owners = set(actions.values_list("owner__username", flat=True))
        authors = set(actions.values_list("case__author__username", flat=True))
        assert owners - authors, "some actions belong to a colleague of the case's author"

    def test_outcomes_are_recorded_and_complete_cases_are_closed(self, seeded):
        outcomes = Outcome.objects.select_related("case", "decision")
        assert set(outcomes.values_list("served", flat=True)) == {"yes", "partly", "no"}
        for outcome in outcomes:
            assert outcome.author == outcome.case.author
            assert outcome.note
            assert outcome.decision.created_at < outcome.created_at < NOW
            assert outcome.decision.is_current
        closed = Case.objects.filter(status=CaseStatus.CLOSED)
        assert closed.count() >= 5
        for case in closed:
            assert hasattr(case, "outcome")
            assert not case.actions.filter(done_at=None).exists()
        # An outcome with an action still open leaves the case decided.
        assert Case.objects.filter(
            status=CaseStatus.DECIDED, outcome__isnull=False, actions__done_at=None
        ).exists()
        # And some decided cases wait for their author to record the outcome.
        assert Case.objects.filter(
            status=CaseStatus.DECIDED, outcome__isnull=True, decisions__evaluate_on__lte=TODAY
        ).exists()

    def test_similar_cases_on_the_same_rule_decided_the_other_way_say_why_they_differ(self, seeded):
        pairs = Decision.objects.exclude(compared_with=None).select_related(
            "case", "compared_with__case"
        )
        assert pairs.count() >= 2
        for decision in pairs:
            earlier = decision.compared_with
            assert decision.case.rule_id == earlier.case.rule_id is not None
            assert decision.case.team_id == earlier.case.team_id
            assert points_opposite(decision.kind, earlier.kind)
            assert earlier.created_at < decision.created_at
            assert len(decision.difference) > 80
        assert not Decision.objects.filter(difference=FALLBACK_DIFFERENCE).exists()

    def test_no_deliberation_text_has_privacy_findings(self, seeded):
        texts = []
        for decision in Decision.objects.all():
            texts += [
                decision.rationale,
                decision.values_weighing,
                decision.difference,
                decision.refer_to,
                decision.supersede_reason,
            ]
        texts += list(Action.objects.values_list("description", flat=True))
        texts += list(Escalation.objects.values_list("question", flat=True))
        texts += list(Outcome.objects.values_list("note", flat=True))
        texts += list(CaseEvent.objects.values_list("note", flat=True))
        for text in texts:
            assert find_personal_data(text) == [], text
        # Minutes name the people at the meeting: colleagues, not a citizen's personal data.
        for meeting in Meeting.objects.prefetch_related("participants"):
            present = [f"{p.first_name} {p.last_name}" for p in meeting.participants.all()]
            assert scan({"minutes": ("", meeting.minutes)}, colleagues=present) == []
            assert meeting.minutes == "" or any(name in meeting.minutes for name in present)

    def test_decisions_follow_submission_and_fall_on_their_meetings_day(self, seeded):
        for decision in Decision.objects.select_related("case", "agenda_item__meeting"):
            assert decision.case.submitted_at < decision.created_at < NOW
            if decision.agenda_item_id:
                meeting = decision.agenda_item.meeting
                assert meeting.started_at < decision.created_at < meeting.closed_at
                assert _day(decision.created_at) == _day(meeting.starts_at)
                event = decision.case.events.get(
                    kind=CaseEvent.Kind.DECIDED, created_at=decision.created_at
                )
                assert event.actor == decision.author
        for escalation in Escalation.objects.all():
            assert escalation.created_at == escalation.decision.created_at

    def test_the_demo_has_digests_for_the_director_to_read(self, seeded, settings):
        from digests.models import Digest

        settings.DEBUG = True
        call_command("seed_demo", stdout=StringIO())
        organisation_digests = Digest.objects.filter(team__isnull=True)
        assert organisation_digests.count() == 2
        half_year = organisation_digests.order_by("start").first()
        assert half_year.data["counts"]["submitted"] >= 40
        assert half_year.data["rules"][0]["cases"] >= 2
        call_command("seed_demo", stdout=StringIO())
        assert Digest.objects.count() == 8

    def test_the_director_took_up_signals_and_the_leads_told_good_examples(self, seeded):
        from digests.models import Signal, SignalEvent, Story

        karin = get_user_model().objects.get(username="karin")
        taken_up = Signal.objects.filter(state=Signal.State.TAKEN_UP)
        references = set(taken_up.values_list("rule__reference", flat=True))
        assert {"kostendelersnorm", "bewijsstukken bankafschriften"} <= references
        assert all(signal.taken_up_with for signal in taken_up)
        assert Signal.objects.filter(state=Signal.State.OPEN).exists(), "work for the director"
        for event in SignalEvent.objects.exclude(from_state="").select_related("signal"):
            assert event.actor == karin
            assert event.signal.created_at < event.created_at < NOW
        stories = Story.objects.select_related("case__team")
        assert {story.case.team.name for story in stories} == TEAMS
        for story in stories:
            assert story.case.team.is_led_by(story.author)
            assert story.case.status in (CaseStatus.DECIDED, CaseStatus.CLOSED)
            assert story.case.decisions.filter(created_at__lt=story.published_at).exists()
            assert story.published_at < NOW
            for text in (story.title, story.text, story.lesson):
                assert find_personal_data(text) == []
