"""Precedents: similar earlier cases, ranked by meaning (the similarity engine's stored index,
the rule a hint), only among what a person may see. The same on SQLite and PostgreSQL.

The index is built by Celery after a case is saved; these tests make cases with factories, so
`search` builds it first, as the nightly task would.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Case, Rule
from cases.precedents import Precedent, similar_cases
from cases.similar import rebuild_index
from organisations.models import Role
from tests.factories import CaseFactory, MembershipFactory, TeamFactory, UserFactory

GRANDSON = {
    "title": "Kleinzoon logeert bij oma",
    "situation": "Mevrouw ontvangt AOW en AIO. Haar kleinzoon studeert en slaapt doordeweeks bij "
    "haar.",
    "effect": "De kostendelersnorm verlaagt haar AIO met driehonderd euro per maand.",
    "conflict": "De norm is bedoeld voor gedeelde woonlasten, maar de kleinzoon betaalt niets.",
}
BANK_STATEMENTS = {
    "title": "Geen bankafschriften van drie maanden",
    "situation": "Meneer heeft geen internetbankieren; papieren afschriften kosten geld.",
    "effect": "Zonder bankafschriften wordt zijn aanvraag voor bijstand niet behandeld.",
    "conflict": "Het recht op bijstand staat vast, alleen het bewijsstuk ontbreekt.",
}
DEBT = {
    "title": "Beslag onder de beslagvrije voet",
    "situation": "De deurwaarder legt beslag op het loon van een vader met drie kinderen.",
    "effect": "Er blijft te weinig over voor huur en boodschappen.",
    "conflict": "De beslagvrije voet hoort het bestaansminimum te beschermen.",
}
GRANDSON_TEXT = " ".join(GRANDSON.values())


@pytest.fixture
def team(db):
    return TeamFactory(name="Inkomen Noord")


@pytest.fixture
def other_team(team):
    return TeamFactory(organisation=team.organisation, name="Inkomen Zuid")


@pytest.fixture
def third_team(team):
    return TeamFactory(organisation=team.organisation, name="Schulddienstverlening")


@pytest.fixture
def professional(team):
    return MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="pro").user


@pytest.fixture
def director(team, other_team):
    """Oversees Inkomen Noord and Inkomen Zuid, not Schulddienstverlening."""
    user = UserFactory(username="director")
    MembershipFactory(team=team, user=user, role=Role.DIRECTOR)
    MembershipFactory(team=other_team, user=user, role=Role.DIRECTOR)
    return user


@pytest.fixture
def cost_sharing(db):
    return Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm")


@pytest.fixture
def bank_rule(db):
    return Rule.objects.get(regulation__short_name="PW", reference="bewijsstukken bankafschriften")


@pytest.fixture
def debt_rule(db):
    return Rule.objects.get(regulation__short_name="Wgs", reference="beslagvrije voet")


def decided(team, rule, texts, **kwargs):
    return CaseFactory(team=team, rule=rule, status="decided", **texts, **kwargs)


def cases_of(precedents: list[Precedent]) -> list[Case]:
    return [precedent.case for precedent in precedents]


def search(*args, **kwargs):
    rebuild_index()
    return similar_cases(*args, **kwargs)


def test_the_rule_is_a_hint_not_a_wall(team, professional, cost_sharing, bank_rule):
    near_duplicate = decided(team, bank_rule, GRANDSON)
    same_rule = decided(team, cost_sharing, BANK_STATEMENTS)

    found = search(GRANDSON_TEXT, professional, rule=cost_sharing)

    # The same story under another rule comes first; another story under the same rule only
    # if it shares meaning with the text.
    assert cases_of(found)[0] == near_duplicate
    assert same_rule not in cases_of(found)[1:] or found[-1].same_rule
    assert not found[0].same_rule


def test_the_same_rule_ranks_an_equal_story_higher(team, professional, cost_sharing, bank_rule):
    other_rule = decided(team, bank_rule, GRANDSON)
    same_rule = decided(team, cost_sharing, GRANDSON)

    found = search(GRANDSON_TEXT, professional, rule=cost_sharing)

    assert cases_of(found) == [same_rule, other_rule]
    assert [precedent.same_rule for precedent in found] == [True, False]


def test_it_finds_the_same_situation_in_other_words(team, professional, cost_sharing):
    paraphrase = decided(
        team,
        None,
        {
            "title": "Student woont bij grootmoeder in",
            "situation": "Een oudere dame met AOW en aanvullende inkomensondersteuning heeft haar "
            "kleinkind in huis genomen tijdens de studie.",
            "effect": "Door de kostendelersnorm gaat haar uitkering flink omlaag.",
            "conflict": "Het kleinkind draagt niets bij aan de huur.",
        },
    )
    decided(team, None, DEBT)

    found = search(GRANDSON_TEXT, professional)

    assert cases_of(found)[0] == paraphrase


def test_it_orders_the_rest_by_text_similarity(team, professional, bank_rule, debt_rule):
    unrelated = decided(team, debt_rule, DEBT | {"title": "Kleinzoon en beslag"})
    near_duplicate = decided(team, bank_rule, GRANDSON | {"title": "Oma en haar kleinzoon"})
    related = decided(
        team, bank_rule, BANK_STATEMENTS | {"effect": "De kostendelersnorm verlaagt de bijstand."}
    )

    found = search(GRANDSON_TEXT, professional)

    assert cases_of(found)[0] == near_duplicate
    assert set(cases_of(found)) <= {near_duplicate, related, unrelated}
    scores = [precedent.score for precedent in found]
    assert scores == sorted(scores, reverse=True)
    assert 0 < scores[-1] < scores[0] <= 1


def test_it_scores_the_same_text_close_to_one(team, professional, bank_rule):
    decided(team, bank_rule, GRANDSON)

    [found] = search(GRANDSON_TEXT, professional)

    assert found.score > 0.9


def test_it_leaves_out_cases_that_share_no_words(team, professional, bank_rule, debt_rule):
    decided(team, debt_rule, DEBT)

    assert search("Kleinzoon logeert bij oma", professional) == []


def test_it_only_returns_decided_or_closed_cases(team, professional, cost_sharing):
    decided_case = decided(team, cost_sharing, GRANDSON)
    closed_case = CaseFactory(team=team, rule=cost_sharing, status="closed", **GRANDSON)
    for status in ("submitted", "scheduled", "withdrawn", "escalated"):
        CaseFactory(team=team, rule=cost_sharing, status=status, **GRANDSON)
    CaseFactory(team=team, rule=cost_sharing, status="draft", author=professional, **GRANDSON)

    found = search(GRANDSON_TEXT, professional, rule=cost_sharing)

    assert set(cases_of(found)) == {decided_case, closed_case}


def test_it_never_returns_another_teams_case(team, other_team, professional, cost_sharing):
    decided(other_team, cost_sharing, GRANDSON)

    assert search(GRANDSON_TEXT, professional, rule=cost_sharing) == []
    assert search("", professional, rule=cost_sharing) == []


def test_it_shows_a_director_the_teams_they_oversee(
    team, other_team, third_team, director, cost_sharing
):
    in_team = decided(team, cost_sharing, GRANDSON)
    in_other_team = decided(other_team, cost_sharing, GRANDSON)
    decided(third_team, cost_sharing, GRANDSON)

    found = search(GRANDSON_TEXT, director, rule=cost_sharing)

    assert set(cases_of(found)) == {in_team, in_other_team}


def test_it_shows_nothing_to_someone_without_a_team(team, cost_sharing):
    decided(team, cost_sharing, GRANDSON)

    assert search(GRANDSON_TEXT, UserFactory(username="nobody")) == []


def test_it_leaves_out_the_case_itself(team, professional, cost_sharing):
    case = decided(team, cost_sharing, GRANDSON)
    twin = decided(team, cost_sharing, GRANDSON)

    found = search(case, professional)

    assert cases_of(found) == [twin]
    assert found[0].same_rule


def test_it_uses_the_rule_of_a_given_case(team, professional, cost_sharing, bank_rule):
    case = CaseFactory(team=team, rule=bank_rule, status="submitted", **GRANDSON)
    other_rule = decided(team, cost_sharing, GRANDSON)
    same_rule = decided(team, bank_rule, GRANDSON)

    found = search(case, professional)

    assert cases_of(found) == [same_rule, other_rule]


@pytest.mark.parametrize("as_id", [False, True], ids=["rule", "rule id"])
def test_it_accepts_a_rule_or_its_id(team, professional, cost_sharing, bank_rule, as_id):
    decided(team, bank_rule, GRANDSON)
    same_rule = decided(team, cost_sharing, GRANDSON)

    found = search(GRANDSON_TEXT, professional, rule=cost_sharing.pk if as_id else cost_sharing)

    assert found[0].case == same_rule


def test_it_honours_the_limit(team, professional, cost_sharing):
    for _ in range(4):
        decided(team, cost_sharing, GRANDSON)

    assert len(search(GRANDSON_TEXT, professional, limit=3)) == 3
    assert len(search(GRANDSON_TEXT, professional)) == 4
    assert search(GRANDSON_TEXT, professional, limit=0) == []


@pytest.mark.parametrize("text", ["", "   \n\t ", "de het een en", "?!, 42"])
def test_it_returns_nothing_for_empty_text_without_a_rule(team, professional, cost_sharing, text):
    decided(team, cost_sharing, GRANDSON)

    assert search(text, professional) == []


@pytest.mark.parametrize("text", ["", "   \n\t ", "de het een en"])
def test_it_needs_text_even_with_a_rule(team, professional, cost_sharing, bank_rule, text):
    # Similar means similar in meaning; a rule alone says nothing about the situation.
    decided(team, cost_sharing, BANK_STATEMENTS)

    assert search(text, professional, rule=cost_sharing) == []


def test_it_matches_dutch_words_regardless_of_case_punctuation_and_stop_words(
    team, professional, bank_rule
):
    case = decided(team, bank_rule, BANK_STATEMENTS)

    found = search("BANKAFSCHRIFTEN!!! (van de... internetbankieren?)", professional)

    assert cases_of(found) == [case]


def test_it_finds_the_near_duplicate_among_others(team, professional, bank_rule, debt_rule):
    for _ in range(3):
        decided(team, debt_rule, DEBT)
        decided(team, bank_rule, BANK_STATEMENTS)
    near_duplicate = decided(team, bank_rule, GRANDSON)

    found = search(GRANDSON_TEXT, professional, limit=3)

    assert found[0].case == near_duplicate
    assert found[0].score > 0.9


def _queries_for_precedents(user, subject, **kwargs) -> int:
    with CaptureQueriesContext(connection) as queries:
        for precedent in similar_cases(subject, user, **kwargs):
            # What the precedents template shows.
            str(precedent.case.title)
            str(precedent.case.reference)
            precedent.case.get_absolute_url()
            str(precedent.case.team.name)
            str(precedent.case.rule)
            precedent.case.get_status_display()
    return len(queries)


@pytest.mark.parametrize("texts", [GRANDSON, DEBT], ids=["same words", "other words"])
def test_it_makes_the_same_number_of_queries_however_many_cases(
    team, professional, cost_sharing, texts
):
    """The stored index's stamp, the person's teams, the cases: however many there are."""

    def queries_per_search() -> list[int]:
        case = Case.objects.order_by("pk").first()
        return [
            _queries_for_precedents(professional, GRANDSON_TEXT, rule=cost_sharing, limit=3),
            _queries_for_precedents(professional, GRANDSON_TEXT, limit=3),
            _queries_for_precedents(professional, case, limit=3),
            _queries_for_precedents(professional, "", rule=cost_sharing, limit=3),
        ]

    for _ in range(5):
        decided(team, cost_sharing, texts)
    rebuild_index()
    small = queries_per_search()
    for _ in range(25):
        decided(team, cost_sharing, texts)
    rebuild_index()
    large = queries_per_search()

    assert small == large
    assert max(large) <= 3
    assert large[-1] == 0  # no text: no search
