"""The pattern computations behind a digest: plain functions over querysets, plain data out.

`build_digest(team_or_none, start, end)` is deterministic: the same data gives the same digest.
No Celery here; `digests/tasks.py` only schedules this and stores the result. Each figure's
definition is one queryset in `digests/figures.py`, shared with the search that lists the cases
behind it.

A digest is stored and shown to everyone who may read it, so it holds numbers and ids only,
never case text: a consistency flag names its cases, their teams and decisions by id; a pattern
its cases. What a page shows about a case is fetched when it is read, through `visible_to`
(`digests/reading.py`).

Definitions (the digest page and the tests rely on them):
- period: `start` to `end`, both dates inclusive, in the site's time zone;
- submitted: cases whose submission falls in the period;
- decided: cases whose first decision other than "postpone" or "escalate" (a director's
  answer counts) falls in the period; days to
  decision run from submission to that decision; the 90th percentile is the nearest-rank one;
- open: cases submitted before the end of the period and, now, waiting for or in the
  consultation (submitted, on an agenda or escalated);
- rules, barriers: per case submitted in the period; the previous period has the same length
  and ends the day before `start`;
- decision mix, values weighed, outcomes, signals: decisions (not corrected later) and
  outcomes recorded in the period;
- recurring patterns (rode draden): groups of three or more similar cases among those
  submitted in the period, by the similarity engine (cases.similarity.propose_threads: meaning
  across wording and rules); each names the thread (`digests.models.Thread`) most of its cases
  are in, if any; its readable words are worked out when the digest is read, from the cases
  the reader may see;
- consistency flags: every pair of similar cases (the engine's flag threshold, or both in one
  thread) with current settling decisions recorded in the period pointing opposite ways (apply
  the rule against room within it or deviation), across teams in the organisation's digest; a
  case may be in several flags; each flag names its thread;
- follow-up: as at the end of the period (an escalation raised after it is not counted);
- days to decision: median and 90th percentile of the unrounded durations, rounded once.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict

from django.db.models import Count, Min
from django.utils import timezone

from cases.models import Barrier, Case, Rule
from cases.similar import index_with
from cases.similarity import DEPARTS, FOLLOWS, consistency_flags, propose_threads
from cases.similarity import Thread as EngineThread
from deliberations.models import DEPARTS_FROM_RULE, FOLLOWS_RULE, Decision, DecisionKind

from . import figures
from .figures import period_bounds
from .models import FORMAT_VERSION, Signal
from .sql import among, on_postgresql, with_ids
from .threads import threads_of_cases

MIN_PATTERN_SIZE = 3
MAX_PATTERNS = 20
MAX_CASE_IDS = 200
MAX_FLAGS = 100
# Up to this many decisions in a period, the values weighed are looked up by decision id.
FEW_DECISIONS = 50_000


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    length = (end - start).days + 1
    return start - dt.timedelta(days=length), start - dt.timedelta(days=1)


def nearest_rank(values: list[float], percentile: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(percentile / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _rounded(value: float | None) -> float | None:
    """Rounded once, for display, after the statistic was computed on unrounded values."""
    return None if value is None else round(value, 1)


def build_digest(team, start: dt.date, end: dt.date) -> dict:
    if end < start:
        raise ValueError("end before start")
    cases = figures.scope_cases(team)
    since, until = period_bounds(start, end)
    scoped = figures.scope(team, cases)
    decisions = scoped(figures.current_decisions(since, until))
    # One read of the period's cases and one of its decisions serve most figures.
    submitted = _submitted_cases(figures.submitted(cases, since, until))
    current = list(
        decisions.values_list("case_id", "pk", "kind", "rule_chafes").order_by(
            "case_id", "created_at", "pk"
        )
    )
    first_decisions = _first_decisions(scoped, since, until)
    about = _CaseFacts(submitted)
    about.need(case_id for case_id, *_ in current)
    about.need(case_id for case_id, _ in first_decisions)
    latest = _settling(current)
    index = index_with([row[PK] for row in submitted] + sorted(latest))
    patterns, proposed = _patterns(index, submitted)
    return {
        "format_version": FORMAT_VERSION,
        "scope": {"team_id": team.pk if team else None, "team": team.name if team else None},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "counts": _counts(cases, submitted, first_decisions, about, until),
        "rules": _rules(cases, submitted, start, end),
        "barriers": _barriers(submitted),
        "decision_mix": _decision_mix(current),
        "values": _values(decisions, current),
        "deviation_grounds": _deviation_grounds(scoped(figures.deviations(since, until))),
        "patterns": patterns,
        "consistency_flags": _consistency_flags(index, latest, proposed),
        "signals": _signals(current, about, end),
        "outcomes": _outcomes(scoped, since, until),
        "follow_up": _follow_up(scoped, end),
        "examples": _examples(scoped, since, until),
    }


# The cases submitted in the period, one row each: (pk, rule id, barrier id, submitted at).
PK, RULE, BARRIER, SUBMITTED = range(4)
FACTS = ("pk", "rule_id", "barrier_id", "submitted_at")


def _submitted_cases(in_period) -> list[tuple]:
    return list(in_period.values_list(*FACTS).order_by("pk"))


class _CaseFacts:
    """The rows above for any case a figure needs: the period's from the one read; the others
    (cases decided in the period but submitted before it) fetched by id, once, when first
    needed."""

    def __init__(self, submitted: list[tuple]) -> None:
        self.rows = {row[PK]: row for row in submitted}
        self.wanted: set[int] = set()

    def need(self, case_ids) -> None:
        self.wanted.update(pk for pk in case_ids if pk not in self.rows)

    def __getitem__(self, case_id: int) -> tuple:
        if self.wanted:
            missing, self.wanted = sorted(self.wanted), set()
            for row in with_ids(Case.objects.order_by().values_list(*FACTS), missing):
                self.rows[row[PK]] = row
        return self.rows[case_id]


def _first_decisions(scoped, since, until) -> list[tuple[int, dt.datetime]]:
    """(case id, time) of each case first decided in the period (`figures.first_decisions`)."""
    return list(
        scoped(figures.first_decisions(since, until))
        .values("case_id")
        .annotate(first=Min("created_at"))
        .order_by("case_id")
        .values_list("case_id", "first")
    )


def _counts(cases, submitted, first_decisions, about, until) -> dict:
    days = []
    for case_id, first in first_decisions:
        submitted_at = about[case_id][SUBMITTED]
        if submitted_at is not None:
            days.append((first - submitted_at).total_seconds() / 86400)
    return {
        "submitted": len(submitted),
        "decided": len(days),
        "open": figures.open_at(cases, until).count(),
        "days_to_decision_median": _rounded(median(days)),
        "days_to_decision_p90": _rounded(nearest_rank(days, 90)),
    }


def _rule_label(rule: Rule | None) -> str:
    return str(rule) if rule else ""


def _rules(cases, submitted, start, end) -> list[dict]:
    previous_start, previous_end = previous_period(start, end)
    previous_since, previous_until = period_bounds(previous_start, previous_end)
    now = Counter(row[RULE] for row in submitted)
    before = Counter(
        dict(
            figures.submitted(cases, previous_since, previous_until)
            .values_list("rule_id")
            .annotate(n=Count("id"))
            .order_by()
        )
    )
    rules = Rule.objects.select_related("regulation").in_bulk([k for k in now if k])
    rows = [
        {
            "rule_id": rule_id,
            "label": _rule_label(rules.get(rule_id)),
            "cases": count,
            "previous": before.get(rule_id, 0),
            "change": count - before.get(rule_id, 0),
        }
        for rule_id, count in now.items()
    ]
    # Cases whose rule is not in the list yet come last: they are not one rule.
    return sorted(rows, key=lambda row: (row["rule_id"] is None, -row["cases"], row["label"]))


def _barriers(submitted) -> dict:
    counts = Counter(row[BARRIER] for row in submitted)
    barriers = Barrier.objects.in_bulk([k for k in counts if k])
    rows = sorted(
        (
            {
                "barrier_id": barrier_id,
                "name": barriers[barrier_id].name,
                "kind": barriers[barrier_id].kind,
                "corner": barriers[barrier_id].corner,
                "cases": count,
            }
            for barrier_id, count in counts.items()
            if barrier_id in barriers
        ),
        key=lambda row: (-row["cases"], row["name"]),
    )
    kinds = Counter()
    corners = Counter()
    for row in rows:
        kinds[row["kind"]] += row["cases"]
        corners[row["corner"]] += row["cases"]
    return {
        "rows": rows,
        "kinds": {kind: kinds.get(kind, 0) for kind in Barrier.Kind.values},
        "corners": {corner: corners.get(corner, 0) for corner in Barrier.Corner.values},
        "without_barrier": counts.get(None, 0),
    }


def _decision_mix(current) -> dict:
    counts = Counter(kind for _, _, kind, _ in current)
    return {kind: counts.get(kind, 0) for kind in DecisionKind.values}


def _values(decisions, current) -> list[dict]:
    if not current:
        return []
    through = Decision.public_values.through
    ids = [pk for _, pk, _, _ in current]
    if len(ids) <= FEW_DECISIONS and on_postgresql(decisions):
        weighed = among(through.objects.all(), "decision_id", ids)
    else:
        # The period's decisions lie in a range of ids (they were made in the period). Saying
        # so lets PostgreSQL read that range of the values table instead of all of it.
        weighed = through.objects.filter(
            decision__in=decisions, decision__gte=min(ids), decision__lte=max(ids)
        )
    rows = (
        weighed.values("publicvalue_id", "publicvalue__name")
        .annotate(n=Count("id"))
        .order_by("-n", "publicvalue__name")
    )
    return [
        {"value_id": row["publicvalue_id"], "name": row["publicvalue__name"], "count": row["n"]}
        for row in rows
    ]


def _deviation_grounds(deviations) -> list[dict]:
    """Deviations and room within the rules per legal ground: the ground's id (None: none
    named, as before grounds were recorded), the count and the cases; ids and numbers only."""
    cases: dict[int | None, list[int]] = {}
    for ground_id, case_id in deviations.values_list("legal_ground_id", "case_id").order_by(
        "legal_ground__position", "legal_ground_id", "case_id"
    ):
        cases.setdefault(ground_id, []).append(case_id)
    ordered = [key for key in cases if key is not None] + ([None] if None in cases else [])
    return [
        {"ground_id": key, "decisions": len(cases[key]), "case_ids": sorted(set(cases[key]))}
        for key in ordered
    ]


def _patterns(index, submitted) -> tuple[list[dict], list]:
    """The period's rode draden, by the similarity engine; ids and numbers only."""
    keys = [row[PK] for row in submitted]
    proposed = propose_threads(index, keys) if len(keys) >= MIN_PATTERN_SIZE else []
    thread_of = threads_of_cases(keys)
    rules = Rule.objects.select_related("regulation").in_bulk(
        {thread.rules[0] for thread in proposed if thread.rules}
    )
    patterns = []
    for number, thread in enumerate(proposed[:MAX_PATTERNS]):
        named = Counter(thread_of[pk] for pk in thread.keys if pk in thread_of)
        thread_id = min(named, key=lambda pk: (-named[pk], pk)) if named else None
        rule_id = thread.rules[0] if thread.rules else None
        patterns.append(
            {
                "number": number,
                "rule_id": rule_id,
                "rule": _rule_label(rules.get(rule_id)),
                "rule_ids": list(thread.rules),
                "size": len(thread.keys),
                "case_ids": sorted(thread.keys)[:MAX_CASE_IDS],
                "thread_id": thread_id,
            }
        )
    return patterns, proposed


def _settling(current) -> dict[int, tuple[int, str]]:
    """Each case's latest current settling decision of the period: (decision id, kind)."""
    latest = {}
    for case_id, pk, kind, _ in current:  # ordered by case, then time: the last one wins
        if kind in FOLLOWS_RULE or kind in DEPARTS_FROM_RULE:
            latest[case_id] = (pk, kind)
    return latest


def _consistency_flags(index, latest, proposed) -> list[dict]:
    if not latest:
        return []
    directions = {
        pk: FOLLOWS if kind in FOLLOWS_RULE else DEPARTS for pk, (_, kind) in latest.items()
    }
    # The threads people named count as well as the period's proposals: two cases in one
    # confirmed thread are the same situation.
    thread_of = threads_of_cases(list(latest))
    named: dict[int, list[int]] = defaultdict(list)
    for case_id, thread_id in thread_of.items():
        named[thread_id].append(case_id)
    known = [
        EngineThread(keys=tuple(keys), labels=(), rules=(), cohesion=0.0)
        for _, keys in sorted(named.items())
    ]
    found = consistency_flags(index, directions, [*proposed, *known])
    teams = dict(Case.objects.filter(pk__in=sorted(latest)).order_by().values_list("pk", "team_id"))

    def side(case_id: int) -> dict:
        # Ids only: the page fetches the text of the cases its reader may see.
        decision_id, kind = latest[case_id]
        return {
            "case_id": case_id,
            "team_id": teams.get(case_id),
            "decision_id": decision_id,
            "kind": kind,
        }

    flags = []
    for flag in found[:MAX_FLAGS]:
        # The case that applied the rule first, as the page shows it.
        a, b = (flag.a, flag.b) if directions[flag.a] == FOLLOWS else (flag.b, flag.a)
        shared = thread_of.get(a) if thread_of.get(a) == thread_of.get(b) else None
        pattern = flag.thread if flag.thread is not None and flag.thread < len(proposed) else None
        flags.append(
            {
                "similarity": round(flag.similarity, 3),
                "a": side(a),
                "b": side(b),
                "thread_id": shared,
                "pattern": pattern if pattern is not None and pattern < MAX_PATTERNS else None,
            }
        )
    return flags


def _signals(current, about, end: dt.date) -> list[dict]:
    per_rule: dict[int, list[int]] = defaultdict(list)
    for case_id, _, _, rule_chafes in current:
        if rule_chafes and about[case_id][RULE] is not None:
            per_rule[about[case_id][RULE]].append(case_id)
    per_rule = {rule_id: per_rule[rule_id] for rule_id in sorted(per_rule)}
    rules = Rule.objects.select_related("regulation").in_bulk(list(per_rule))
    signals = {s.rule_id: s for s in Signal.objects.filter(rule_id__in=list(per_rule))}
    rows = []
    for rule_id, case_ids in per_rule.items():
        signal = signals.get(rule_id)
        rows.append(
            {
                "rule_id": rule_id,
                "rule": _rule_label(rules.get(rule_id)),
                "count": len(case_ids),
                "case_ids": sorted(set(case_ids))[:MAX_CASE_IDS],
                "signal_id": signal.pk if signal else None,
                "state": signal.state if signal else Signal.State.OPEN,
                "age_days": (end - timezone.localtime(signal.created_at).date()).days
                if signal
                else 0,
            }
        )
    return sorted(rows, key=lambda row: (-row["count"], row["rule"]))


def _outcomes(scoped, since, until) -> dict:
    rows = (
        scoped(figures.outcomes(since, until))
        .values_list("decision__kind", "served")
        .annotate(n=Count("id"))
        .order_by()
    )
    table: dict[str, dict] = {}
    for kind, served, count in rows:
        table.setdefault(kind, {"yes": 0, "partly": 0, "no": 0})[served] = count
    result = {}
    for kind in DecisionKind.values:
        if kind not in table:
            continue
        counts = table[kind]
        total = sum(counts.values())
        result[kind] = {
            **counts,
            "total": total,
            "share_yes": round(counts["yes"] / total, 3),
            "share_partly": round(counts["partly"] / total, 3),
            "share_no": round(counts["no"] / total, 3),
        }
    return result


def _follow_up(scoped, end: dt.date) -> dict:
    # Of the overdue actions, the first case ids of each part only.
    overdue, overdue_case_ids = 0, set()
    for part in figures.overdue_actions(end):
        actions = scoped(part).order_by()
        overdue += actions.count()
        overdue_case_ids.update(
            actions.values_list("case_id", flat=True).distinct().order_by("case_id")[:MAX_CASE_IDS]
        )
    pending = scoped(figures.evaluation_pending(end)).values("case_id").distinct()
    escalations = (
        scoped(figures.open_escalations(end))
        .values_list("pk", "case_id", "created_at")
        .order_by("created_at", "pk")
    )
    open_escalations = [
        {
            "escalation_id": pk,
            "case_id": case_id,
            "age_days": max(0, (end - timezone.localtime(created).date()).days),
        }
        for pk, case_id, created in escalations
    ]
    return {
        "actions_overdue": overdue,
        "actions_overdue_case_ids": sorted(overdue_case_ids)[:MAX_CASE_IDS],
        "outcomes_pending": pending.count(),
        "escalations_open": len(open_escalations),
        "escalations": open_escalations[:MAX_CASE_IDS],
    }


def _examples(scoped, since, until) -> list[dict]:
    """The good examples published in the period, by id: the page reads their titles."""
    return [
        {"story_id": pk}
        for pk in scoped(figures.stories_published(since, until))
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)
    ]


def headline(data: dict) -> dict:
    """The few figures for e-mails and the director's home page."""
    counts = data["counts"]
    top_rule = data["rules"][0] if data["rules"] else None
    return {
        "submitted": counts["submitted"],
        "decided": counts["decided"],
        "open": counts["open"],
        "median_days": counts["days_to_decision_median"],
        "top_rule": top_rule["label"] if top_rule else "",
        "top_rule_cases": top_rule["cases"] if top_rule else 0,
        "flags": len(data["consistency_flags"]),
        "signals": len(data["signals"]),
    }
