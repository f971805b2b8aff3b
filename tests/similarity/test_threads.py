"""Proposed threads, their labels, and consistency flags."""

import re

import pytest

from bench.threads_eval import Config, build, texts_of
from cases.similarity import (
    CaseText,
    SimilarityIndex,
    ThreadSettings,
    consistency_flags,
    opposite_precedents,
    propose_threads,
    thread_affinity,
)


@pytest.fixture(scope="module")
def tuning(eval_set):
    cases = eval_set.part("tune")
    index = build(cases, Config())
    texts = {text.key: text for text in texts_of(cases)}
    return cases, index, texts, propose_threads(index, settings=ThreadSettings(), texts=texts)


def test_threads_have_three_cases_or_more(tuning):
    _, _, _, threads = tuning
    assert threads
    assert all(len(thread.keys) >= 3 for thread in threads)


def test_labels_are_words_that_occur_in_the_threads_texts(tuning):
    _, _, texts, threads = tuning
    for thread in threads:
        assert len(thread.labels) == 3
        written = " ".join(value for key in thread.keys for _, value in texts[key].fields()).lower()
        words = set(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", written))
        for label in thread.labels:
            for word in label.lower().split():
                assert word in words, (label, thread.keys)


def test_labels_without_texts_are_words_from_the_organisations_texts(tuning):
    cases, index, texts, threads = tuning
    everything = " ".join(value for text in texts.values() for _, value in text.fields())
    words = set(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", everything.lower()))
    for thread in propose_threads(index):
        for label in thread.labels:
            assert set(label.lower().split()) <= words


def test_a_story_under_two_rules_is_still_one_thread(tuning):
    _, index, _, threads = tuning
    s04 = next(thread for thread in threads if "S04a" in thread.keys)
    assert len({index.rule_of(key) for key in s04.keys}) == 2


def test_flags_pair_opposite_decisions_on_similar_cases_across_teams():
    texts = [
        CaseText(key=i, title="Kleinzoon woont in bij oma, kostendelersnorm", rule="kdn", team=t)
        for i, t in enumerate(["Noord", "Zuid", "Noord"])
    ] + [CaseText(key=9, title="Auto telt als vermogen", rule="vermogen", team="Zuid")]
    index = SimilarityIndex.build(texts)
    directions = {0: "follows", 1: "departs", 2: "departs", 9: "follows"}
    threads = propose_threads(index)
    flags = consistency_flags(index, directions, threads)
    assert {(flag.a, flag.b) for flag in flags} == {(0, 1), (0, 2)}
    assert all(flag.thread == 0 for flag in flags)
    assert {flag.teams for flag in flags} == {("Noord", "Zuid"), ("Noord", "Noord")}


def test_a_new_case_is_told_which_thread_it_looks_like(tuning):
    _, index, _, threads = tuning
    new = CaseText(
        key="new",
        title="Jongere zonder dak moet vier weken wachten op bijstand",
        situation="Een dakloze jongen van 19 wil een uitkering, maar moet eerst vier weken "
        "werk zoeken.",
    )
    found = thread_affinity(index, new, {n: t.keys for n, t in enumerate(threads)})
    assert found
    assert "S05a" in threads[found[0][0]].keys


def test_opposite_precedents_are_similar_cases_decided_the_other_way(tuning):
    cases, index, texts, _ = tuning
    directions = {case["id"]: case["decision"] for case in cases}
    found = opposite_precedents(index, texts["S04a"], "departs", directions, min_score=0.2)
    assert found
    assert all(directions[match.key] == "follows" for match in found)
    assert found[0].key == "S04d"
