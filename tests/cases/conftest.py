import pytest

from bedoeling.models import Role
from cases.models import Barrier, PublicValue, Rule
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
def colleague(team):
    return MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="colleague").user


@pytest.fixture
def lead(team):
    return MembershipFactory(
        team=team, role=Role.LEAD, user__username="lead", user__email="lead@example.org"
    ).user


@pytest.fixture
def director(team):
    return MembershipFactory(team=team, role=Role.DIRECTOR, user__username="director").user


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
    return Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm")


@pytest.fixture
def intake_data(team, rule):
    """A complete, valid intake form as a browser would post it."""
    values = PublicValue.objects.filter(name__in=["menselijke maat", "rechtmatigheid"])
    return {
        "team": str(team.pk),
        "title": "Kleinzoon studeert en slaapt bij oma",
        "situation": "Mevrouw A. (82) ontvangt AOW en AIO. Haar kleinzoon studeert in de stad "
        "en slaapt sinds september doordeweeks bij haar.",
        "rule": str(rule.pk),
        "proposed_rule": "",
        "effect": "De kostendelersnorm verlaagt haar AIO met ruim 300 euro per maand.",
        "conflict": "De norm is bedoeld voor gedeelde woonlasten, maar de kleinzoon betaalt niets "
        "en mevrouw komt niet meer rond.",
        "public_values": [str(value.pk) for value in values],
        "barrier": str(Barrier.objects.get(name="wet- en regelgeving").pk),
        "harm_date": "2026-12-01",
        "question": "Mogen we de kostendelersnorm hier buiten toepassing laten?",
    }
