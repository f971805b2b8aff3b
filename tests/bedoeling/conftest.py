import pytest

from bedoeling.models import Role
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory, UserFactory


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
    return MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="pro").user


@pytest.fixture
def lead(team):
    return MembershipFactory(team=team, role=Role.LEAD, user__username="lead").user


@pytest.fixture
def director(team, other_team):
    user = UserFactory(username="director")
    MembershipFactory(team=team, user=user, role=Role.DIRECTOR)
    MembershipFactory(team=other_team, user=user, role=Role.DIRECTOR)
    return user


@pytest.fixture
def outsider(other_team):
    return MembershipFactory(team=other_team, role=Role.PROFESSIONAL, user__username="out").user
