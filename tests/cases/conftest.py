import pytest

from tests.factories import BarrierFactory, PublicValueFactory


@pytest.fixture
def intake_data(team, rule):
    """A complete, valid intake form as a browser would post it."""
    # The seeded taxonomy, made again if a transactional test on this worker flushed it.
    values = [PublicValueFactory(name=name) for name in ("menselijke maat", "rechtmatigheid")]
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
        "barrier": str(BarrierFactory(name="wet- en regelgeving").pk),
        "harm_date": "2026-12-01",
        "question": "Mogen we de kostendelersnorm hier buiten toepassing laten?",
    }
