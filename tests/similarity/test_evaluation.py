"""Floors on the held-out part of the labelled set (bench/eval/cases_nl.toml), with the
thresholds chosen on the tuning part. `python -m bench.threads_eval` prints all the figures."""

import pytest

from bench.threads_eval import evaluate
from cases.privacy import find_personal_data
from cases.similarity import FIELDS


@pytest.fixture(scope="module")
def held_out(eval_set):
    return evaluate(eval_set.part("heldout"), eval_set.opposite)


def test_the_set_is_as_described(eval_set):
    situations = {case["story"] for case in eval_set.cases if not case.get("hard_negative")}
    negatives = [case for case in eval_set.cases if case.get("hard_negative")]
    assert len(eval_set.cases) >= 60
    assert len(situations) >= 12
    assert len(negatives) >= 15
    for story in situations:
        assert sum(case["story"] == story for case in eval_set.cases) >= 4
    assert set(eval_set.split["tune"]).isdisjoint(eval_set.split["heldout"])
    for a, b in eval_set.opposite:
        cases = {case["id"]: case for case in eval_set.cases}
        assert cases[a]["story"] == cases[b]["story"]
        assert cases[a]["decision"] != cases[b]["decision"]


def test_the_set_holds_no_personal_data(eval_set):
    for case in eval_set.cases:
        for field in FIELDS:
            assert find_personal_data(case.get(field, "")) == [], (case["id"], field)


def test_the_threads_find_the_situations(held_out):
    assert held_out["f1"] >= 0.88
    assert held_out["situations_found"] >= 0.9


def test_opposite_decisions_are_flagged(held_out):
    assert held_out["pairs_flagged"] >= 0.85
    assert held_out["false_flags"] <= 4


def test_precedents_find_the_same_situation(held_out):
    assert held_out["top5_hit_rate"] >= 0.95
