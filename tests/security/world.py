"""Two teams of one organisation, every kind of object in team A, and the eight personas.

Built through the services (the same paths people take), so every free-text field is written
where the application writes it. `say(field)` gives the text for each free-text field: plain
Dutch for the permission matrix, a unique sentinel for the sentinel crawl, an XSS payload for
the escaping test. `TEXT_FIELDS` names every field `say` is asked for; the sentinel and XSS
tests check that it covers every free-text column of every model with case content.

Team A (Noord) has:
- a draft, a submitted case waiting for an agenda, a withdrawn case;
- a closed meeting (minutes, notes, attendance, location) that decided two cases (a justified
  deviation with values weighed, a chafing rule -> a signal, an action, a story, colleague
  input, a corrected decision, an outcome) and escalated a third to the director over team A;
- a running meeting with one open item, a planned meeting with one item;
- a team digest, and the organisation digest; the signal was moved by the director over A.
Team B (Zuid) has a smaller copy (a waiting case, a decided case, a running meeting, a
digest), so that every page of an outsider has content of their own, and cases similar to
team A's, so that precedents and search would find team A's cases if they leaked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from cases import services as case_services
from cases.models import Case
from deliberations import services
from deliberations.models import Decision
from deliberations.services import ActionSpec, DecisionSpec
from digests.models import BuildRequest, Signal, Thread
from digests.services import move_signal, publish_story
from digests.tasks import store_digest
from organisations import clock
from organisations.models import Role
from tests.factories import (
    BarrierFactory,
    MembershipFactory,
    OrganisationFactory,
    PublicValueFactory,
    RegulationFactory,
    RuleFactory,
    TeamFactory,
    UserFactory,
    legal_ground,
)

# The personas of the permission matrix, in the order of its columns.
PERSONAS = ("anonymous", "pro", "pro_b", "lead", "lead_b", "director", "director_b", "admin")
# The people outside team A, whose pages must never show team A's text.
OUTSIDERS = ("pro_b", "lead_b", "director_b")

# Every free-text field the world fills, as "model.field" (or a service's own text).
TEXT_FIELDS = (
    "case.title",
    "case.situation",
    "case.proposed_rule",
    "case.effect",
    "case.conflict",
    "case.question",
    "case.zaak_reference",
    "comment.text",
    "withdraw.reason",
    "meeting.location",
    "meeting.minutes",
    "agendaitem.notes",
    "decision.rationale",
    "decision.values_weighing",
    "decision.refer_to",
    "decision.difference",
    "decision.supersede_reason",
    "decision.legal_ground_text",
    "escalation.question",
    "action.description",
    "outcome.note",
    "signal.taken_up_with",
    "signal.reason",
    "story.title",
    "story.text",
    "story.lesson",
    "thread.name",
    "thread.description",
)

# Team B's cases say nearly what team A's say, so similarity would find team A's if allowed.
PLAIN = {
    "case.title": "Kleinzoon logeert bij oma",
    "case.situation": "Oma ontvangt AOW en AIO; kleinzoon studeert en logeert doordeweeks.",
    "case.effect": "Kostendelersnorm verlaagt de AIO van oma flink.",
    "case.conflict": "Kleinzoon betaalt niets; oma komt nauwelijks rond.",
    "case.question": "Kostendelersnorm buiten toepassing laten?",
    "case.proposed_rule": "",
}


def plain(name: str) -> str:
    return PLAIN.get(name) or f"Tekst voor {name}."


@dataclass
class World:
    people: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getitem__(self, key: str):
        return self.objects[key] if key in self.objects else self.people[key]


def build(say: Callable[[str], str] = plain) -> World:
    world = World()
    organisation = OrganisationFactory(name="Gemeente Testdorp", purpose="Inwoners eerst.")
    team_a = TeamFactory(organisation=organisation, name="Inkomen Noord")
    team_b = TeamFactory(organisation=organisation, name="Inkomen Zuid")

    def member(team, role, username, first_name):
        return MembershipFactory(
            team=team,
            role=role,
            user__username=username,
            user__first_name=first_name,
            user__last_name="Persona",
        ).user

    people = {
        "pro": member(team_a, Role.PROFESSIONAL, "pro", "Sanne"),
        "colleague": member(team_a, Role.PROFESSIONAL, "colleague", "Ahmed"),
        "pro_b": member(team_b, Role.PROFESSIONAL, "pro_b", "Bram"),
        "lead": member(team_a, Role.LEAD, "lead", "Joost"),
        "lead_b": member(team_b, Role.LEAD, "lead_b", "Lotte"),
        "director": member(team_a, Role.DIRECTOR, "director", "Karin"),
        "director_b": member(team_b, Role.DIRECTOR, "director_b", "Dirk"),
        "admin": UserFactory(username="admin", is_staff=True, is_superuser=True),
    }
    world.people = people

    rule = RuleFactory(regulation__short_name="AIO", reference="kostendelersnorm")
    other_rule = RuleFactory(regulation__short_name="PW", reference="bankafschriften")
    regulation = RegulationFactory(short_name="PW")
    barrier = BarrierFactory()
    human = PublicValueFactory(name="menselijke maat")
    PublicValueFactory(name="rechtmatigheid")

    now = clock.now()
    month_ago = now - dt.timedelta(days=30)
    today = timezone.localdate()

    def case_data(text: Callable[[str], str], title_suffix: str, case_rule) -> dict:
        data = {
            "title": f"{text('case.title')} {title_suffix}",
            "rule": case_rule,
            "barrier": barrier,
            "situation": text("case.situation"),
            "effect": text("case.effect"),
            "conflict": text("case.conflict"),
            "question": text("case.question"),
        }
        if case_rule is None:
            data["proposed_rule"] = text("case.proposed_rule") or "Regel in eigen woorden"
        return data

    def case(team, author, suffix, *, at=now, submit=True, case_rule=rule, text=say):
        with clock.at(at):
            made, _created = case_services.create_case(
                author=author,
                team=team,
                data=case_data(text, suffix, case_rule),
                public_values=[human],
                submit=submit,
                confirmed=True,
            )
        # Stored as it is (the form checks its shape): what a page shows of it is tested too.
        Case.objects.filter(pk=made.pk).update(zaak_reference=text("case.zaak_reference")[:200])
        made.refresh_from_db()
        return made

    pro, lead, director = people["pro"], people["lead"], people["director"]
    objects = world.objects
    objects.update(organisation=organisation, team_a=team_a, team_b=team_b, rule=rule)
    objects["regulation"] = regulation
    objects["draft"] = case(team_a, pro, "concept", submit=False, case_rule=None)
    objects["waiting"] = case(team_a, pro, "wachtend", case_rule=None)
    objects["withdrawn"] = case(team_a, pro, "ingetrokken")
    case_services.withdraw(
        case=objects["withdrawn"], actor=pro, reason=say("withdraw.reason"), confirmed=True
    )
    decided = case(team_a, pro, "besloten", at=month_ago)
    settled = case(team_a, pro, "geëvalueerd", at=month_ago)
    escalated = case(team_a, pro, "opgeschaald", at=month_ago, case_rule=other_rule)
    corrected = case(team_a, pro, "gecorrigeerd", at=month_ago)

    def deviation(owner, **extra) -> DecisionSpec:
        return DecisionSpec(
            kind="deviation",
            legal_ground=legal_ground(requires_text=True),
            legal_ground_text=say("decision.legal_ground_text"),
            rationale=say("decision.rationale"),
            public_values=[human],
            values_weighing=say("decision.values_weighing"),
            backing=True,
            rule_chafes=True,
            refer_to=say("decision.refer_to"),
            evaluate_on=today - dt.timedelta(days=1),
            actions=[ActionSpec(say("action.description"), owner, today - dt.timedelta(3))],
            **extra,
        )

    with clock.at(month_ago + dt.timedelta(days=1)):
        closed = services.plan_meeting(
            team=team_a,
            lead=lead,
            starts_at=clock.now(),
            participants=[lead, pro, people["colleague"]],
            cases=[decided, settled, escalated, corrected],
            location=say("meeting.location"),
        )
        services.start_meeting(meeting=closed, actor=lead)
        services.record_attendance(meeting=closed, actor=lead, attendees=[lead, pro])
        services.save_minutes(
            meeting=closed,
            actor=lead,
            minutes=say("meeting.minutes"),
            version=closed.version,
            confirmed=True,
        )
        items = {item.case_id: item for item in closed.items.all()}
        services.save_notes(
            item=items[decided.pk], actor=lead, notes=say("agendaitem.notes"), confirmed=True
        )
        decision = services.record_decision(
            item=items[decided.pk], author=lead, spec=deviation(pro), confirmed=True
        )
        services.record_decision(
            item=items[settled.pk], author=lead, spec=deviation(pro), confirmed=True
        )
        services.record_decision(
            item=items[corrected.pk], author=lead, spec=deviation(pro), confirmed=True
        )
        services.record_decision(
            item=items[escalated.pk],
            author=lead,
            spec=DecisionSpec(
                kind="escalate",
                rationale=say("decision.rationale"),
                director=director,
                question=say("escalation.question"),
                evaluate_on=today + dt.timedelta(days=60),
            ),
            confirmed=True,
        )
        services.close_meeting(meeting=closed, actor=lead)
        case_services.add_comment(
            case=decided, author=people["colleague"], text=say("comment.text"), confirmed=True
        )
        publish_story(
            case=decided,
            author=lead,
            title=say("story.title"),
            text=say("story.text"),
            lesson=say("story.lesson"),
            confirmed=True,
        )
    services.supersede_decision(
        decision=Decision.objects.get(case=corrected),
        author=lead,
        spec=DecisionSpec(
            kind="deviation",
            legal_ground=legal_ground(),
            rationale=say("decision.rationale"),
            public_values=[human],
            compared_with=decision,
            difference=say("decision.difference"),
            evaluate_on=today + dt.timedelta(days=30),
        ),
        reason=say("decision.supersede_reason"),
        confirmed=True,
    )
    services.record_outcome(
        case=settled, author=pro, served="yes", note=say("outcome.note"), confirmed=True
    )
    signal = Signal.objects.get(rule=rule)
    move_signal(
        signal=signal,
        actor=director,
        to_state=Signal.State.UNDER_REVIEW,
        reason=say("signal.reason"),
        confirmed=True,
    )
    move_signal(
        signal=signal,
        actor=director,
        to_state=Signal.State.TAKEN_UP,
        taken_up_with=say("signal.taken_up_with"),
        confirmed=True,
    )

    running_case = case(team_a, pro, "lopend")
    running = services.plan_meeting(
        team=team_a,
        lead=lead,
        starts_at=now,
        participants=[lead, pro],
        cases=[running_case],
        location=say("meeting.location"),
    )
    services.start_meeting(meeting=running, actor=lead)
    planned = services.plan_meeting(
        team=team_a,
        lead=lead,
        starts_at=now + dt.timedelta(days=7),
        participants=[lead, pro],
        cases=[case(team_a, pro, "gepland")],
        location=say("meeting.location"),
    )
    start, end = today - dt.timedelta(days=35), today
    objects.update(
        decided=decided,
        settled=settled,
        escalated=escalated,
        escalation=escalated.escalations.get(),
        corrected=corrected,
        decision=decision,
        action=decision.actions.get(),
        closed=closed,
        running=running,
        running_item=running.items.get(),
        planned=planned,
        planned_item=planned.items.get(),
        signal=signal,
        story=decided.stories.get(),
        team_digest=store_digest(team=team_a, start=start, end=end),
    )
    # A rode draad through team A's cases, named by its lead.
    thread = Thread.objects.create(
        name=say("thread.name")[:120],
        description=say("thread.description")[:300],
        status=Thread.Status.CONFIRMED,
        confirmed_by=lead,
        confirmed_at=now,
    )
    thread.cases.set([decided, settled])
    objects["thread"] = thread
    # A build of team A's digest that failed, waiting for someone to retry it.
    objects["build_request"] = BuildRequest.objects.create(
        team=team_a,
        start=start,
        end=end,
        state=BuildRequest.State.FAILED,
        reason="OperationalError",
    )
    _team_b(world, case, plain, start, end, month_ago)
    objects["org_digest"] = store_digest(team=None, start=start, end=end)
    return world


def _team_b(world: World, case, text, start, end, month_ago) -> None:
    """Team B's own objects, in plain text (never a sentinel or payload)."""
    team_b = world["team_b"]
    pro_b, lead_b = world["pro_b"], world["lead_b"]
    objects = world.objects
    objects["waiting_b"] = case(team_b, pro_b, "wachtend B", text=text)
    decided_b = case(team_b, pro_b, "besloten B", at=month_ago, text=text)
    with clock.at(month_ago + dt.timedelta(days=1)):
        closed_b = services.plan_meeting(
            team=team_b,
            lead=lead_b,
            starts_at=clock.now(),
            participants=[lead_b, pro_b],
            cases=[decided_b],
        )
        services.start_meeting(meeting=closed_b, actor=lead_b)
        item = closed_b.items.get()
        services.record_decision(
            item=item,
            author=lead_b,
            spec=DecisionSpec(
                kind="deviation",
                legal_ground=legal_ground(),
                rationale="Norm dient hier geen doel.",
                backing=True,
                evaluate_on=timezone.localdate() + dt.timedelta(days=60),
                actions=[
                    ActionSpec("Brief sturen", pro_b, timezone.localdate() - dt.timedelta(days=3))
                ],
            ),
        )
        services.close_meeting(meeting=closed_b, actor=lead_b)
    running_b = services.plan_meeting(
        team=team_b,
        lead=lead_b,
        starts_at=clock.now(),
        participants=[lead_b, pro_b],
        cases=[case(team_b, pro_b, "lopend B", text=text)],
    )
    services.start_meeting(meeting=running_b, actor=lead_b)
    objects.update(
        decided_b=decided_b,
        closed_b=closed_b,
        running_b=running_b,
        team_digest_b=store_digest(team=team_b, start=start, end=end),
    )
