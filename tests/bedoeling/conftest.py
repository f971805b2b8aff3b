import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from organisations.models import Role
from tests.factories import MembershipFactory, UserFactory

# When the shared demo world is built: a Friday morning, so the story has a working week behind
# it and the coming meetings ahead.
DEMO_NOW = dt.datetime(2026, 11, 27, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def director(team, other_team):
    """Here the director oversees both teams."""
    user = UserFactory(username="director")
    MembershipFactory(team=team, user=user, role=Role.DIRECTOR)
    MembershipFactory(team=other_team, user=user, role=Role.DIRECTOR)
    return user


@pytest.fixture(scope="class")
def demo_world(django_db_setup, django_db_blocker):
    """The demo scenario, built once at DEMO_NOW for a class of tests and rolled back after it.

    Use it together with `db`: each test then runs in a savepoint inside the world's
    transaction, so nothing one test changes reaches the next. Class-scoped so that the world is
    gone for the tests outside the class, whatever order pytest-randomly picks.
    """
    from bedoeling.scenario.builder import build
    from bedoeling.scenario.demo import DEMO

    with django_db_blocker.unblock(), transaction.atomic():
        yield build(DEMO, now=DEMO_NOW)
        transaction.set_rollback(True)
