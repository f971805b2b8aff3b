import datetime as dt

import pytest
from django.utils import timezone

from cases.models import PublicValue
from deliberations import services
from deliberations.models import NEEDS_LEGAL_GROUND
from deliberations.services import ActionSpec, DecisionSpec
from tests.factories import CaseFactory, legal_ground


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
        "legal_ground": legal_ground() if kind in NEEDS_LEGAL_GROUND else None,
    }
    data.update(overrides)
    return DecisionSpec(**data)


def action(owner, days=14, description="Brief sturen") -> ActionSpec:
    return ActionSpec(
        description=description, owner=owner, due_on=timezone.localdate() + dt.timedelta(days=days)
    )
