"""The stored index (cases.similar): built by tasks, read by requests, reloaded by its stamp."""

import time

import pytest

from cases import similar
from cases.models import StoredIndex
from cases.similar import current_index, index_cases, rebuild_index
from cases.tasks import index_case
from tests.factories import CaseFactory

TEXT = {
    "title": "Kleinzoon logeert bij oma",
    "situation": "Oma ontvangt AOW en AIO; haar kleinzoon studeert en slaapt bij haar.",
}


@pytest.fixture(autouse=True)
def _empty_cache():
    similar._cached.clear()
    yield
    similar._cached.clear()


def test_a_request_never_builds_the_index(db):
    CaseFactory(status="decided", **TEXT)
    assert current_index() is None
    assert not StoredIndex.objects.exists()


def test_the_nightly_build_holds_every_submitted_case_and_no_draft(db):
    decided = CaseFactory(status="decided", **TEXT)
    draft = CaseFactory(status="draft", **TEXT)
    rebuild_index()
    index = current_index()
    assert decided.pk in index and draft.pk not in index


def test_the_task_after_a_save_adds_the_case_and_changes_the_stamp(db):
    first = CaseFactory(status="decided", **TEXT)
    rebuild_index()
    stamp = StoredIndex.objects.get().stamp
    second = CaseFactory(status="submitted", **TEXT)
    index_case(second.pk)
    assert StoredIndex.objects.get().stamp != stamp
    index = current_index()
    assert first.pk in index and second.pk in index
    second.status = "draft"
    second.save(update_fields=["status"])
    index_cases([second.pk])
    assert second.pk not in current_index()


def test_a_process_loads_the_stored_index_once_and_again_after_a_change(
    db, django_assert_num_queries
):
    CaseFactory(status="decided", **TEXT)
    rebuild_index()
    similar._cached.clear()
    with django_assert_num_queries(2):  # the stamp, then the index
        loaded = current_index()
    with django_assert_num_queries(1):  # the stamp only
        assert current_index() is loaded


def test_an_older_copy_answers_while_the_new_one_loads(db, monkeypatch):
    CaseFactory(status="decided", **TEXT)
    rebuild_index()
    old = current_index()
    started = []
    monkeypatch.setattr(similar, "_load_in_background", started.append)
    newer = CaseFactory(status="decided", **TEXT)
    stored = similar.build_index()
    similar._store(stored)  # as another process would: the stamp changes
    similar._cached["cases"] = ("an older stamp", old)
    assert current_index() is old
    deadline = time.monotonic() + 5
    while not started and time.monotonic() < deadline:  # the loading thread has begun
        time.sleep(0.01)
    assert started == [StoredIndex.objects.get().stamp]
    assert newer.pk in current_index(fresh=True)
