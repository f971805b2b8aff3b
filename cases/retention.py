"""Retention (Archiefwet, AVG): the free text of a case that ended long enough ago is anonymised.

A case ends when it is closed or withdrawn. After the organisation's retention period
(`RetentionPolicy`, else the default per regulation in `retention_table.csv`) every free text
about it — the case's own fields, colleague input, timeline notes, and what later apps hold
(decisions, actions, notes, outcomes, escalation questions, minutes, good examples) — is
replaced by `MARKER`. Structure stays: the team, rule, barrier, values, statuses, decision
kinds, indicators, keywords and every date, so patterns and digests computed later are the
same as before.

There is one path, and the database knows it: `anonymise_expired_cases` logs a run
(`AnonymisationRun`), names it in the transaction-local PostgreSQL setting
`bedoeling.anonymisation_run`, and only then do the append-only triggers let an UPDATE through —
and only one that turns free text into the marker. Later apps add their tables through
`register` (in their `AppConfig.ready()`), as they add panels: cases knows nothing of them.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.db.models import Max, Q, Value, When
from django.utils import timezone

from organisations import clock

from .models import AnonymisationRun, Case, CaseEvent, CaseStatus, Comment, RetentionPolicy

logger = logging.getLogger("bedoeling.retention")

# What free text becomes. The triggers accept this and the empty string only (cases migration
# 0009 holds the same literal; a test checks they agree).
MARKER = "\u2588\u2588\u2588"
ENDED = (CaseStatus.CLOSED, CaseStatus.WITHDRAWN)
TABLE = Path(__file__).with_name("retention_table.csv")
# Timeline notes that are labels, not free text: the decision kind, the director's name, how
# an outcome served. Every other note is anonymised.
LABEL_NOTES = (
    CaseEvent.Kind.DECIDED,
    CaseEvent.Kind.ESCALATED,
    CaseEvent.Kind.ESCALATION_ANSWERED,
    CaseEvent.Kind.OUTCOME_RECORDED,
)
# The account named on the timeline as having anonymised a case: nobody logs in with it.
ARCHIVE_USERNAME = "archiefbeheer"

Anonymiser = Callable[..., dict[str, int]]  # (case_ids, *, dry_run) -> rows per table
_anonymisers: dict[str, Anonymiser] = {}


def register(name: str, anonymiser: Anonymiser) -> None:
    """Add (or replace) what app `name` anonymises for a list of case ids."""
    _anonymisers[name] = anonymiser


@functools.cache
def default_years() -> dict[str, int]:
    """The selectielijst-like table: {regulation short name or "*": years}."""
    with TABLE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["regulation"]: int(row["years"]) for row in rows}


def years_for(policy_years: int | None, regulation: str | None) -> int:
    if policy_years:
        return policy_years
    table = default_years()
    return table.get(regulation or "*", table["*"])


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def expired_case_ids(today: dt.date | None = None) -> list[int]:
    """The ended cases whose retention period is over and that are not anonymised yet."""
    today = today or clock.today()
    done = CaseEvent.objects.filter(kind=CaseEvent.Kind.ANONYMISED).values("case_id")
    rows = (
        Case.objects.filter(status__in=ENDED)
        .exclude(pk__in=done)
        .annotate(ended_at=Max("events__created_at", filter=Q(events__to_status__in=ENDED)))
        .values_list("pk", "team__organisation_id", "rule__regulation__short_name", "ended_at")
        .order_by("pk")
    )
    policies = dict(RetentionPolicy.objects.values_list("organisation_id", "years"))
    expired = []
    for pk, organisation_id, regulation, ended_at in rows:
        if ended_at is None:
            continue
        years = years_for(policies.get(organisation_id), regulation)
        if _years_after(timezone.localdate(ended_at), years) <= today:
            expired.append(pk)
    return expired


def blank_out(rows: models.QuerySet, fields: Iterable[str], *, dry_run: bool) -> int:
    """Replace every non-empty text of `fields` in `rows` by the marker; the number of rows
    that had text to replace."""
    fields = list(fields)
    has_text = Q()
    for name in fields:
        has_text |= ~Q(**{name: ""}) & ~Q(**{name: MARKER})
    rows = rows.filter(has_text)
    if dry_run:
        return rows.count()
    # QuerySet.update itself: the timeline's queryset refuses `update` to everyone else; this
    # is the one path that may change an event, and only its note, to the marker.
    return models.QuerySet.update(
        rows,
        **{
            name: models.Case(When(**{name: ""}, then=Value("")), default=Value(MARKER))
            for name in fields
        },
    )


def _anonymise_own(case_ids: list[int], *, dry_run: bool) -> dict[str, int]:
    events = CaseEvent.objects.filter(case__in=case_ids).exclude(kind__in=LABEL_NOTES)
    return {
        "cases.case": blank_out(
            Case.objects.filter(pk__in=case_ids),
            [*Case.TEXT_FIELDS, "zaak_reference"],
            dry_run=dry_run,
        ),
        "cases.comment": blank_out(
            Comment.objects.filter(case__in=case_ids), ["text"], dry_run=dry_run
        ),
        "cases.caseevent": blank_out(events, ["note"], dry_run=dry_run),
    }


def _open_the_door(run_id: int | str) -> None:
    """Name the run in the transaction: the one thing the triggers let through (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('bedoeling.anonymisation_run', %s, true)", [str(run_id)]
            )


def archive_actor():
    user, created = get_user_model().objects.get_or_create(
        username=ARCHIVE_USERNAME,
        defaults={"first_name": "Archiefbeheer", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def anonymise_expired_cases(
    *, source: str, dry_run: bool = False, today: dt.date | None = None
) -> AnonymisationRun:
    """Anonymise every expired case (see the module docstring); with `dry_run`, count what
    would change and change nothing. Every run, dry or not, is stored and logged."""
    with transaction.atomic():
        case_ids = expired_case_ids(today)
        run = AnonymisationRun.objects.create(dry_run=dry_run, source=source, case_ids=case_ids)
        counts: dict[str, int] = {"cases": len(case_ids)}
        if case_ids:
            if not dry_run:
                _open_the_door(run.pk)
            counts.update(_anonymise_own(case_ids, dry_run=dry_run))
            for anonymise in _anonymisers.values():
                counts.update(anonymise(case_ids, dry_run=dry_run))
            if not dry_run:
                _open_the_door("")
                actor = archive_actor()
                now = clock.now()
                CaseEvent.objects.bulk_create(
                    CaseEvent(
                        case_id=pk,
                        actor=actor,
                        kind=CaseEvent.Kind.ANONYMISED,
                        fields=list(Case.TEXT_FIELDS),
                        note=f"{run.pk}",
                        created_at=now,
                    )
                    for pk in case_ids
                )
        run.counts = counts
        run.finished_at = clock.now()
        run.save(update_fields=["counts", "finished_at"])
    logger.info(
        "anonymisation run",
        extra={"run": run.pk, "dry_run": dry_run, "source": source, "counts": counts},
    )
    return run
