"""Floors for the privacy guard's names and street addresses on the labelled set in
tests/cases/guard_eval/ (see its README). `python -m bench.guard_eval` prints all the figures."""

import pytest

from bench.guard_eval import PARTS, evaluate, load, parse_line


@pytest.fixture(scope="module", params=PARTS)
def scores(request):
    return evaluate(load(request.param))


def test_the_set_is_as_large_as_promised():
    sentences = [s for part in PARTS for s in load(part)]
    assert sum(bool(s.names) for s in sentences) >= 150
    assert sum(bool(s.addresses) for s in sentences) >= 60
    assert sum(s.is_trap for s in sentences) >= 200
    tuning, heldout = ({s.text for s in load(part)} for part in PARTS)
    assert tuning.isdisjoint(heldout)


def test_the_marks_are_read_with_exact_offsets():
    sentence = parse_line("Haar zoon [N:Mohammed] woont op de [A:Dorpsstraat 12a].")
    assert sentence.text == "Haar zoon Mohammed woont op de Dorpsstraat 12a."
    assert [sentence.text[slice(*span)] for span in sentence.names] == ["Mohammed"]
    assert [sentence.text[slice(*span)] for span in sentence.addresses] == ["Dorpsstraat 12a"]


def test_names_are_found(scores):
    assert scores.name_recall >= 0.95, scores.misses
    assert scores.name_precision >= 0.90, scores.false_positives


def test_street_addresses_are_found(scores):
    assert scores.address_recall >= 0.95, scores.misses
    assert scores.address_precision >= 0.90, scores.false_positives


def test_traps_stay_clean(scores):
    assert scores.traps_clean_share >= 0.95, scores.false_positives
