"""Build a scenario through the services, with the clock set to each moment of its story.

The builder is the only code that turns a `Scenario` into rows. Organisation, teams and accounts
have no service and are made with `get_or_create`; everything that happens to a case goes
through the same service function a page would call (`cases.services`, `deliberations.services`,
`digests.services`, `digests.tasks.store_digest`), inside `clock.at(moment)`. So every timestamp
(created, submitted, decided, done, answered, ...) is written once, by the code that owns it, at
the moment the story says, and the privacy guard, the lifecycle's transition table and the
timeline see exactly what they would see in real use. Nothing is patched, nothing is moved back
in time afterwards.

The story runs in the order it happened: every step (a case created, an agenda made, a decision,
an action done, an answer, a correction, an outcome, a signal moved, a story published) is put
on one calendar and run when its moment comes; what the story places at or after "now" has not
happened yet and is left out.

A second build changes nothing: people, teams and digests that exist are kept, and the story is
told only to an organisation that has none of the scenario's cases yet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import itertools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone, translation

from cases import services as case_services
from cases.models import Barrier, Case, CaseStatus, PublicValue, Rule
from deliberations import services
from deliberations.forms import most_similar_earlier_decision
from deliberations.models import (
    DEPARTS_FROM_RULE,
    FOLLOWS_RULE,
    NEEDS_LEGAL_GROUND,
    AgendaItem,
    Decision,
    DecisionKind,
    LegalGround,
    Meeting,
    points_opposite,
)
from deliberations.services import ActionSpec, DecisionSpec
from digests import services as digest_services
from digests.models import Digest, Signal, Thread
from digests.tasks import last_week, store_digest
from digests.threads import confirm_thread, link_case, propose_threads_for
from organisations import clock
from organisations.models import Membership, Organisation, Role, Team

from .plans import (
    SUBMITTED,
    WITHDRAWN,
    ActionPlan,
    CasePlan,
    DecisionPlan,
    ItemPlan,
    MeetingPlan,
    Scenario,
    SignalMove,
    StoryPlan,
    TeamPlan,
    coming_day,
    meeting_day,
    plan_day,
    previous_working_day,
    working_day,
)

# Times of day in the story.
PLANNED_AT = dt.time(15, 30)  # the lead builds the agenda a couple of working days ahead
ACTION_DONE_AT = dt.time(11, 15)
CORRECTED_AT = dt.time(14, 5)
OUTCOME_AT = dt.time(15, 40)
ANSWERED_AT = dt.time(16, 20)
SIGNAL_MOVED_AT = dt.time(10, 40)
STORY_AT = dt.time(13, 10)

# Used only if a scenario lacks a difference where the decision form would ask for one.
FALLBACK_DIFFERENCE = (
    "De omstandigheden verschillen wezenlijk van de eerdere casus; de onderbouwing van dit "
    "besluit legt uit waarom."
)

DISCARD_MAIL = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
QUIET_LOGGERS = ("celery.app.trace", "kombu.connection")


class ScenarioError(Exception):
    """The scenario contradicts itself: a step needs something its story has not made."""


@dataclass
class Built:
    """What one build made (zero everywhere on a second build)."""

    organisation: Organisation
    teams: dict[str, Team]
    people: dict[str, object]
    accounts: int = 0
    cases: int = 0
    meetings: int = 0  # held and closed
    planned: int = 0  # planned for the coming week
    decisions: int = 0
    escalations: int = 0
    actions: int = 0
    outcomes: int = 0
    signal_moves: int = 0
    stories: int = 0
    threads: int = 0
    digests: int = 0
    now: dt.datetime | None = None
    case_ids: dict[tuple[str, str], int] = field(default_factory=dict)


@contextlib.contextmanager
def notifications_discarded() -> Iterator[None]:
    """Build without notifying anyone, by configuration rather than by patching.

    The services queue their mails with `transaction.on_commit` (a case submitted, an
    invitation, the minutes, an escalation and its answer, a digest ready): hundreds for a demo,
    to people who do not exist, about things that happened months ago. Within this block

    - Celery runs tasks in this process (`task_always_eager`, as in the embedded setup), so no
      task reaches a broker and a worker that would send it later;
    - Django's mailer is the dummy backend, which drops every message;
    - Celery's per-task log line ("Task ... succeeded", and kombu's note that no broker host is
      set) is held back, so a seed prints its summary, not hundreds of lines.

    The build commits inside the block, so its on-commit notifications run under all three and
    send nothing. Inside an outer transaction (a test), they never run at all.
    """
    from bedoeling.celery import app

    eager = app.conf.task_always_eager
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    app.conf.task_always_eager = True
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        with override_settings(MAILERS=DISCARD_MAIL):
            yield
    finally:
        app.conf.task_always_eager = eager
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def build(scenario: Scenario, *, now: dt.datetime | None = None) -> Built:
    """Make what `scenario` describes and the database does not hold yet, as of `now` (default:
    the clock's now); return what was made. Notifies nobody (see `notifications_discarded`)."""
    now = now or clock.now()
    with (
        notifications_discarded(),
        translation.override(settings.LANGUAGE_CODE),
        transaction.atomic(),
    ):
        return _Builder(scenario, now).run()


@dataclass
class _TeamContext:
    team: Team
    lead: object
    director: object | None
    participants: list
    members: dict[int, object]


@dataclass
class _MeetingContext:
    plan: TeamPlan
    meeting_plan: MeetingPlan
    day: dt.date
    starts_at: dt.datetime
    context: _TeamContext
    meeting: Meeting | None = None
    items: list[tuple[ItemPlan, int]] = field(default_factory=list)  # (plan, case pk)


class _Builder:
    def __init__(self, scenario: Scenario, now: dt.datetime) -> None:
        self.scenario = scenario
        self.now = now
        self.today = timezone.localdate(now)
        self.calendar: list[tuple[dt.datetime, int, Callable[[], None]]] = []
        self.order = itertools.count()
        self.current: dt.datetime | None = None

    # -- the calendar

    def at(self, day: dt.date, time: dt.time) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, time))

    def later(self, moment: dt.datetime, step: Callable[[], None]) -> None:
        """Run `step` at `moment`, if that moment has passed by now."""
        if self.current is not None and moment < self.current:
            raise ScenarioError(f"a step at {moment} follows one at {self.current}")
        if moment < self.now:
            heapq.heappush(self.calendar, (moment, next(self.order), step))

    def run_calendar(self) -> None:
        while self.calendar:
            moment, _, step = heapq.heappop(self.calendar)
            self.current = moment
            with clock.at(moment):
                step()
        self.current = None

    # -- the build

    def run(self) -> Built:
        organisation = self.organisation()
        teams = self.teams(organisation)
        people, accounts = self.people(teams)
        self.built = Built(organisation, teams, people, accounts=accounts, now=self.now)
        self.rules = {
            (rule.regulation.short_name, rule.reference): rule
            for rule in Rule.objects.active().select_related("regulation")
        }
        self.values = {value.name: value for value in PublicValue.objects.all()}
        self.barriers = {barrier.name: barrier for barrier in Barrier.objects.all()}
        if not self.told_before():
            for index, plan in enumerate(self.scenario.cases):
                self.tell_case(index, plan)
            for plan in self.scenario.consultations:
                self.tell_consultations(plan)
            for move in self.scenario.signals:
                self.later(
                    self.at(self.today - dt.timedelta(days=move.days_ago), SIGNAL_MOVED_AT),
                    lambda move=move: self.move_signal(move),
                )
            for story in self.scenario.stories:
                self.later(
                    self.at(self.today - dt.timedelta(days=story.days_ago), STORY_AT),
                    lambda story=story: self.publish_story(story),
                )
            self.run_calendar()
            if self.scenario.threads:
                with clock.at(self.now):
                    self.name_threads()
        if self.scenario.digests:
            with clock.at(self.now):
                self.build_digests()
        return self.built

    def told_before(self) -> bool:
        """Whether the organisation already holds any of the scenario's cases."""
        titles = {(plan.team, plan.title) for plan in self.scenario.cases}
        existing = Case.objects.filter(team__in=self.built.teams.values()).values_list(
            "team__name", "title"
        )
        return any(pair in titles for pair in existing)

    # -- who

    def organisation(self) -> Organisation:
        organisation = Organisation.objects.order_by("pk").first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=self.scenario.organisation, purpose=self.scenario.purpose
            )
        return organisation

    def teams(self, organisation: Organisation) -> dict[str, Team]:
        teams = {}
        for spec in self.scenario.teams:
            teams[spec.name], _ = Team.objects.get_or_create(
                organisation=organisation, name=spec.name, defaults={"purpose": spec.purpose}
            )
        return teams

    def people(self, teams: dict[str, Team]) -> tuple[dict, int]:
        User = get_user_model()
        people = {}
        created_count = 0
        password = None  # hashed once: the hasher is slow on purpose, the accounts share it
        for person in self.scenario.people:
            user, created = User.objects.get_or_create(
                username=person.username,
                defaults={
                    "first_name": person.first_name,
                    "last_name": person.last_name,
                    "email": f"{person.username}@{self.scenario.email_domain}",
                    "is_staff": person.is_superuser,
                    "is_superuser": person.is_superuser,
                },
            )
            people[person.username] = user
            if created:
                password = password or make_password(self.scenario.password)
                user.password = password
                user.save(update_fields=["password"])
                created_count += 1
            for team_name, role in person.memberships:
                Membership.objects.get_or_create(
                    user=user, team=teams[team_name], defaults={"role": role}
                )
        return people, created_count

    # -- cases

    def case_moment(self, day: dt.date, index: int) -> dt.datetime:
        """A working-hours moment on `day`, varied per case but always the same."""
        return self.at(day, dt.time(8 + (index * 5) % 9, (index * 17) % 60))

    def tell_case(self, index: int, plan: CasePlan) -> None:
        created_on = self.today - dt.timedelta(days=plan.days_ago)
        created_at = self.case_moment(created_on, index)
        self.later(created_at, lambda: self.create_case(plan, created_on))
        submits = plan.status == SUBMITTED or (
            plan.status == WITHDRAWN and plan.submit_after is not None
        )
        if submits:
            submitted_at = created_at + dt.timedelta(days=plan.submit_after, hours=1)
            self.later(submitted_at, lambda: self.submit_case(plan))
        if plan.status == WITHDRAWN:
            withdrawn_at = created_at + dt.timedelta(days=plan.withdraw_after, hours=3)
            self.later(withdrawn_at, lambda: self.withdraw_case(plan))

    def create_case(self, plan: CasePlan, created_on: dt.date) -> None:
        rule = self.rules.get(plan.rule) if plan.rule else None
        proposed_rule = plan.proposed_rule
        if plan.rule and rule is None:
            # The rule was renamed or retired in the admin: keep the case, name the rule.
            proposed_rule = f"{plan.rule[0]} \u2014 {plan.rule[1]}"
        harm_date = None
        if plan.harm_after is not None:
            harm_date = created_on + dt.timedelta(days=plan.harm_after)
        case, _ = case_services.create_case(
            author=self.built.people[plan.author],
            team=self.built.teams[plan.team],
            data={
                "title": plan.title,
                "situation": plan.situation,
                "rule": rule,
                "proposed_rule": proposed_rule,
                "effect": plan.effect,
                "conflict": plan.conflict,
                "question": plan.question,
                "barrier": self.barriers.get(plan.barrier),
                "harm_date": harm_date,
            },
            public_values=[self.values[name] for name in plan.values if name in self.values],
        )
        self.built.case_ids[(plan.team, plan.title)] = case.pk
        self.built.cases += 1

    def submit_case(self, plan: CasePlan) -> None:
        case = self.case_of(plan.team, plan.title)
        case_services.submit_case(case, case.author)

    def withdraw_case(self, plan: CasePlan) -> None:
        case = self.case_of(plan.team, plan.title)
        case_services.withdraw(case=case, actor=case.author, reason=plan.withdraw_reason)

    def case_of(self, team: str, title: str) -> Case:
        """The scenario's case in `team` with this title, or the one whose title starts with
        it, as it is now."""
        exact = self.built.case_ids.get((team, title))
        found = (
            [exact]
            if exact is not None
            else [
                pk
                for (case_team, case_title), pk in self.built.case_ids.items()
                if case_team == team and case_title.startswith(title)
            ]
        )
        if len(found) != 1:
            raise ScenarioError(f"{len(found)} cases in {team} start with “{title}”")
        return Case.objects.select_related("author").get(pk=found[0])

    def ready(self, team: str, title: str, planned_at: dt.datetime) -> Case | None:
        """The case, if it waits for an agenda and was submitted before `planned_at`."""
        case = self.case_of(team, title)
        if case.status != CaseStatus.SUBMITTED or case.submitted_at is None:
            return None
        return case if case.submitted_at < planned_at else None

    # -- case consultations

    def team_context(self, team: Team) -> _TeamContext | None:
        memberships = list(
            Membership.objects.filter(team=team).select_related("user").order_by("pk")
        )
        leads = [m.user for m in memberships if m.role == Role.LEAD]
        if not leads:
            return None
        directors = [m.user for m in memberships if m.role == Role.DIRECTOR]
        return _TeamContext(
            team=team,
            lead=leads[0],
            director=directors[0] if directors else None,
            participants=[m.user for m in memberships if m.role in (Role.PROFESSIONAL, Role.LEAD)],
            members={m.user_id: m.user for m in memberships},
        )

    def tell_consultations(self, plan: TeamPlan) -> None:
        context = self.team_context(self.built.teams[plan.team])
        if context is None:
            return
        for meeting_plan in sorted(plan.meetings, key=lambda meeting: -meeting.weeks_ago):
            day = meeting_day(self.today, meeting_plan.weeks_ago, plan.weekday)
            starts_at = self.at(day, plan.time)
            if starts_at >= self.now:
                continue
            held = _MeetingContext(plan, meeting_plan, day, starts_at, context)
            self.later(
                self.at(plan_day(day), PLANNED_AT), lambda held=held: self.plan_meeting(held)
            )
        planned_at = self.at(previous_working_day(self.today), PLANNED_AT)
        self.later(planned_at, lambda: self.plan_coming(plan, context))

    def plan_meeting(self, held: _MeetingContext) -> None:
        planned_at = clock.now()
        ready = [
            (item, self.ready(held.plan.team, item.title, planned_at))
            for item in held.meeting_plan.items
        ]
        ready = sorted(
            ((item, case) for item, case in ready if case is not None),
            key=lambda pair: (pair[1].submitted_at, pair[1].pk),
        )
        if len(ready) < 2:
            return  # not enough to meet about: the team skipped that week
        held.meeting = services.plan_meeting(
            team=held.context.team,
            lead=held.context.lead,
            starts_at=held.starts_at,
            participants=held.context.participants,
            cases=[case for _, case in ready],
            location=held.plan.location,
        )
        held.items = [(item, case.pk) for item, case in ready]
        self.later(held.starts_at + dt.timedelta(minutes=2), lambda: self.start_meeting(held))
        for position, (item, case_pk) in enumerate(held.items):
            moment = held.starts_at + dt.timedelta(minutes=10 + 18 * position)
            self.later(moment, lambda item=item, case_pk=case_pk: self.decide(held, item, case_pk))
        end = held.starts_at + dt.timedelta(minutes=10 + 18 * len(held.items))
        self.later(end, lambda: self.save_minutes(held))
        self.later(end + dt.timedelta(minutes=3), lambda: self.close_meeting(held))

    def start_meeting(self, held: _MeetingContext) -> None:
        held.meeting = services.start_meeting(meeting=held.meeting, actor=held.context.lead)

    def decide(self, held: _MeetingContext, item: ItemPlan, case_pk: int) -> None:
        case = Case.objects.select_related("author").get(pk=case_pk)
        spec = self.spec(item.decision, case, held.day, held.context.lead, held.context)
        if spec is None:
            return  # cannot be decided this way here; closing the meeting postpones it
        agenda_item = AgendaItem.objects.get(meeting=held.meeting, case=case)
        decision = services.record_decision(item=agenda_item, author=held.context.lead, spec=spec)
        self.counted(decision)
        self.follow_up(held, item, case, decision)

    def save_minutes(self, held: _MeetingContext) -> None:
        meeting = Meeting.objects.get(pk=held.meeting.pk)
        held.meeting = services.save_minutes(
            meeting=meeting,
            actor=held.context.lead,
            minutes=self.minutes(meeting, held.context.lead),
            version=meeting.version,
        )

    def close_meeting(self, held: _MeetingContext) -> None:
        services.close_meeting(meeting=held.meeting, actor=held.context.lead, postpone_open=True)
        self.built.meetings += 1

    def plan_coming(self, plan: TeamPlan, context: _TeamContext) -> None:
        planned_at = clock.now()
        cases = [self.ready(plan.team, title, planned_at) for title in plan.coming]
        cases = sorted((c for c in cases if c is not None), key=lambda c: (c.submitted_at, c.pk))
        if not cases:
            return
        services.plan_meeting(
            team=context.team,
            lead=context.lead,
            starts_at=self.at(coming_day(self.today, plan.weekday), plan.time),
            participants=context.participants,
            cases=cases,
            location=plan.location,
        )
        self.built.planned += 1

    def minutes(self, meeting: Meeting, lead) -> str:
        names = ", ".join(user.get_full_name() for user in meeting.participants.order_by("pk"))
        lines = [f"Voorzitter: {lead.get_full_name()}. Aanwezig: {names}.", ""]
        items = meeting.items.select_related("case").prefetch_related("decisions")
        for item in items.order_by("position"):
            decisions = list(item.decisions.all())
            verdict = decisions[0].get_kind_display() if decisions else "nog open"
            lines.append(f"{item.position}. {item.case.title}")
            lines.append(f"   Besluit: {verdict}.")
        lines += ["", "Onderbouwing en actiepunten staan bij de besluiten per agendapunt."]
        return "\n".join(lines)

    # -- decisions

    def legal_ground(self, plan: DecisionPlan) -> LegalGround | None:
        if plan.kind not in NEEDS_LEGAL_GROUND:
            return None
        default = {
            DecisionKind.DEVIATION: "hardheidsclausule",
            DecisionKind.ROOM_WITHIN_RULES: "beleidsruimte",
        }[plan.kind]
        name = plan.legal_ground or default
        # An administrator may have renamed the seeded grounds: then the first that fits.
        return (
            LegalGround.objects.filter(name=name).first()
            or LegalGround.objects.filter(requires_text=False).order_by("position").first()
        )

    def spec(
        self, plan: DecisionPlan, case: Case, day: dt.date, author, context: _TeamContext
    ) -> DecisionSpec | None:
        director = None
        if plan.kind == DecisionKind.ESCALATE:
            # An escalation goes to a director of the case's team; a team without one does not
            # escalate.
            director = context.director
            if director is None:
                return None
        compared_with, difference = self.comparison(plan, case, author)
        return DecisionSpec(
            kind=plan.kind,
            rationale=plan.rationale,
            public_values=[self.values[name] for name in plan.values if name in self.values],
            values_weighing=plan.weighing,
            backing=plan.backing,
            rule_chafes=plan.rule_chafes,
            refer_to=plan.refer_to if plan.kind == DecisionKind.REFER else "",
            legal_ground=self.legal_ground(plan),
            evaluate_on=(
                None
                if plan.kind == DecisionKind.POSTPONE
                else day + dt.timedelta(days=plan.evaluate)
            ),
            compared_with=compared_with,
            difference=difference,
            actions=[
                ActionSpec(
                    description=action.description,
                    owner=self.owner(action.owner, case, context),
                    due_on=working_day(day + dt.timedelta(days=action.due)),
                )
                for action in plan.actions
            ],
            director=director,
            question=plan.question if plan.kind == DecisionKind.ESCALATE else "",
        )

    def owner(self, name: str, case: Case, context: _TeamContext):
        if name == "lead":
            return context.lead
        if name != "author":
            user = self.built.people.get(name)
            if user is not None and user.pk in context.members:
                return user
        return case.author

    def comparison(self, plan: DecisionPlan, case: Case, user) -> tuple[Decision | None, str]:
        """What the decision form would do: when the most similar earlier decision on the same
        rule points the other way, name it and say why this case differs."""
        if plan.kind not in FOLLOWS_RULE | DEPARTS_FROM_RULE or not case.rule_id:
            return None, ""
        earlier = most_similar_earlier_decision(case, user)
        if earlier is None or not points_opposite(plan.kind, earlier.kind):
            earlier = None
            if plan.compare_with:
                other = self.case_of(case.team.name, plan.compare_with)
                candidate = Decision.objects.of_case(other)
                if (
                    candidate is not None
                    and other.rule_id == case.rule_id
                    and points_opposite(plan.kind, candidate.kind)
                ):
                    earlier = candidate
        if earlier is None:
            return None, ""
        return earlier, plan.difference or FALLBACK_DIFFERENCE

    def counted(self, decision: Decision) -> None:
        self.built.decisions += 1
        self.built.actions += decision.actions.count()
        if decision.kind == DecisionKind.ESCALATE:
            self.built.escalations += 1

    # -- after the meeting

    def follow_up(
        self, held: _MeetingContext, item: ItemPlan, case: Case, decision: Decision
    ) -> None:
        """Put what happened after the meeting on the calendar."""

        def after(days: int, time: dt.time) -> dt.datetime:
            return self.at(working_day(held.day + dt.timedelta(days=days)), time)

        def actions_done(made: Decision, plans: tuple[ActionPlan, ...]) -> None:
            for action, plan in zip(made.actions.order_by("pk"), plans, strict=False):
                if plan.done is not None:
                    self.later(
                        after(plan.done, ACTION_DONE_AT),
                        lambda action=action: services.mark_action_done(
                            action=action, actor=action.owner
                        ),
                    )

        def answer() -> None:
            escalation = decision.escalation_raised
            director = escalation.director
            spec = self.spec(item.answer, case, held.day, director, held.context)
            made = services.answer_escalation(escalation=escalation, director=director, spec=spec)
            self.counted(made)
            actions_done(made, item.answer.actions)

        def correct() -> None:
            lead = held.context.lead
            spec = self.spec(item.correction, case, held.day, lead, held.context)
            made = services.supersede_decision(
                decision=decision, author=lead, spec=spec, reason=item.correction_reason
            )
            self.counted(made)
            actions_done(made, item.correction.actions)

        def outcome() -> None:
            current = Case.objects.get(pk=case.pk)
            if current.status != CaseStatus.DECIDED:
                return  # still escalated, or back in the queue: nothing to evaluate yet
            services.record_outcome(
                case=current,
                author=current.author,
                served=item.outcome.served,
                note=item.outcome.note,
            )
            self.built.outcomes += 1

        actions_done(decision, item.decision.actions)
        if item.answer is not None and decision.kind == DecisionKind.ESCALATE:
            self.later(after(item.answer_after, ANSWERED_AT), answer)
        if item.correction is not None:
            self.later(after(item.correction_after, CORRECTED_AT), correct)
        if item.outcome is not None and decision.kind != DecisionKind.POSTPONE:
            self.later(after(item.outcome.after, OUTCOME_AT), outcome)

    # -- the organisation

    def move_signal(self, move: SignalMove) -> None:
        signal = Signal.objects.filter(
            rule__regulation__short_name=move.rule[0], rule__reference=move.rule[1]
        ).first()
        if signal is None:
            raise ScenarioError(f"no decision has flagged {move.rule} as chafing yet")
        digest_services.move_signal(
            signal=signal,
            actor=self.built.people[move.by],
            to_state=move.to_state,
            taken_up_with=move.taken_up_with,
            reason=move.reason,
        )
        self.built.signal_moves += 1

    def publish_story(self, story: StoryPlan) -> None:
        case = self.case_of(story.team, story.case)
        author = self.built.people[story.author]
        if case.status not in (CaseStatus.DECIDED, CaseStatus.CLOSED):
            raise ScenarioError(f"“{case.title}” is {case.status}: no example to tell yet")
        if not case.team.is_led_by(author):
            raise ScenarioError(f"{story.author} does not lead {story.team}")
        digest_services.publish_story(
            case=case, author=author, title=story.title, text=story.text, lesson=story.lesson
        )
        self.built.stories += 1

    def name_threads(self) -> None:
        """The machine proposes the year's rode draden (as its nightly task does); the people of
        the scenario confirm and name the ones that hold their case."""
        propose_threads_for(today=self.today)
        for plan in self.scenario.threads:
            case = self.case_of(plan.team, plan.case)
            thread = Thread.objects.filter(status=Thread.Status.PROPOSED, cases=case).first()
            if thread is None:
                raise ScenarioError(f"no proposed rode draad holds “{plan.case}”")
            actor = self.built.people[plan.by]
            confirm_thread(thread=thread, actor=actor, name=plan.name, description=plan.description)
            for team, title in plan.link:
                link_case(thread=thread, case=self.case_of(team, title), actor=actor)
            self.built.threads += 1

    def build_digests(self) -> None:
        """Last week's digests and a six-month one, per team and for the organisation."""
        if Digest.objects.exists():
            return
        week = last_week(self.today)
        half_year = (self.today - dt.timedelta(days=182), self.today)
        teams = sorted(self.built.teams.values(), key=lambda team: team.name)
        for start, end in (week, half_year):
            for team in [None, *teams]:
                store_digest(team=team, start=start, end=end)
                self.built.digests += 1
