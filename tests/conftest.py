"""The people every app's tests meet: two teams of one organisation and someone in each role.

Fixtures here can be overridden per app (tests/bedoeling/conftest.py has a director over two
teams).
"""

from importlib import import_module

import pytest
from django.apps import apps as django_apps

from cases.models import Barrier, Rule
from organisations.models import Role
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RuleFactory,
    TeamFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _seeded_taxonomies(request):
    """Transactional tests (PostgreSQL concurrency, the browser) end with a flush, which also
    removes the taxonomies the data migration seeded. pytest-django runs them last, but xdist's
    work stealing can hand a worker ordinary tests after them: such a test seeds them again,
    inside its own transaction. One query when nothing was flushed."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if "db" in request.fixturenames and not transactional:
        request.getfixturevalue("db")
        if not Barrier.objects.exists():
            seed_taxonomies = import_module("cases.migrations.0002_seed_taxonomies").seed
            seed_taxonomies(django_apps, None)


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
