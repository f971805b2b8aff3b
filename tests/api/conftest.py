"""Two teams of one organisation, each with a case decided at its casusoverleg that flags the
same rule as chafing (one signal, two cases), a digest per team and one of the organisation;
and tokens for the organisation, for one team, and for the other."""

import datetime as dt

import pytest
from django.utils import timezone

from cases import services as case_services
from deliberations import services
from deliberations.models import DecisionKind
from deliberations.services import DecisionSpec
from digests.models import Thread
from digests.tasks import store_digest
from organisations.models import Role
from tests.factories import ApiTokenFactory, MembershipFactory, PublicValueFactory, legal_ground

SECRET_WORDS = "De kleinzoon betaalt geen woonlasten"


def bring_case(author, team, rule, title):
    case, _ = case_services.create_case(
        author=author,
        team=team,
        data={
            "title": title,
            "situation": "Oma ontvangt AOW en AIO; haar kleinzoon studeert en logeert bij haar.",
            "rule": rule,
            "effect": "De kostendelersnorm verlaagt haar AIO.",
            "conflict": f"{SECRET_WORDS}; oma komt niet meer rond.",
            "question": "Laten we de kostendelersnorm buiten toepassing?",
        },
        submit=True,
    )
    return case


def decide(case, lead, value):
    meeting = services.plan_meeting(
        team=case.team,
        lead=lead,
        starts_at=timezone.now() + dt.timedelta(hours=1),
        participants=[lead],
        cases=[case],
    )
    services.start_meeting(meeting=meeting, actor=lead)
    return services.record_decision(
        item=meeting.items.get(),
        author=lead,
        spec=DecisionSpec(
            kind=DecisionKind.DEVIATION,
            legal_ground=legal_ground(),
            rationale="De regel is bedoeld voor gedeelde woonlasten; die zijn er niet.",
            rule_chafes=True,
            public_values=[value],
        ),
    )


@pytest.fixture
def world(team, other_team, professional, lead, rule):
    other_professional = MembershipFactory(
        team=other_team, role=Role.PROFESSIONAL, user__username="zuid"
    ).user
    other_lead = MembershipFactory(team=other_team, role=Role.LEAD, user__username="zuidlead").user
    value = PublicValueFactory(name="rechtvaardigheid")
    noord = bring_case(professional, team, rule, "Oma in Noord")
    zuid = bring_case(other_professional, other_team, rule, "Oma in Zuid")
    decision_noord = decide(noord, lead, value)
    decision_zuid = decide(zuid, other_lead, value)
    today = timezone.localdate()
    start = today - dt.timedelta(days=6)
    thread = Thread.objects.create(
        name="Kleinkind woont tijdelijk in",
        description=SECRET_WORDS,
        status=Thread.Status.CONFIRMED,
        confirmed_by=lead,
        confirmed_at=timezone.now(),
    )
    thread.cases.set([noord, zuid])
    proposal = Thread.objects.create(labels=["kostendeler"])
    proposal.cases.set([noord, zuid])
    return {
        "thread": thread,
        "proposal": proposal,
        "cases": (noord, zuid),
        "decisions": (decision_noord, decision_zuid),
        "signal": noord.signals.get(),
        "digests": (
            store_digest(team=team, start=start, end=today),
            store_digest(team=other_team, start=start, end=today),
            store_digest(team=None, start=start, end=today),
        ),
        "value": value,
    }


@pytest.fixture
def org_token(organisation):
    return ApiTokenFactory(organisation=organisation, application="BI-platform")


@pytest.fixture
def noord_token(organisation, team):
    return ApiTokenFactory(organisation=organisation, teams=[team], application="Noord")


@pytest.fixture
def zuid_token(organisation, other_team):
    return ApiTokenFactory(organisation=organisation, teams=[other_team], application="Zuid")


def bearer(token) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token.key}"}
