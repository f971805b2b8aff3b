"""The digest's figures, one definition each.

A digest counts them (`digests.patterns.build_digest`) and every number on its page links to
the search that lists the cases behind it (`digests.search`). Both start from the functions
here, so a figure and its list cannot drift apart: the digest narrows a definition to its scope
(`scope`) and counts, the search narrows it to the cases the viewer may see and lists them.

A period is a half-open range of moments [since, until) in the site's time zone
(`period_bounds`); the search may leave either end open (None).

The SQL shapes are the ones measured in bench/README.md ("What made it fast"): "current" is
NOT IN the few corrected decisions (`Decision.objects.current()`); "settling" is NOT IN the
kinds that do not settle (`Decision.objects.settling()`); the organisation's scope is "not a
draft", an anti-join with the few drafts; a case's first decision is one in the period with
none before it, so only the period is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from cases.models import AWAITING_DECISION, Case, CaseStatus
from deliberations.models import NEEDS_LEGAL_GROUND, Action, Decision, Escalation, Outcome

from .models import Story

# Open: waiting for the consultation or in it (submitted, on an agenda, or escalated).


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def day_after(day: dt.date) -> dt.datetime:
    return day_start(day + dt.timedelta(days=1))


def period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The period from `start` up to and including `end`, as [since, until)."""
    return day_start(start), day_after(end)


def _between(rows: QuerySet, field: str, since, until) -> QuerySet:
    if since is not None:
        rows = rows.filter(**{f"{field}__gte": since})
    if until is not None:
        rows = rows.filter(**{f"{field}__lt": until})
    return rows


# The scope of a digest ----------------------------------------------------------------------


def scope_cases(team) -> QuerySet:
    """The cases a digest is about: its team's (every team's for the organisation), no drafts."""
    cases = Case.objects.exclude(status=CaseStatus.DRAFT)
    return cases if team is None else cases.filter(team=team)


def scope(team, cases: QuerySet) -> Callable[[QuerySet], QuerySet]:
    """A filter for rows with a case (decisions, actions, …): those about the scope's cases.

    For the organisation that is every case but drafts. Excluding the few drafts is a lookup in
    a small set; `case__in=cases` makes PostgreSQL read the whole case table for every figure.
    """
    if team is None:
        drafts = Case.objects.filter(pk=OuterRef("case_id"), status=CaseStatus.DRAFT)
        return lambda rows: rows.filter(~Exists(drafts))
    return lambda rows: rows.filter(case__in=cases)


# Cases ----------------------------------------------------------------------------------------


def submitted(cases: QuerySet, since=None, until=None) -> QuerySet:
    """Cases submitted in the period."""
    return _between(cases, "submitted_at", since, until)


def open_at(cases: QuerySet, until) -> QuerySet:
    """Cases submitted before `until` that are, now, waiting for or in the consultation."""
    return cases.filter(status__in=AWAITING_DECISION, submitted_at__lt=until)


# Decisions ------------------------------------------------------------------------------------


def first_decisions(since=None, until=None) -> QuerySet:
    """Settling decisions of the cases first decided in the period.

    A case is first decided by its first decision that settles it (not postponing or
    escalating; a director's answer counts): the case has a settling decision in the period and
    none before it. Per case, the earliest of these is that first decision.
    """
    settling = Decision.objects.settling()
    rows = _between(settling, "created_at", since, until)
    if since is not None:
        earlier = settling.filter(case_id=OuterRef("case_id"), created_at__lt=since)
        rows = rows.filter(~Exists(earlier))
    return rows


def current_decisions(since=None, until=None, *, kind: str = "", value: int | None = None):
    """Decisions recorded in the period that no later decision corrected; of one kind, or
    weighing one public value, when given."""
    rows = _between(Decision.objects.all(), "created_at", since, until)
    if kind:
        rows = rows.filter(kind=kind)
    if value:
        rows = rows.filter(public_values=value)
    return rows.current()


def deviations(since=None, until=None) -> QuerySet:
    """Current decisions recorded in the period that depart from the rule — a justified
    deviation or room within the rules — each naming its legal ground (none before grounds were
    recorded)."""
    return current_decisions(since, until).filter(kind__in=NEEDS_LEGAL_GROUND)


def evaluation_pending(due: dt.date) -> QuerySet:
    """Current settling decisions to be evaluated on or before `due` whose case had no outcome
    recorded by the end of that day.

    A case has one outcome at most, so this asks the outcomes directly instead of joining
    every decision to its case and its outcome.
    """
    evaluated = Outcome.objects.filter(case_id=OuterRef("case_id"), created_at__lt=day_after(due))
    pending = Decision.objects.filter(evaluate_on__lte=due).current().filter(~Exists(evaluated))
    return pending.settling()


# What follows a decision ----------------------------------------------------------------------


def outcomes(since=None, until=None, *, served: str = "", of_kind: str = "") -> QuerySet:
    """Outcomes recorded in the period; served yes, partly or no, for a decision of one kind,
    when given."""
    rows = _between(Outcome.objects.all(), "created_at", since, until)
    if served:
        rows = rows.filter(served=served)
    if of_kind:
        rows = rows.filter(decision__kind=of_kind)
    return rows


def overdue_actions(end: dt.date) -> tuple[QuerySet, QuerySet]:
    """Actions overdue at the end of `end`: due before that day, and not done or done after it.

    In two parts, counted apart, so that each reads its own index (deliberations/0004) instead
    of every action ever recorded.
    """
    due = Action.objects.filter(due_on__lt=end)
    return due.filter(done_at__isnull=True), due.filter(done_at__gte=day_after(end))


def open_escalations(end: dt.date | None = None) -> QuerySet:
    """Escalations waiting for the director's answer: now, or at the end of `end` (raised by
    then and not answered by then)."""
    if end is None:
        return Escalation.objects.open()
    after = day_after(end)
    return Escalation.objects.filter(created_at__lt=after).filter(
        Q(status=Escalation.Status.OPEN) | Q(answered_at__gte=after)
    )


def stories_published(since=None, until=None) -> QuerySet:
    """Good examples published in the period."""
    return _between(Story.objects.all(), "published_at", since, until)
