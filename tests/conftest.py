"""The people every app's tests meet: two teams of one organisation and someone in each role.

Fixtures here can be overridden per app (tests/bedoeling/conftest.py has a director over two
teams).
"""

from importlib import import_module

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


def seed_taxonomies() -> None:
    """The regulations, rules, public values and barriers the data migration seeds."""

    from django.apps import apps

    import_module("cases.migrations.0002_seed_taxonomies").seed(apps, None)


def _flushes(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    return transactional or bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """pytest-django empties every table after a transactional test (live server, threads),
    the seeded taxonomies too. It runs those tests last, but with work stealing a process may
    still run other tests after one: once its teardown (and its module's) is done, put the
    taxonomies back for them."""
    yield
    if nextitem is not None and _flushes(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            seed_taxonomies()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's own language. A request in English leaves English active
    in its thread (LocaleMiddleware activates each request's language), and with work stealing
    the next test on that process may be one that reads labels outside a request."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


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
