"""Digest build requests: asked for, queued through the outbox, built at most once.

A request row is written in the same transaction as the outbox row that starts its build, so a
request is never lost, whatever the broker does. The build task moves it from queued to running
to done, or to failed with a reason; a failed build can be asked for again (`retry`). Database
and broker errors on the way are retried by the task with a growing pause; a worker killed
mid-build leaves the request running and its message unacknowledged, so the broker hands it to
the next worker after the visibility timeout, which finishes it. Each request stores at most one
digest: the digest carries the request's id (`BuildRequest.task_id`).
"""

from __future__ import annotations

import logging
import time

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from kombu.exceptions import OperationalError as BrokerError

from organisations import clock, outbox

from .models import BuildRequest

logger = logging.getLogger(__name__)

# Errors that pass: the database restarting, the broker away for a moment.
TRANSIENT = (OperationalError, InterfaceError, BrokerError, ConnectionError)
BUILD_TASK = "digests.tasks.build_requested_digest"


def request_build(*, team_id: int | None, start, end, requested_by=None) -> BuildRequest:
    with transaction.atomic():
        request = BuildRequest.objects.create(
            team_id=team_id, start=start, end=end, requested_by=requested_by
        )
        outbox.enqueue(BUILD_TASK, request.pk)
    return request


def retry(request: BuildRequest) -> bool:
    """Ask again for a failed build. False when it is not (or no longer) failed."""
    with transaction.atomic():
        locked = BuildRequest.objects.select_for_update().get(pk=request.pk)
        if locked.state != BuildRequest.State.FAILED:
            return False
        locked.state = BuildRequest.State.QUEUED
        locked.reason = ""
        locked.finished_at = None
        locked.save(update_fields=["state", "reason", "finished_at"])
        outbox.enqueue(BUILD_TASK, locked.pk)
    return True


def _record(pk: int, state: str, reason: str = "", **fields) -> None:
    """Best effort: while the database is down the state cannot be written."""
    try:
        BuildRequest.objects.filter(pk=pk).update(state=state, reason=reason[:1000], **fields)
    except TRANSIENT:
        logger.warning("Digest request %s: could not record state %s", pk, state)


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip()


def run(request_id: int, *, task_id: str | None, final_try: bool) -> int | None:
    """Build the digest of one request (the task's body). Returns the digest id, if any."""
    from .tasks import store_digest

    request = BuildRequest.objects.select_related("team", "requested_by").get(pk=request_id)
    if request.state == BuildRequest.State.DONE:
        outbox.mark_done(task_id)
        return request.digest_id
    BuildRequest.objects.filter(pk=request.pk).update(
        state=BuildRequest.State.RUNNING, started_at=clock.now(), attempts=F("attempts") + 1
    )
    try:
        # Fault drills (tests/faults) slow the build down to kill a worker in the middle of it.
        if settings.DIGEST_BUILD_DRILL_SECONDS:
            time.sleep(settings.DIGEST_BUILD_DRILL_SECONDS)
        digest = store_digest(
            team=request.team,
            start=request.start,
            end=request.end,
            task_id=request.task_id,
            requested_by=request.requested_by,
        )
        with transaction.atomic():
            BuildRequest.objects.filter(pk=request.pk).update(
                state=BuildRequest.State.DONE, finished_at=clock.now(), digest=digest, reason=""
            )
            outbox.mark_done(task_id)
        return digest.pk
    except TRANSIENT as exc:
        if final_try:
            _record(request.pk, BuildRequest.State.FAILED, _reason(exc), finished_at=clock.now())
        else:
            _record(request.pk, BuildRequest.State.QUEUED, _reason(exc))
        raise  # the task retries it with back-off
    except SoftTimeLimitExceeded as exc:
        _record(request.pk, BuildRequest.State.FAILED, _reason(exc), finished_at=clock.now())
        outbox.mark_done(task_id)
        raise
    except Exception as exc:
        logger.exception("Digest request %s failed", request.pk)
        _record(request.pk, BuildRequest.State.FAILED, _reason(exc), finished_at=clock.now())
        outbox.mark_done(task_id)
        return None
