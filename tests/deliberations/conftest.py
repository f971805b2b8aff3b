import datetime as dt

import pytest
from django.utils import timezone

from bedoeling.models import Role
from cases.models import PublicValue, Rule
from deliberations import services
from deliberations.services import ActionSpec, DecisionSpec
from tests.factories import CaseFactory, MembershipFactory, OrganisationFactory, TeamFactory


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def team(organisation):
    return TeamFactory(organisation=organisation, name="Inkomen Noord")


@pytest.fixture
def other_team(organisation):
    return TeamFactory(organisation=organisation, name="Inkomen Zuid")


@pytest.fixture
def professional(team):
    return MembershipFactory(
        team=team, role=Role.PROFESSIONAL, user__username="pro", user__email="pro@example.org"
    ).user


@pytest.fixture
def colleague(team):
    return MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="colleague").user


@pytest.fixture
def lead(team):
    return MembershipFactory(
        team=team, role=Role.LEAD, user__username="lead", user__email="lead@example.org"
    ).user


@pytest.fixture
def director(team):
    return MembershipFactory(
        team=team, role=Role.DIRECTOR, user__username="director", user__email="dir@example.org"
    ).user


@pytest.fixture
def other_director(other_team):
    return MembershipFactory(team=other_team, role=Role.DIRECTOR, user__username="dir2").user


@pytest.fixture
def outsider(other_team):
    return MembershipFactory(team=other_team, role=Role.PROFESSIONAL, user__username="out").user


@pytest.fixture
def rule(db):
    return Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm")


@pytest.fixture
def submitted_cases(team, professional, rule):
    return [
        CaseFactory(team=team, author=professional, rule=rule, title=f"Casus {n}")
        for n in range(1, 4)
    ]


@pytest.fixture
def meeting(team, lead, professional, colleague, submitted_cases):
    return services.plan_meeting(
        team=team,
        lead=lead,
        starts_at=timezone.now() + dt.timedelta(days=2),
        participants=[lead, professional, colleague],
        cases=submitted_cases[:2],
        location="Zaal 3",
    )


@pytest.fixture
def running_meeting(meeting, lead):
    return services.start_meeting(meeting=meeting, actor=lead)


def spec(kind="deviation", **overrides) -> DecisionSpec:
    values = overrides.pop(
        "public_values", list(PublicValue.objects.filter(name="menselijke maat"))
    )
    data = {
        "kind": kind,
        "rationale": "Dit dient de bedoeling: mevrouw blijft rondkomen.",
        "public_values": values,
        "backing": True,
        "evaluate_on": timezone.localdate() + dt.timedelta(days=90),
    }
    data.update(overrides)
    return DecisionSpec(**data)


def action(owner, days=14, description="Brief sturen") -> ActionSpec:
    return ActionSpec(
        description=description, owner=owner, due_on=timezone.localdate() + dt.timedelta(days=days)
    )
