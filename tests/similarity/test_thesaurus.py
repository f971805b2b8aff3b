"""The thesaurus: words, phrases and compounds that mean one thing map onto one concept."""

import pytest

from cases.similarity import Analyzer, CaseText, Thesaurus, default_thesaurus


def concepts(text: str) -> set[str]:
    weights = Analyzer().analyze(CaseText(key=1, situation=text)).weights
    return {feature[2:] for feature in weights if feature.startswith("c:")}


@pytest.mark.parametrize(
    "text",
    [
        "Haar zoon telt als kostendeler.",
        "Er is een woningdeler in huis.",
        "Een meerderjarige medebewoner verlaagt de norm.",
        "Er woont iemand in bij mevrouw.",
        "Haar kleinzoon gaat bij haar inwonen.",
        "Het inwonende kind betaalt niets.",
        "De huisgenoot deelt niets.",
        "De kostendelersnorm is toegepast.",
    ],
)
def test_it_maps_ways_of_saying_someone_lives_in_onto_kostendeler(text):
    assert "kostendeler" in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "We starten een terugvordering.",
        "Hij moet het bedrag terugbetalen.",
        "Er is een vordering van de gemeente.",
        "De gemeente wil het geld terug.",
        "Mevrouw heeft te veel ontvangen en dat wordt teruggevorderd.",
    ],
)
def test_it_maps_ways_of_saying_repay_onto_terugvordering(text):
    assert "terugvordering" in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hij schond de inlichtingenplicht.",
        "De meldplicht geldt ook hier.",
        "De inkomsten zijn niet doorgegeven.",
        "Ze heeft het niet op tijd gemeld.",
        "Hij geeft de verkoop niet door.",
    ],
)
def test_it_maps_ways_of_saying_not_reported_onto_inlichtingenplicht(text):
    assert "inlichtingenplicht" in concepts(text)


def test_it_finds_a_concept_inside_a_compound():
    assert "uitkering" in concepts("Haar nabestaandenuitkering stopt.")
    assert "toeslagen" in concepts("De woonkostentoeslag is te laag.")


def test_a_phrase_does_not_match_across_sentences():
    assert "inlichtingenplicht" not in concepts("Het was niet. Gemeld werd het wel.")


def test_a_phrase_allows_two_words_between_its_words_and_no_more():
    assert "inlichtingenplicht" in concepts("Hij had het niet op tijd gemeld.")
    assert "inlichtingenplicht" not in concepts("Niet iedereen in de straat had het gemeld.")


def test_the_shipped_thesaurus_is_substantial_and_well_formed():
    thesaurus = default_thesaurus()
    assert len(thesaurus.concepts) >= 40
    for concept in thesaurus.concepts.values():
        assert concept.label
        assert len(concept.terms) >= 3, concept.id


def test_a_thesaurus_from_plain_data_matches_like_the_file():
    thesaurus = Thesaurus.from_dict(
        {"concept": [{"id": "uitvaart", "label": "uitvaart", "terms": ["begrafenis", "crematie"]}]}
    )
    analyzer = Analyzer(thesaurus)
    weights = analyzer.analyze(CaseText(key=1, situation="Geld voor haar crematie")).weights
    assert "c:uitvaart" in weights


def test_it_refuses_terms_with_digits_which_case_text_loses():
    with pytest.raises(ValueError, match="digit"):
        Thesaurus.from_dict({"concept": [{"id": "x", "terms": ["onder de 27"]}]})


def test_it_refuses_two_concepts_with_one_id():
    with pytest.raises(ValueError, match="id"):
        Thesaurus.from_dict({"concept": [{"id": "x", "terms": ["a"]}, {"id": "x", "terms": ["b"]}]})
