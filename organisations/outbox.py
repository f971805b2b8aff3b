"""The transactional outbox: every side effect that leaves the database is first a row.

A service that wants a mail sent or a digest built calls `enqueue(task_name, *args)` inside the
transaction of the change that causes it, so the row exists exactly when the change does. After
the commit the row is handed to Celery at once when the broker answers (best effort: a broker
that is down never turns the request into an error). Whatever is left is handed on by `relay()`,
which Celery beat runs every few seconds and every worker runs when it starts.

Each row reaches its task with the Celery task id `outbox-<row id>`. The project's task class
(`bedoeling.celery.OnceTask`) runs a task for a row at most once: it locks the row, skips it when
it is already done, and records it done in the same transaction as the task's own writes - for a
mail after the mail server accepted it. Tasks that must show progress while they run (a digest
build) keep their own record instead and set `once_per_row = False`.

The same tick compares the recurring jobs (settings.BEDOELING_SCHEDULE) with the last time each
ran, so a job that fell due while the broker or beat was down runs as soon as they are back.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import models, transaction

from . import clock

logger = logging.getLogger(__name__)

TASK_ID_PREFIX = "outbox-"
RELAY_BATCH = 200


class OutboxMessage(models.Model):
    """One task to run because of a committed change."""

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=clock.now, db_index=True)
    relayed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(relayed_at__isnull=True),
                name="outbox_unrelayed",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} #{self.pk}"

    @property
    def task_id(self) -> str:
        return f"{TASK_ID_PREFIX}{self.pk}"


class ScheduledRun(models.Model):
    """When a recurring job last ran: the next tick after an outage runs what fell due."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: {self.last_run_at:%Y-%m-%d %H:%M}"


def _name(task) -> str:
    return task if isinstance(task, str) else task.name


def enqueue(task, *args, **kwargs) -> OutboxMessage:
    """Record `task(*args, **kwargs)` in the current transaction; hand it on after the commit."""
    message = OutboxMessage.objects.create(task=_name(task), args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda pk=message.pk: relay_one(pk), robust=True)
    return message


def _publish(message: OutboxMessage) -> None:
    from celery import current_app

    task = current_app.tasks[message.task]
    task.apply_async(
        args=message.args,
        kwargs=message.kwargs,
        task_id=message.task_id,
        retry=False,  # one try: an unreachable broker leaves the row for the next relay run
    )


def relay_one(pk: int) -> bool:
    """Hand one row to Celery. Never raises: a failure stays in the row for `relay()`."""
    try:
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, relayed_at__isnull=True)
                .first()
            )
            if message is None:
                return False
            _publish(message)
            message.relayed_at = clock.now()
            message.attempts += 1
            message.save(update_fields=["relayed_at", "attempts"])
        return True
    except Exception as exc:
        logger.warning("Outbox: row %s not handed on yet (%s)", pk, exc, exc_info=True)
        try:
            OutboxMessage.objects.filter(pk=pk).update(
                attempts=models.F("attempts") + 1, last_error=repr(exc)[:2000]
            )
        except Exception:
            logger.warning("Outbox: could not record the failure of row %s", pk)
        return False


def relay(limit: int = RELAY_BATCH) -> int:
    """Hand every row not yet handed on to Celery, oldest first. Returns how many went."""
    pending = list(
        OutboxMessage.objects.filter(relayed_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for pk in pending:
        if relay_one(pk):
            sent += 1
        else:
            break  # the broker is unreachable: leave the rest for the next tick
    return sent


def requeue_stale(older_than: dt.timedelta, max_attempts: int = 10) -> int:
    """Hand on again rows relayed long ago and still not done: a message the broker lost (a
    Redis restart without persistence) or a task that gave up. The task runs at most once per
    row, so a second delivery of a row that did run is a no-op.
    """
    cutoff = clock.now() - older_than
    return OutboxMessage.objects.filter(
        relayed_at__lt=cutoff, done_at__isnull=True, attempts__lt=max_attempts
    ).update(relayed_at=None)


def row_id(task_id: str | None) -> int | None:
    if task_id and task_id.startswith(TASK_ID_PREFIX):
        suffix = task_id.removeprefix(TASK_ID_PREFIX)
        if suffix.isdigit():
            return int(suffix)
    return None


@contextmanager
def once(task_id: str | None):
    """Run the body at most once for the outbox row behind `task_id`.

    Yields False when the row is already done. The row stays locked while the body runs, so a
    second delivery waits and then skips; it is marked done when the body returns, in the same
    transaction as the body's own writes. An exception leaves the row not done, for a retry.
    A task not started through the outbox (a direct call) always runs.
    """
    pk = row_id(task_id)
    if pk is None:
        yield True
        return
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=pk).first()
        if message is None or message.done_at is not None:
            yield False
            return
        yield True
        message.done_at = clock.now()
        message.save(update_fields=["done_at"])


def mark_done(task_id: str | None) -> None:
    """For tasks that keep their own record (`once_per_row = False`): the row is finished."""
    pk = row_id(task_id)
    if pk is not None:
        OutboxMessage.objects.filter(pk=pk, done_at__isnull=True).update(done_at=clock.now())


def backlog() -> dict:
    """What monitoring needs: rows not yet handed on, and how long the oldest has waited."""
    waiting = OutboxMessage.objects.filter(relayed_at__isnull=True)
    oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
    return {
        "waiting": waiting.count(),
        "oldest_seconds": 0 if oldest is None else int((clock.now() - oldest).total_seconds()),
    }


# Recurring jobs ---------------------------------------------------------------------------


def catch_up(now: dt.datetime | None = None) -> list[str]:
    """Queue every recurring job that fell due since it last ran; returns their names.

    A job seen for the first time starts counting from now. A job that fell due several times
    during an outage runs once.
    """
    now = now or clock.now()
    queued = []
    for name, entry in getattr(settings, "BEDOELING_SCHEDULE", {}).items():
        schedule = entry["schedule"]
        with transaction.atomic():
            run, created = ScheduledRun.objects.select_for_update().get_or_create(
                name=name, defaults={"last_run_at": now}
            )
            if created:
                continue
            if _fell_due(schedule, run.last_run_at, now):
                enqueue(entry["task"])
                run.last_run_at = now
                run.save(update_fields=["last_run_at"])
                queued.append(name)
    return queued


def _fell_due(schedule, last_run_at: dt.datetime, now: dt.datetime) -> bool:
    """Whether `schedule` (a Celery crontab or a number of seconds) had a moment in
    (last_run_at, now]."""
    if isinstance(schedule, int | float):
        return (now - last_run_at).total_seconds() >= schedule
    schedule = copy.copy(schedule)
    schedule.nowfun = lambda: now
    return schedule.remaining_estimate(last_run_at).total_seconds() <= 0
