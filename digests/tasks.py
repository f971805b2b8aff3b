"""Celery tasks that build and store digests. The computation is digests.patterns."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone

from organisations import outbox
from organisations.audit import audit
from organisations.mail import mail_people

from . import builds
from .models import Digest
from .patterns import build_digest, headline


def store_digest(
    *, team, start: dt.date, end: dt.date, task_id: str | None = None, requested_by=None
) -> Digest:
    """Build and store a new version of the digest for this scope and period.

    The same task id twice (a redelivered task) returns the digest stored the first time.
    """
    if task_id:
        existing = Digest.objects.filter(task_id=task_id).first()
        if existing is not None:
            return existing
    data = build_digest(team, start, end)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                version = (
                    Digest.objects.filter(team=team, start=start, end=end).aggregate(
                        v=Max("version")
                    )["v"]
                    or 0
                ) + 1
                digest = Digest.objects.create(
                    team=team,
                    start=start,
                    end=end,
                    version=version,
                    data=data,
                    task_id=task_id,
                    requested_by=requested_by,
                )
                if team is None:
                    outbox.enqueue(notify_directors, digest.pk)
                    outbox.enqueue(propose_threads_task)
        except IntegrityError:
            if task_id:
                existing = Digest.objects.filter(task_id=task_id).first()
                if existing is not None:
                    return existing
            continue  # another build took this version number; take the next
        audit("digest.build", actor=requested_by, obj=digest, team=team.pk if team else None)
        return digest
    raise RuntimeError("could not store the digest")


@shared_task(
    bind=True,
    once_per_row=False,  # keeps its own record: the build request (digests/builds.py)
    autoretry_for=builds.TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=8,
)
def build_requested_digest(self, request_id: int) -> int | None:
    return builds.run(
        request_id, task_id=self.request.id, final_try=self.request.retries >= self.max_retries
    )


@shared_task
def build_digest_task(
    team_id: int | None, start: str, end: str, requested_by_id: int | None = None
) -> int:
    """The task of earlier versions, still in a queue after an upgrade: becomes a request."""
    request = builds.request_build(
        team_id=team_id,
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end),
        requested_by=None if requested_by_id is None else _user(requested_by_id),
    )
    return request.pk


def _user(pk: int):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=pk).first()


def last_week(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week before `today`."""
    today = today or timezone.localdate()
    this_monday = today - dt.timedelta(days=today.weekday())
    return this_monday - dt.timedelta(days=7), this_monday - dt.timedelta(days=1)


@shared_task
def build_weekly_digests() -> int:
    """Every team's digest and the organisation's, for last week (Celery beat, Mondays)."""
    from organisations.models import Team

    start, end = last_week()
    scopes = [None, *Team.objects.order_by("pk").values_list("pk", flat=True)]
    with transaction.atomic():
        for team_id in scopes:
            builds.request_build(team_id=team_id, start=start, end=end)
    return len(scopes)


@shared_task
def notify_directors(digest_id: int) -> int:
    from django.contrib.auth import get_user_model

    from organisations.models import Role

    digest = Digest.objects.get(pk=digest_id)
    directors = (
        get_user_model()
        .objects.filter(memberships__role=Role.DIRECTOR)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    context = {"digest": digest, "figures": headline(digest.data), "base_url": settings.BASE_URL}

    def render() -> tuple[str, str]:
        subject = " ".join(render_to_string("digests/email/ready_subject.txt", context).split())
        return subject, render_to_string("digests/email/ready.txt", context)

    # Each director in the language they chose in the app.
    return mail_people(directors, render)


@shared_task(
    time_limit=settings.BEDOELING_LONG_TASK_SECONDS,
    soft_time_limit=settings.BEDOELING_LONG_TASK_SECONDS - 60,
)
def propose_threads_task() -> int:
    """Propose the rode draden of the last year's cases (Celery beat, nightly, and after the
    organisation's digest was built). Returns the number of proposals made or updated."""
    from .threads import propose_threads_for

    return len(propose_threads_for())


def people_to_tell(signal) -> list:
    """Who hears of a signal's move: the author of each case behind it and the leads of those
    cases' teams — once each, and only who may read the signal (someone who left the team
    does not)."""
    from django.contrib.auth import get_user_model

    from organisations.models import Role

    from .models import Signal

    cases = signal.cases.all()
    candidates = (
        get_user_model()
        .objects.filter(
            Q(pk__in=cases.values("author_id"))
            | Q(memberships__role=Role.LEAD, memberships__team__in=cases.values("team_id"))
        )
        .filter(is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return [
        person
        for person in candidates
        if Signal.objects.visible_to(person).filter(pk=signal.pk).exists()
    ]


@shared_task
def notify_signal_moved(event_id: int) -> int:
    """Tell the people behind a signal where it went. The mail names the rule and the state the
    signal moved to and links to the signal; it quotes no case text and not the mover's note."""
    from .models import SignalEvent

    event = SignalEvent.objects.select_related("signal__rule__regulation").get(pk=event_id)
    context = {"event": event, "signal": event.signal, "base_url": settings.BASE_URL}

    def render() -> tuple[str, str]:
        subject = render_to_string("digests/email/signal_moved_subject.txt", context)
        return " ".join(subject.split()), render_to_string(
            "digests/email/signal_moved.txt", context
        )

    return mail_people(people_to_tell(event.signal), render)
