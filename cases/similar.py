"""The similarity engine (cases.similarity) on the organisation's cases: one index, kept by
Celery, read by requests.

The index holds every submitted case (drafts are their author's until submitted). It is built
or updated only in Celery tasks (`cases.tasks.index_case` after a case is saved, the nightly
`cases.tasks.rebuild_similarity_index`), and stored in the database (`StoredIndex`), so every
process reads the same one. A request only loads it: `current_index()` asks for the stored
stamp (one small query) and loads the index again only when the stamp changed, so each process
keeps one copy in memory.

Precedents (cases.precedents), the meeting's "why does this case differ" check and the digests'
threads and consistency flags all use this index and the same thresholds.
"""

from __future__ import annotations

import io
import threading
import uuid
from collections.abc import Iterable

from django.db import transaction

from organisations import clock

from .models import Case, CaseStatus, StoredIndex
from .similarity import FIELDS, CaseText, SimilarityIndex, ThreadSettings

INDEX_NAME = "cases"
# Two cases at least this similar are "the same situation" for the meeting's check and for
# consistency flags (the engine's flag threshold, chosen on the evaluation set's tuning part).
SIMILAR_ENOUGH = ThreadSettings().flag_threshold
# A precedent shares at least this much meaning with the text (below it, a few common words):
# the least similarity the engine links two cases with.
PRECEDENT_MIN_SCORE = ThreadSettings().link_threshold

TEXT_VALUES = ("pk", *FIELDS, "rule_id", "team_id")

_lock = threading.Lock()
_cached: dict[str, tuple[str, SimilarityIndex]] = {}
_loading: set[str] = set()


def case_text(case: Case, *, rule_id: int | None = None) -> CaseText:
    return CaseText(
        key=case.pk,
        **{name: getattr(case, name) or "" for name in FIELDS},
        rule=rule_id if rule_id is not None else case.rule_id,
        team=case.team_id,
    )


def text_of_row(row: tuple) -> CaseText:
    pk, *texts, rule_id, team_id = row
    return CaseText(
        key=pk,
        **dict(zip(FIELDS, (t or "" for t in texts), strict=True)),
        rule=rule_id,
        team=team_id,
    )


def indexed_cases():
    """The cases the index holds: every case past its draft."""
    return Case.objects.exclude(status=CaseStatus.DRAFT)


def texts_of(case_ids: Iterable[int]) -> dict[int, CaseText]:
    ids = sorted(set(case_ids))
    if not ids:
        return {}
    rows = Case.objects.filter(pk__in=ids).order_by().values_list(*TEXT_VALUES)
    return {row[0]: text_of_row(row) for row in rows}


def build_index() -> SimilarityIndex:
    """An index of all submitted cases, its analyzer fitted on them (Celery only)."""
    rows = indexed_cases().order_by("pk").values_list(*TEXT_VALUES).iterator(chunk_size=2000)
    return SimilarityIndex.build(text_of_row(row) for row in rows)


def _store(index: SimilarityIndex) -> str:
    buffer = io.BytesIO()
    index.save(buffer)
    stamp = uuid.uuid4().hex
    StoredIndex.objects.update_or_create(
        name=INDEX_NAME,
        defaults={
            "stamp": stamp,
            "data": buffer.getvalue(),
            "cases": len(index),
            "built_at": clock.now(),
        },
    )
    with _lock:
        _cached[INDEX_NAME] = (stamp, index)
    return stamp


def current_index(*, fresh: bool = False) -> SimilarityIndex | None:
    """The stored index, loaded once per process; None when none was built yet. Never builds
    one.

    When the stored stamp changed, a process that holds an older copy goes on answering with
    it while a background thread loads the new one (at 100,000 cases loading takes seconds,
    which no request should wait for); a process without a copy loads it at once, and so does
    a task that is about to change the index (`fresh`).
    """
    stamp = StoredIndex.objects.filter(name=INDEX_NAME).values_list("stamp", flat=True).first()
    if stamp is None:
        return None
    with _lock:
        cached = _cached.get(INDEX_NAME)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        if cached is not None and not fresh:
            if stamp not in _loading:
                _loading.add(stamp)
                threading.Thread(target=_load_in_background, args=(stamp,), daemon=True).start()
            return cached[1]
    return _load(stamp)


def _load(stamp: str) -> SimilarityIndex | None:
    blob = (
        StoredIndex.objects.filter(name=INDEX_NAME, stamp=stamp)
        .values_list("data", flat=True)
        .first()
    )
    if blob is None:  # saved again meanwhile: the next call takes the newer one
        cached = _cached.get(INDEX_NAME)
        return cached[1] if cached else None
    index = SimilarityIndex.load(io.BytesIO(bytes(blob)))
    with _lock:
        _cached[INDEX_NAME] = (stamp, index)
    return index


def _load_in_background(stamp: str) -> None:
    from django.db import connection

    try:
        _load(stamp)
    finally:
        with _lock:
            _loading.discard(stamp)
        connection.close()


def rebuild_index() -> int:
    """Build the index from scratch and store it (nightly, and when none exists)."""
    with transaction.atomic():
        StoredIndex.objects.select_for_update().filter(name=INDEX_NAME).first()
        index = build_index()
        _store(index)
    return len(index)


def index_cases(case_ids: Iterable[int]) -> int:
    """Add these cases to the stored index, or replace them there (a case saved again);
    drafts are left out. Builds the whole index when none exists yet. For Celery tasks."""
    ids = sorted(set(case_ids))
    with transaction.atomic():
        locked = StoredIndex.objects.select_for_update().filter(name=INDEX_NAME).first()
        if locked is None:
            index = build_index()
        else:
            index = current_index(fresh=True)
            if index is None:
                index = build_index()
            rows = indexed_cases().filter(pk__in=ids).order_by("pk").values_list(*TEXT_VALUES)
            found = set()
            for row in rows:
                index.add(text_of_row(row), compile=False)
                found.add(row[0])
            for pk in set(ids) - found:
                index.remove(pk)
        _store(index)
    return len(ids)


def index_with(case_ids: Iterable[int]) -> SimilarityIndex:
    """The stored index, with any of these cases it does not hold yet added to this process's
    copy (a digest built before the case's own indexing task ran). For Celery tasks: it builds
    the index when none is stored."""
    index = current_index(fresh=True)
    if index is None:
        rebuild_index()
        index = current_index()
    missing = [pk for pk in case_ids if pk not in index]
    if missing:
        for text in texts_of(missing).values():
            index.add(text, compile=False)
    return index
