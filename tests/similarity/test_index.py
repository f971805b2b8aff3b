"""The index: incremental changes give what a rebuild gives; search, filters, the rule hint."""

import dataclasses
import itertools

import pytest

from cases.similarity import Analyzer, CaseText, SimilarityIndex


@pytest.fixture(scope="module")
def analyzer(tuning_texts):
    return Analyzer.fit(tuning_texts)


@pytest.fixture(scope="module")
def rebuilt(tuning_texts, analyzer):
    return SimilarityIndex.build(tuning_texts, analyzer)


def assert_same(one: SimilarityIndex, other: SimilarityIndex, texts) -> None:
    assert sorted(one.keys()) == sorted(other.keys())
    for a, b in itertools.combinations(sorted(one.keys()), 2):
        assert one.similarity(a, b) == pytest.approx(other.similarity(a, b), abs=1e-9)
    for case in texts[:5]:
        found = {m.key: m.score for m in one.similar(case, 8)}
        expected = {m.key: m.score for m in other.similar(case, 8)}
        assert found.keys() == expected.keys()
        for key, score in found.items():
            assert score == pytest.approx(expected[key], abs=1e-6)


def test_adding_cases_one_by_one_equals_a_rebuild(tuning_texts, analyzer, rebuilt):
    index = SimilarityIndex(analyzer)
    half = len(tuning_texts) // 2
    for case in tuning_texts[:half]:
        index.add(case)
    index.compile()  # the first half in arrays, the rest in the tail
    for case in tuning_texts[half:]:
        index.add(case)
    assert_same(index, rebuilt, tuning_texts)


def test_replacing_a_case_equals_a_rebuild(tuning_texts, analyzer, rebuilt):
    index = SimilarityIndex.build(tuning_texts, analyzer)
    case = tuning_texts[3]
    index.add(dataclasses.replace(case, situation="Iets heel anders over een auto."))
    index.add(case)
    assert_same(index, rebuilt, tuning_texts)
    index.compile()
    assert_same(index, rebuilt, tuning_texts)


def test_removing_a_case_equals_a_rebuild_without_it(tuning_texts, analyzer):
    index = SimilarityIndex.build(tuning_texts, analyzer)
    index.remove(tuning_texts[0].key)
    assert tuning_texts[0].key not in index
    assert_same(index, SimilarityIndex.build(tuning_texts[1:], analyzer), tuning_texts[1:])


def test_a_saved_index_loads_the_same(tuning_texts, rebuilt, tmp_path):
    rebuilt.save(tmp_path / "index.npz")
    assert_same(SimilarityIndex.load(tmp_path / "index.npz"), rebuilt, tuning_texts)


def test_similar_finds_other_tellings_of_the_same_story(rebuilt, eval_set):
    story = {case["id"]: case["story"] for case in eval_set.cases}
    query = CaseText(
        key="new",
        title="Oma betaalt haar begrafenis al jaren vooruit op een spaarrekening",
        situation="Mevrouw (81) heeft geld apart gezet voor haar uitvaart. Daardoor krijgt ze "
        "geen aanvulling op haar AOW.",
    )
    top = rebuilt.similar(query, 3)
    assert [story[match.key] for match in top] == ["S04"] * 3


def test_the_rule_is_a_hint_not_a_wall(rebuilt, tuning_texts):
    case = next(text for text in tuning_texts if text.key == "S04d")
    with_rule = {m.key: m for m in rebuilt.similar(case, 40, exclude=[case.key])}
    without = {
        m.key: m
        for m in rebuilt.similar(dataclasses.replace(case, rule=None), 40, exclude=[case.key])
    }
    # Cases under another rule are still found, and the same rule adds the bonus.
    assert any(not match.same_rule for match in with_rule.values())
    for key, match in with_rule.items():
        if match.same_rule:
            assert match.score == pytest.approx(
                min(1.0, without[key].score + rebuilt.settings.rule_bonus), abs=1e-6
            )


def test_search_is_limited_to_the_cases_and_teams_asked_for(rebuilt, tuning_texts):
    case = tuning_texts[0]
    only = [text.key for text in tuning_texts[10:20]]
    assert {m.key for m in rebuilt.similar(case, 10, only=only)} <= set(only)
    team = tuning_texts[5].team
    found = rebuilt.similar(case, 10, teams=[team])
    assert found
    assert {rebuilt.team_of(m.key) for m in found} == {team}


def test_neighbours_agree_with_pairwise_similarity(rebuilt, tuning_texts):
    keys = [text.key for text in tuning_texts]
    found = rebuilt.neighbours(keys, threshold=0.2, k=50)
    for key in keys:
        expected = {
            other: rebuilt.similarity(key, other)
            for other in keys
            if other != key and rebuilt.similarity(key, other) >= 0.2
        }
        assert dict(found[key]) == pytest.approx(expected, abs=1e-5)


def test_neighbours_at_scale_score_their_candidates_exactly(rebuilt, tuning_texts):
    keys = [text.key for text in tuning_texts]
    # Common features treated as dense, candidates pruned: what is found is scored exactly.
    found = rebuilt.neighbours(
        keys, threshold=0.2, k=5, common_share=0.05, common_floor=2, candidates_per_case=8
    )
    for key, others in found.items():
        for other, score in others:
            assert score == pytest.approx(rebuilt.similarity(key, other), abs=1e-5)
