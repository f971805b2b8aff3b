"""The compound splitter: parts from the corpus' and the thesaurus' words, with linking -s-."""

import pytest

from cases.similarity import default_thesaurus
from cases.similarity.compounds import CompoundSplitter

LEXICON = {
    "nabestaanden": 2,
    "uitkering": 12,
    "kostendeler": 3,
    "norm": 4,
    "woon": 2,
    "kosten": 9,
    "toeslag": 3,
    "terugvordering": 5,
    "besluit": 4,
    "over": 20,
    "leden": 2,
    "schulden": 8,
    "spaargeld": 2,
    "uitvaart": 3,
}


@pytest.fixture(scope="module")
def splitter():
    return CompoundSplitter(LEXICON, default_thesaurus().vocabulary)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("nabestaandenuitkering", ("nabestaanden", "uitkering")),
        ("kostendelersnorm", ("kostendeler", "norm")),
        ("woonkostentoeslag", ("woon", "kosten", "toeslag")),
        ("terugvorderingsbesluit", ("terugvordering", "besluit")),
        ("gokschulden", ("gok", "schulden")),
        ("uitvaartspaargeld", ("uitvaart", "spaargeld")),
    ],
)
def test_it_splits_domain_compounds(splitter, word, parts):
    assert splitter.split(word) == parts


def test_it_never_splits_off_a_preposition(splitter):
    assert splitter.split("overleden") == ()


def test_it_leaves_short_words_whole(splitter):
    assert splitter.split("huisraad") == ()


def test_it_needs_every_part_to_be_a_known_word(splitter):
    assert splitter.split("verrekening") == ()
    assert splitter.split("uitkeringxyzq") == ()


def test_it_learns_parts_from_the_corpus():
    assert CompoundSplitter({}, frozenset()).split("woningnood") == ()
    assert CompoundSplitter({"woning": 3, "nood": 2}, frozenset()).split("woningnood") == (
        "woning",
        "nood",
    )
