"""A team's meeting with a decision, its values weighed, an action, notes, minutes, an outcome
and a good example: every kind of record that becomes final."""

import pytest
from django.db import connection

from cases.models import PublicValue
from deliberations import services
from digests.services import publish_story
from tests.deliberations import conftest as deliberations
from tests.deliberations.conftest import action, spec

# The meeting fixtures of the deliberations tests, shared.
submitted_cases = deliberations.submitted_cases
meeting = deliberations.meeting
running_meeting = deliberations.running_meeting


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("the triggers exist on PostgreSQL; run with DATABASE_URL set")


@pytest.fixture
def closed_meeting(
    running_meeting,  # noqa: F811
    lead,
    professional,
):
    """A closed meeting: one item decided (with an action), the other postponed."""
    item = running_meeting.items.order_by("position").first()
    services.save_notes(item=item, actor=lead, notes="Besproken: de regel knelt hier.")
    services.save_minutes(
        meeting=running_meeting, actor=lead, minutes="Aanwezig: het team.", version=1
    )
    services.record_decision(
        item=item,
        author=lead,
        spec=spec(actions=[action(professional), action(professional, description="Bellen")]),
    )
    return services.close_meeting(meeting=running_meeting, actor=lead, postpone_open=True)


@pytest.fixture
def decision(closed_meeting):
    item = closed_meeting.items.order_by("position").first()
    return item.decisions.get()


@pytest.fixture
def outcome(decision, professional):
    return services.record_outcome(
        case=decision.case, author=professional, served="yes", note="Het werkte."
    )


@pytest.fixture
def story(decision, lead):
    return publish_story(
        case=decision.case, author=lead, title="Maatwerk", text="Het verhaal.", lesson="De les."
    )


@pytest.fixture
def another_value(db):
    return PublicValue.objects.exclude(
        name="menselijke maat"
    ).first() or PublicValue.objects.create(name="rechtsgelijkheid")
