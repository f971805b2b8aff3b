"""Hand-made data for the digest pages: two teams, every role, one week of cases and decisions
set up through the services, and the team and organisation digests built over it.

Period: Monday 2 to Sunday 8 November 2026. In team Noord:
- `previous`: kostendelersnorm, submitted in the week before, still waiting;
- c1-c3: kostendelersnorm, "wet- en regelgeving" (external, public value proposition), a
  recurring pattern; c1 deviation (rule chafes, outcome yes, overdue action), c2 apply the rule
  (evaluate on 7 Nov, outcome only on 12 Nov), c3 postponed; c1/c2 form a consistency flag;
- c4-c5: bankafschriften, "afdelingen vinden elkaar niet" (internal, operational capacity); c4
  room within the rules (rule chafes, outcome partly, good example), c5 escalated.
In team Zuid one kostendelersnorm case, decided "apply the rule".
"""

from __future__ import annotations

import datetime as dt

import time_machine
from django.utils import timezone

from cases import services as case_services
from cases.models import Barrier, PublicValue, Rule
from deliberations import services
from deliberations.services import ActionSpec, DecisionSpec
from digests.services import publish_story
from digests.tasks import store_digest
from organisations.models import Role
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    legal_ground,
)

TZ = timezone.get_fixed_timezone(60)  # Europe/Amsterdam in November
START, END = dt.date(2026, 11, 2), dt.date(2026, 11, 8)

GRANDMA = {
    "situation": "Oma ontvangt AOW en AIO. Kleinzoon studeert en logeert doordeweeks bij oma.",
    "effect": "Kostendelersnorm verlaagt de AIO van oma omdat de kleinzoon logeert.",
    "conflict": "Kleinzoon betaalt geen woonlasten; oma komt niet meer rond met AIO.",
    "question": "Kostendelersnorm buiten toepassing laten?",
}
BANK = {
    "situation": "Klant levert bankafschriften aan als download uit de bankapp.",
    "effect": "Afdeling inkomen weigert download en eist bankafschriften als pdf.",
    "conflict": "Download toont dezelfde afschrijvingen; pdf eisen kost weken uitkering.",
    "question": "Accepteren we bankafschriften als download?",
}


def at(day: int, hour: int = 10, month: int = 11):
    return time_machine.travel(dt.datetime(2026, month, day, hour, tzinfo=TZ), tick=False)


def make_world() -> dict:
    organisation = OrganisationFactory()
    team = TeamFactory(organisation=organisation, name="Inkomen Noord")
    other = TeamFactory(organisation=organisation, name="Inkomen Zuid")

    def member(team, role, username):
        return MembershipFactory(team=team, role=role, user__username=username).user

    people = {
        "professional": member(team, Role.PROFESSIONAL, "pro"),
        "lead": member(team, Role.LEAD, "lead"),
        "director": member(team, Role.DIRECTOR, "dir"),
        "other_director": member(other, Role.DIRECTOR, "dir2"),
        "other_professional": member(other, Role.PROFESSIONAL, "zuid"),
        "other_lead": member(other, Role.LEAD, "lead2"),
        "nobody": UserFactory(username="nobody"),
    }
    pro, lead, director = people["professional"], people["lead"], people["director"]
    r1 = Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm")
    r2 = Rule.objects.get(regulation__short_name="PW", reference="bewijsstukken bankafschriften")
    law = Barrier.objects.get(name="wet- en regelgeving")
    departments = Barrier.objects.get(name="afdelingen vinden elkaar niet")
    human = PublicValue.objects.get(name="menselijke maat")
    legal = PublicValue.objects.get(name="rechtmatigheid")

    def file(author, team, title, text, rule, barrier, day, hour=10, month=11):
        with at(day, hour, month):
            case, _ = case_services.create_case(
                author=author,
                team=team,
                data={"title": title, "rule": rule, "barrier": barrier, **text},
                submit=True,
            )
        return case

    previous = file(pro, team, "Oma eerder", GRANDMA, r1, law, 28, month=10)
    c1 = file(pro, team, "Oma een", GRANDMA, r1, law, 2)
    c2 = file(pro, team, "Oma twee", GRANDMA, r1, law, 3)
    c3 = file(pro, team, "Oma drie", GRANDMA, r1, law, 4, hour=9)
    c4 = file(pro, team, "Bank een", BANK, r2, departments, 4)
    c5 = file(pro, team, "Bank twee", BANK, r2, departments, 5)
    zuid = file(people["other_professional"], other, "Oma in Zuid", GRANDMA, r1, law, 3)

    with at(6, 9):
        meeting = services.plan_meeting(
            team=team,
            lead=lead,
            starts_at=timezone.now(),
            participants=[lead, pro],
            cases=[c1, c2, c3, c4, c5],
        )
        services.start_meeting(meeting=meeting, actor=lead)
        other_meeting = services.plan_meeting(
            team=other,
            lead=people["other_lead"],
            starts_at=timezone.now(),
            participants=[people["other_lead"]],
            cases=[zuid],
        )
        services.start_meeting(meeting=other_meeting, actor=people["other_lead"])
    items = {item.case_id: item for item in meeting.items.all()}

    def decide(case, **spec):
        with at(6, 10):
            return services.record_decision(
                item=items[case.pk],
                author=lead,
                spec=DecisionSpec(rationale=f"Waarom {case.title}", **spec),
            )

    decide(
        c1,
        kind="deviation",
        legal_ground=legal_ground(),
        rule_chafes=True,
        public_values=[human],
        evaluate_on=dt.date(2026, 12, 1),
        actions=[ActionSpec("Brief aan oma", pro, dt.date(2026, 11, 7))],
    )
    decide(c2, kind="apply_rule", public_values=[legal], evaluate_on=dt.date(2026, 11, 7))
    decide(c3, kind="postpone")
    decide(
        c4,
        kind="room_within_rules",
        legal_ground=legal_ground(),
        rule_chafes=True,
        public_values=[human],
        evaluate_on=dt.date(2026, 12, 1),
        actions=[ActionSpec("Werkinstructie aanpassen", lead, dt.date(2026, 11, 20))],
    )
    decide(
        c5,
        kind="escalate",
        director=director,
        question="Mag download?",
        evaluate_on=dt.date(2026, 12, 1),
    )
    with at(6, 11):
        services.record_decision(
            item=other_meeting.items.get(),
            author=people["other_lead"],
            spec=DecisionSpec(kind="apply_rule", rationale="Regel is regel."),
        )
    with at(6, 12):
        services.close_meeting(meeting=meeting, actor=lead)
    with at(7):
        services.record_outcome(case=c1, author=pro, served="yes", note="Oma redt het.")
        services.record_outcome(case=c4, author=pro, served="partly", note="Deels.")
        publish_story(case=c4, author=lead, title="Download is ook bewijs", text="…", lesson="…")
    with at(12):
        # After the period: does not count.
        services.record_outcome(case=c2, author=pro, served="no", note="Te laat.")
    with at(13):
        team_digest = store_digest(team=team, start=START, end=END)
        org_digest = store_digest(team=None, start=START, end=END)
        other_digest = store_digest(team=other, start=START, end=END)
    return {
        **people,
        "team": team,
        "other_team": other,
        "cases": [c1, c2, c3, c4, c5],
        "previous": previous,
        "zuid": zuid,
        "r1": r1,
        "r2": r2,
        "law": law,
        "departments": departments,
        "human": human,
        "legal": legal,
        "team_digest": team_digest,
        "org_digest": org_digest,
        "other_digest": other_digest,
    }
