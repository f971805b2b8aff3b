"""The pattern computations behind a digest: plain functions over querysets, plain data out.

`build_digest(team_or_none, start, end)` is deterministic: the same data gives the same digest.
No Celery here; `digests/tasks.py` only schedules this and stores the result.

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
- recurring patterns: cases submitted in the period that share their rule and their own two
  most frequent keywords (see cases.keywords), three cases or more;
- consistency flags: cases decided in the period, in the same pattern group, with current
  decisions pointing opposite ways (apply the rule against room within it or deviation).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict

from django.db.models import Count, Min, Q
from django.utils import timezone

from cases.models import Barrier, Case, CaseStatus, Rule
from deliberations.models import (
    DEPARTS_FROM_RULE,
    FOLLOWS_RULE,
    Action,
    Decision,
    DecisionKind,
    Escalation,
    Outcome,
)

from .models import FORMAT_VERSION, Signal, Story

MIN_PATTERN_SIZE = 3
MAX_PATTERNS = 20
MAX_CASE_IDS = 200
MAX_FLAGS = 25
MIN_FLAG_SIMILARITY = 0.25
MAX_PAIRS_PER_GROUP = 400
SIGNATURE_WORDS = 2
OPEN_STATUSES = [CaseStatus.SUBMITTED, CaseStatus.SCHEDULED, CaseStatus.ESCALATED]


def period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


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
    return round((ordered[middle - 1] + ordered[middle]) / 2, 1)


def build_digest(team, start: dt.date, end: dt.date) -> dict:
    if end < start:
        raise ValueError("end before start")
    cases = Case.objects.exclude(status=CaseStatus.DRAFT)
    if team is not None:
        cases = cases.filter(team=team)
    since, until = period_bounds(start, end)
    in_period = cases.filter(submitted_at__gte=since, submitted_at__lt=until)
    decisions = Decision.objects.filter(
        case__in=cases, created_at__gte=since, created_at__lt=until, superseded_by__isnull=True
    )
    keyed = _keyed_cases(in_period)
    return {
        "format_version": FORMAT_VERSION,
        "scope": {"team_id": team.pk if team else None, "team": team.name if team else None},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "counts": _counts(cases, in_period, since, until),
        "rules": _rules(cases, in_period, start, end),
        "barriers": _barriers(in_period),
        "decision_mix": _decision_mix(decisions),
        "values": _values(decisions),
        "patterns": _patterns(keyed),
        "consistency_flags": _consistency_flags(cases, keyed, since, until),
        "signals": _signals(decisions, end),
        "outcomes": _outcomes(cases, since, until),
        "follow_up": _follow_up(cases, end, until),
        "examples": _examples(cases, since, until),
    }


def _counts(cases, in_period, since, until) -> dict:
    first_decisions = (
        Decision.objects.filter(case__in=cases)
        .exclude(kind__in=[DecisionKind.POSTPONE, DecisionKind.ESCALATE])
        .values("case_id", "case__submitted_at")
        .annotate(first=Min("created_at"))
        .filter(first__gte=since, first__lt=until)
        .order_by("case_id")
    )
    days = [
        round((row["first"] - row["case__submitted_at"]).total_seconds() / 86400, 1)
        for row in first_decisions
        if row["case__submitted_at"] is not None
    ]
    return {
        "submitted": in_period.count(),
        "decided": len(days),
        "open": cases.filter(status__in=OPEN_STATUSES, submitted_at__lt=until).count(),
        "days_to_decision_median": median(days),
        "days_to_decision_p90": nearest_rank(days, 90),
    }


def _rule_label(rule: Rule | None) -> str:
    return str(rule) if rule else ""


def _rules(cases, in_period, start, end) -> list[dict]:
    previous_start, previous_end = previous_period(start, end)
    previous_since, previous_until = period_bounds(previous_start, previous_end)
    now = Counter(dict(in_period.values_list("rule_id").annotate(n=Count("id")).order_by()))
    before = Counter(
        dict(
            cases.filter(submitted_at__gte=previous_since, submitted_at__lt=previous_until)
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


def _barriers(in_period) -> dict:
    counts = dict(in_period.values_list("barrier_id").annotate(n=Count("id")).order_by())
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


def _decision_mix(decisions) -> dict:
    counts = dict(decisions.values_list("kind").annotate(n=Count("id")).order_by())
    return {kind: counts.get(kind, 0) for kind in DecisionKind.values}


def _values(decisions) -> list[dict]:
    through = Decision.public_values.through
    rows = (
        through.objects.filter(decision__in=decisions)
        .values("publicvalue_id", "publicvalue__name")
        .annotate(n=Count("id"))
        .order_by("-n", "publicvalue__name")
    )
    return [
        {"value_id": row["publicvalue_id"], "name": row["publicvalue__name"], "count": row["n"]}
        for row in rows
    ]


def _keyed_cases(queryset) -> list[tuple[int, int | None, tuple[str, ...]]]:
    return [
        (pk, rule_id, tuple(words.split()))
        for pk, rule_id, words in queryset.values_list("pk", "rule_id", "keywords").order_by("pk")
    ]


def _signatures(keyed) -> dict[int, tuple]:
    """Each case's group: its rule and its own two most frequent keywords.

    The keywords are the case's, ranked when it was saved, so a case lands in the same group
    in its team's digest and in the organisation's, whatever else the scope holds.
    """
    return {pk: (rule_id, tuple(sorted(words[:SIGNATURE_WORDS]))) for pk, rule_id, words in keyed}


def _patterns(keyed) -> list[dict]:
    signatures = _signatures(keyed)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for pk, signature in signatures.items():
        groups[signature].append(pk)
    words_of = {pk: words for pk, _, words in keyed}
    rules = Rule.objects.select_related("regulation").in_bulk(
        {rule_id for (rule_id, _), members in groups.items() if rule_id}
    )
    patterns = []
    for (rule_id, signature_words), members in groups.items():
        if len(members) < MIN_PATTERN_SIZE or not signature_words:
            continue
        common = Counter(w for pk in members for w in words_of[pk] if w not in signature_words)
        extra = [w for w, _ in sorted(common.items(), key=lambda p: (-p[1], p[0]))[:3]]
        patterns.append(
            {
                "rule_id": rule_id,
                "rule": _rule_label(rules.get(rule_id)),
                "size": len(members),
                "words": [*signature_words, *extra],
                "case_ids": sorted(members)[:MAX_CASE_IDS],
            }
        )
    patterns.sort(key=lambda p: (-p["size"], p["rule"], p["words"]))
    return patterns[:MAX_PATTERNS]


def _consistency_flags(cases, keyed_in_period, since, until) -> list[dict]:
    current = (
        Decision.objects.filter(case__in=cases, superseded_by__isnull=True)
        .filter(kind__in=[*FOLLOWS_RULE, *DEPARTS_FROM_RULE])
        .filter(created_at__gte=since, created_at__lt=until)
        .values_list("case_id", "pk", "kind")
        .order_by("case_id", "created_at", "pk")
    )
    latest = {case_id: (pk, kind) for case_id, pk, kind in current}
    if not latest:
        return []
    keyed = _keyed_cases(Case.objects.filter(pk__in=list(latest)))
    signatures = _signatures(keyed)
    words_of = {pk: set(words) for pk, _, words in keyed}
    groups: dict[tuple, list[int]] = defaultdict(list)
    for pk in sorted(signatures):
        if signatures[pk][0] is not None:
            groups[signatures[pk]].append(pk)
    candidates = []
    for members in groups.values():
        follows = [pk for pk in members if latest[pk][1] in FOLLOWS_RULE]
        departs = [pk for pk in members if latest[pk][1] in DEPARTS_FROM_RULE]
        pairs = [(a, b) for a in follows for b in departs][:MAX_PAIRS_PER_GROUP]
        for a, b in pairs:
            union = words_of[a] | words_of[b]
            similarity = len(words_of[a] & words_of[b]) / len(union) if union else 0.0
            if similarity >= MIN_FLAG_SIMILARITY:
                candidates.append((round(similarity, 3), a, b))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen, used = [], set()
    for similarity, a, b in candidates:
        if a in used or b in used:
            continue
        chosen.append((similarity, a, b))
        used.update((a, b))
        if len(chosen) == MAX_FLAGS:
            break
    decisions = Decision.objects.select_related("case").in_bulk(
        [latest[pk][0] for _, a, b in chosen for pk in (a, b)]
    )

    def side(case_id: int) -> dict:
        decision = decisions[latest[case_id][0]]
        return {
            "case_id": case_id,
            "reference": decision.case.reference,
            "title": decision.case.title,
            "kind": decision.kind,
            "rationale": decision.rationale,
            "difference": decision.difference,
        }

    return [{"similarity": s, "a": side(a), "b": side(b)} for s, a, b in chosen]


def _signals(decisions, end: dt.date) -> list[dict]:
    flagged = (
        decisions.filter(rule_chafes=True, case__rule__isnull=False)
        .values_list("case__rule_id", "case_id")
        .order_by("case__rule_id", "case_id")
    )
    per_rule: dict[int, list[int]] = defaultdict(list)
    for rule_id, case_id in flagged:
        per_rule[rule_id].append(case_id)
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


def _outcomes(cases, since, until) -> dict:
    rows = (
        Outcome.objects.filter(case__in=cases, created_at__gte=since, created_at__lt=until)
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


def _follow_up(cases, end: dt.date, until) -> dict:
    overdue = Action.objects.filter(case__in=cases, due_on__lt=end).filter(
        Q(done_at__isnull=True) | Q(done_at__gte=until)
    )
    pending = (
        Decision.objects.filter(case__in=cases, superseded_by__isnull=True, evaluate_on__lte=end)
        .filter(Q(case__outcome__isnull=True) | Q(case__outcome__created_at__gte=until))
        .exclude(kind__in=[DecisionKind.POSTPONE, DecisionKind.ESCALATE])
        .values("case_id")
        .distinct()
    )
    escalations = (
        Escalation.objects.filter(case__in=cases, status=Escalation.Status.OPEN)
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
        "actions_overdue": overdue.count(),
        "actions_overdue_case_ids": sorted(set(overdue.values_list("case_id", flat=True)))[
            :MAX_CASE_IDS
        ],
        "outcomes_pending": pending.count(),
        "escalations_open": len(open_escalations),
        "escalations": open_escalations[:MAX_CASE_IDS],
    }


def _examples(cases, since, until) -> list[dict]:
    return [
        {"story_id": pk, "title": title}
        for pk, title in Story.objects.filter(
            case__in=cases, published_at__gte=since, published_at__lt=until
        )
        .order_by("-published_at", "-pk")
        .values_list("pk", "title")
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
