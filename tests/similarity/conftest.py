"""The labelled evaluation set (bench/eval/cases_nl.toml), read once."""

import pytest

from bench.threads_eval import load_eval_set, texts_of


@pytest.fixture(scope="session")
def eval_set():
    return load_eval_set()


@pytest.fixture(scope="session")
def tuning_texts(eval_set):
    return texts_of(eval_set.part("tune"))
