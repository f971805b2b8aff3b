"""The people every app's tests meet: two teams of one organisation and someone in each role.

Fixtures here can be overridden per app (tests/bedoeling/conftest.py has a director over two
teams).
"""

import pytest

from cases.models import Rule
from organisations.models import Role
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RuleFactory,
    TeamFactory,
    UserFactory,
)


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
def nobody(db):
    return UserFactory(username="nobody")


@pytest.fixture
def rule(db):
    """The kostendelersnorm of the AIO, from the seeded taxonomy (made if a flush removed it)."""
    found = Rule.objects.filter(regulation__short_name="AIO", reference="kostendelersnorm").first()
    return found or RuleFactory(regulation__short_name="AIO", reference="kostendelersnorm")
