"""Every page each role reaches, over one small world built through the services.

Used by the class-of-problem tests: tests/bedoeling/test_every_page.py (one language per page,
no English blank choice) and tests/browser/test_every_page.py (axe, visible focus, 320 px,
unique titles). The world is made here, not by seed_demo, so these tests do not depend on the
demo scenario.

Two teams, Noord and Zuid. The professional works in both (so the intake asks for a team), the
director oversees both. In Noord:
- a draft and a submitted case waiting for an agenda;
- a closed meeting (a month ago) that decided one case (justified deviation with values
  weighed, a chafing rule, an action now overdue, colleague input, a good example) and
  escalated another (open, waiting for the director);
- a running meeting with one open item (the decision form);
- a planned meeting with two items (the agenda's move buttons).
Digests for the team and the organisation over the last two weeks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from deliberations import services
from deliberations.services import ActionSpec, DecisionSpec
from digests.models import Signal
from digests.services import publish_story
from digests.tasks import store_digest
from digests.threads import propose_threads_for
from organisations import clock
from organisations.models import Role
from tests.factories import (
    BarrierFactory,
    MembershipFactory,
    OrganisationFactory,
    PublicValueFactory,
    RuleFactory,
    TeamFactory,
    legal_ground,
)

ROLES = ("professional", "lead", "director")

# Case texts in few words, so that a page's own words stand out from the data it shows.
TEXT = {
    "situation": "Oma ontvangt AOW en AIO; kleinzoon studeert en logeert doordeweeks.",
    "effect": "Kostendelersnorm verlaagt AIO flink.",
    "conflict": "Kleinzoon betaalt niets; oma komt nauwelijks rond.",
    "question": "Kostendelersnorm buiten toepassing laten?",
}


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    # A refused submit: the form data posted to `url` (client tests), or the button pressed on
    # the page at `form_url` (browser tests). None for a plain GET.
    post: dict | None = None
    button: str = ""
    form_url: str = ""

    @property
    def start_url(self) -> str:
        """Where a browser goes first."""
        return self.form_url or self.url


def build_world() -> dict:
    organisation = OrganisationFactory(
        name="Gemeente Testdorp", purpose="Inwoners krijgen waar ze recht op hebben."
    )
    noord = TeamFactory(organisation=organisation, name="Inkomen Noord", purpose="Snel inkomen.")
    zuid = TeamFactory(organisation=organisation, name="Inkomen Zuid", purpose="Zeker inkomen.")

    def member(team, role, username, first_name, last_name):
        return MembershipFactory(
            team=team,
            role=role,
            user__username=username,
            user__first_name=first_name,
            user__last_name=last_name,
        ).user

    pro = member(noord, Role.PROFESSIONAL, "pro", "Sanne", "Visser")
    MembershipFactory(team=zuid, user=pro, role=Role.PROFESSIONAL)
    colleague = member(noord, Role.PROFESSIONAL, "colleague", "Ahmed", "Bakker")
    lead = member(noord, Role.LEAD, "lead", "Joost", "Smit")
    director = member(noord, Role.DIRECTOR, "director", "Karin", "Jansen")
    MembershipFactory(team=zuid, user=director, role=Role.DIRECTOR)

    rule = RuleFactory(regulation__short_name="AIO", reference="kostendelersnorm")
    other_rule = RuleFactory(regulation__short_name="PW", reference="bankafschriften")
    barrier = BarrierFactory()
    human = PublicValueFactory(name="menselijke maat")
    PublicValueFactory(name="rechtmatigheid")

    now = clock.now()
    month_ago = now - dt.timedelta(days=30)

    def case(title, *, at=now, submit=True, case_rule=rule, **extra):
        with clock.at(at):
            made, _created = case_services.create_case(
                author=pro,
                team=noord,
                data={"title": title, "rule": case_rule, "barrier": barrier, **TEXT, **extra},
                public_values=[human],
                submit=submit,
            )
        return made

    draft = case(
        "Concept kleinzoon", submit=False, harm_date=timezone.localdate() + dt.timedelta(30)
    )
    waiting = case("Wachtende kleinzoon")
    decided = case("Besloten kleinzoon", at=month_ago)
    escalated = case("Bankafschrift download", at=month_ago, case_rule=other_rule)
    running_case = case("Lopende kleinzoon")
    planned_cases = [case("Geplande kleinzoon een"), case("Geplande kleinzoon twee")]

    with clock.at(month_ago + dt.timedelta(days=1)):
        closed = services.plan_meeting(
            team=noord,
            lead=lead,
            starts_at=clock.now(),
            participants=[lead, pro, colleague],
            cases=[decided, escalated],
            location="Zaal 3",
        )
        services.start_meeting(meeting=closed, actor=lead)
        items = {item.case_id: item for item in closed.items.all()}
        decision = services.record_decision(
            item=items[decided.pk],
            author=lead,
            spec=DecisionSpec(
                kind="deviation",
                legal_ground=legal_ground(),
                rationale="Kleinzoon betaalt niets mee; norm dient hier geen doel.",
                public_values=[human],
                values_weighing="Menselijke maat weegt zwaarder.",
                backing=True,
                rule_chafes=True,
                evaluate_on=timezone.localdate() + dt.timedelta(days=60),
                actions=[ActionSpec("Brief sturen", pro, timezone.localdate() - dt.timedelta(3))],
            ),
        )
        services.record_decision(
            item=items[escalated.pk],
            author=lead,
            spec=DecisionSpec(
                kind="escalate",
                rationale="Beleid van twee afdelingen.",
                director=director,
                question="Mogen downloads als bewijs gelden?",
                evaluate_on=timezone.localdate() + dt.timedelta(days=60),
            ),
        )
        services.close_meeting(meeting=closed, actor=lead)
        case_services.add_comment(case=decided, author=colleague, text="Eerder ook zo gedaan.")
        publish_story(
            case=decided, author=lead, title="Kleinzoon logeert", text="Verhaal.", lesson="Les."
        )

    running = services.plan_meeting(
        team=noord, lead=lead, starts_at=now, participants=[lead, pro], cases=[running_case]
    )
    services.start_meeting(meeting=running, actor=lead)
    planned = services.plan_meeting(
        team=noord,
        lead=lead,
        starts_at=now + dt.timedelta(days=7),
        participants=[lead, pro, colleague],
        cases=planned_cases,
    )
    today = timezone.localdate()
    start, end = today - dt.timedelta(days=35), today - dt.timedelta(days=1)
    team_digest = store_digest(team=noord, start=start, end=end)
    org_digest = store_digest(team=None, start=start, end=end)
    (thread, *_) = propose_threads_for()  # the kleinzoon cases: a proposed rode draad
    return {
        "organisation": organisation,
        "noord": noord,
        "zuid": zuid,
        "professional": pro,
        "colleague": colleague,
        "lead": lead,
        "director": director,
        "draft": draft,
        "waiting": waiting,
        "decided": decided,
        "decision": decision,
        "escalated": escalated,
        "escalation": escalated.escalations.get(),
        "closed": closed,
        "running": running,
        "running_item": running.items.get(),
        "planned": planned,
        "team_digest": team_digest,
        "org_digest": org_digest,
        "signal": Signal.objects.first(),
        "thread": thread,
    }


def pages_for(world: dict, role: str) -> list[Page]:
    """The pages this role reaches from the navigation and the links on its pages."""
    noord = world["noord"]
    common = [
        Page("home", reverse("home")),
        Page("teams", reverse("team_list")),
        Page("team", noord.get_absolute_url()),
        Page("help", reverse("help")),
        *[Page(f"help {name}", reverse("help_role", args=[name])) for name in ROLES],
        Page("accessibility", reverse("accessibility")),
        Page("password change", reverse("password_change")),
        Page("meetings", reverse("deliberations:meetings")),
        Page("closed meeting", world["closed"].get_absolute_url()),
        Page("minutes", reverse("deliberations:minutes", args=[world["closed"].pk])),
        Page("decided case", world["decided"].get_absolute_url()),
        Page("digests", reverse("digests:dashboard")),
        Page("team digest", world["team_digest"].get_absolute_url()),
        Page("signals", reverse("digests:signals")),
        Page("signal", world["signal"].get_absolute_url()),
        Page("examples", reverse("digests:examples")),
    ]
    intake = [
        Page("my cases", reverse("cases:mine")),
        Page("team cases", reverse("cases:team", args=[noord.pk])),
        Page("intake", reverse("cases:create")),
        Page("running meeting", world["running"].get_absolute_url()),
        Page("planned meeting", world["planned"].get_absolute_url()),
        Page("waiting case", world["waiting"].get_absolute_url()),
    ]
    if role == "professional":
        return [
            *common,
            *intake,
            Page("draft", world["draft"].get_absolute_url()),
            Page("draft edit", reverse("cases:edit", args=[world["draft"].pk])),
            Page("outcome", reverse("deliberations:outcome", args=[world["decided"].pk])),
            Page(
                "refused intake",
                reverse("cases:create"),
                post={"team": "", "title": ""},
                button="main form button[name=submit]",
            ),
        ]
    thread = world["thread"]
    threads = [
        Page("threads", reverse("digests:threads")),
        Page("thread", thread.get_absolute_url()),
        Page(
            "refused thread name",
            reverse("digests:thread_name", args=[thread.pk]),
            post={"name": "", "description": "Kleinkind logeert."},
            button="#thread-name-form button[type=submit]",
            form_url=thread.get_absolute_url(),
        ),
    ]
    if role == "lead":
        item = world["running_item"]
        return [
            *common,
            *threads,
            *intake,
            Page("waiting case edit", reverse("cases:edit", args=[world["waiting"].pk])),
            Page("plan a meeting", reverse("deliberations:create")),
            Page("correct", reverse("deliberations:correct", args=[world["decision"].pk])),
            Page(
                "refused decision",
                reverse("deliberations:decide", args=[item.pk]),
                post={"kind": "escalate", "actions-TOTAL_FORMS": "2", "actions-INITIAL_FORMS": "0"},
                button="#decision-form button[type=submit]",
                form_url=f"{world['running'].get_absolute_url()}?item={item.pk}",
            ),
        ]
    escalation = world["escalation"]
    return [
        *common,
        *threads,
        Page("organisation digest", world["org_digest"].get_absolute_url()),
        Page("escalations", reverse("deliberations:escalations")),
        Page("escalation", escalation.get_absolute_url()),
        Page("escalated case", world["escalated"].get_absolute_url()),
        Page(
            "refused answer",
            escalation.get_absolute_url(),
            post={"actions-TOTAL_FORMS": "2", "actions-INITIAL_FORMS": "0"},
            button="#answer-form button[type=submit]",
        ),
    ]
