import pytest

from organisations.models import Role
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def director(team, other_team):
    """Here the director oversees both teams."""
    user = UserFactory(username="director")
    MembershipFactory(team=team, user=user, role=Role.DIRECTOR)
    MembershipFactory(team=other_team, user=user, role=Role.DIRECTOR)
    return user
