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
- recurring patterns: cases submitted in the period that share their rule and their own two
  most frequent keywords (see cases.keywords), three cases or more; their words are those two
  and the three most frequent others of the cases the reader may see (`pattern_words`), worked
  out when the digest is read;
- consistency flags: cases decided in the period, in the same pattern group, with current
  decisions pointing opposite ways (apply the rule against room within it or deviation).
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter, defaultdict

from django.db.models import Count, Min
from django.utils import timezone

from cases.models import Barrier, Case, Rule
from deliberations.models import DEPARTS_FROM_RULE, FOLLOWS_RULE, Decision, DecisionKind

from . import figures
from .figures import period_bounds
from .models import FORMAT_VERSION, Signal
from .sql import among, on_postgresql, with_ids

MIN_PATTERN_SIZE = 3
MAX_PATTERNS = 20
MAX_CASE_IDS = 200
MAX_FLAGS = 25
MIN_FLAG_SIMILARITY = 0.25
MAX_PAIRS_PER_GROUP = 400
SIGNATURE_WORDS = 2
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
    return round((ordered[middle - 1] + ordered[middle]) / 2, 1)


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
    return {
        "format_version": FORMAT_VERSION,
        "scope": {"team_id": team.pk if team else None, "team": team.name if team else None},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "counts": _counts(cases, submitted, first_decisions, about, until),
        "rules": _rules(cases, submitted, start, end),
        "barriers": _barriers(submitted),
        "decision_mix": _decision_mix(current),
        "values": _values(decisions, current),
        "patterns": _patterns(submitted),
        "consistency_flags": _consistency_flags(current, about),
        "signals": _signals(current, about, end),
        "outcomes": _outcomes(scoped, since, until),
        "follow_up": _follow_up(scoped, end),
        "examples": _examples(scoped, since, until),
    }


# The cases submitted in the period, one row each: (pk, rule id, barrier id, submitted at,
# keywords). The keywords stay one string, split only where needed.
PK, RULE, BARRIER, SUBMITTED, KEYWORDS = range(5)
FACTS = ("pk", "rule_id", "barrier_id", "submitted_at", "keywords")


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
            days.append(round((first - submitted_at).total_seconds() / 86400, 1))
    return {
        "submitted": len(submitted),
        "decided": len(days),
        "open": figures.open_at(cases, until).count(),
        "days_to_decision_median": median(days),
        "days_to_decision_p90": nearest_rank(days, 90),
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


def _signature(rule_id: int | None, words: str) -> tuple:
    """A case's group: its rule and its own two most frequent keywords.

    The keywords are the case's, ranked when it was saved, so a case lands in the same group
    in its team's digest and in the organisation's, whatever else the scope holds.
    """
    return (rule_id, tuple(sorted(words.split(maxsplit=SIGNATURE_WORDS)[:SIGNATURE_WORDS])))


def _patterns(submitted) -> list[dict]:
    groups: dict[tuple, list[int]] = defaultdict(list)
    words_of = {}
    for row in submitted:
        groups[_signature(row[RULE], row[KEYWORDS])].append(row[PK])
        words_of[row[PK]] = row[KEYWORDS]
    groups = {
        key: members
        for key, members in groups.items()
        if len(members) >= MIN_PATTERN_SIZE and key[1]
    }
    rules = Rule.objects.select_related("regulation").in_bulk(
        {rule_id for (rule_id, _) in groups if rule_id}
    )
    # Patterns are ranked by size, rule and words; the words beyond the signature only break
    # ties, so only the groups that can still make the list (ties included) need them.
    ranked = sorted(groups, key=lambda key: (-len(groups[key]), _rule_label(rules.get(key[0]))))
    if len(ranked) > MAX_PATTERNS:
        last = ranked[MAX_PATTERNS - 1]
        cut = (-len(groups[last]), _rule_label(rules.get(last[0])))
        ranked = [
            key for key in ranked if (-len(groups[key]), _rule_label(rules.get(key[0]))) <= cut
        ]
    patterns = []
    for key in ranked:
        members = groups[key]
        pattern = {
            "rule_id": key[0],
            "rule": _rule_label(rules.get(key[0])),
            "size": len(members),
            "case_ids": sorted(members)[:MAX_CASE_IDS],
        }
        # The words order the patterns but are not stored: they come from the cases' text.
        words = pattern_words([words_of[pk] for pk in members])
        patterns.append((pattern["size"], pattern["rule"], words, pattern))
    patterns.sort(key=lambda p: (-p[0], p[1], p[2]))
    return [pattern for *_, pattern in patterns[:MAX_PATTERNS]]


def pattern_words(keywords: list[str]) -> list[str]:
    """A pattern's words, from the keywords of its cases: the two its cases share (the most
    common signature, should a case have changed since) and the three most frequent others.

    A stored digest holds no words; a page works them out from the cases its reader may see.
    """
    if not keywords:
        return []
    signatures = Counter(_signature(None, words)[1] for words in keywords)
    signature = min(signatures, key=lambda words: (-signatures[words], words))
    common = Counter(w for words in keywords for w in words.split() if w not in signature)
    extra = [w for w, _ in sorted(common.items(), key=lambda p: (-p[1], p[0]))[:3]]
    return [*signature, *extra]


def _word_bits(about: _CaseFacts, case_ids: list[int]) -> dict[int, int]:
    """Each case's set of keywords as an integer with one bit per word of these cases."""
    numbers: dict[str, int] = {}
    bits = {}
    for pk in case_ids:
        value = 0
        for word in about[pk][KEYWORDS].split():
            value |= 1 << numbers.setdefault(word, len(numbers))
        bits[pk] = value
    return bits


def _consistency_flags(current, about) -> list[dict]:
    latest = {}
    for case_id, pk, kind, _ in current:  # ordered by case, then time: the last one wins
        if kind in FOLLOWS_RULE or kind in DEPARTS_FROM_RULE:
            latest[case_id] = (pk, kind)
    if not latest:
        return []
    groups: dict[tuple, list[int]] = defaultdict(list)
    for pk in sorted(latest):
        row = about[pk]
        if row[RULE] is not None:
            groups[_signature(row[RULE], row[KEYWORDS])].append(pk)
    candidates = []  # (-similarity, a, b): a heap, popped best first
    for members in groups.values():
        follows = [pk for pk in members if latest[pk][1] in FOLLOWS_RULE]
        departs = [pk for pk in members if latest[pk][1] in DEPARTS_FROM_RULE]
        if not follows or not departs:
            continue
        # Only the first pairs (a large group has hundreds of thousands), in the order
        # (follows, departs); each case's keywords as bits over the group's words.
        rows = min(len(follows), -(-MAX_PAIRS_PER_GROUP // len(departs)))
        bits = _word_bits(about, follows[:rows] + departs)
        left = MAX_PAIRS_PER_GROUP
        for a in follows[:rows]:
            if left <= 0:
                break
            bits_a = bits[a]
            size_a = bits_a.bit_count()
            for b in departs[:left]:
                shared = (bits_a & bits[b]).bit_count()
                union = size_a + bits[b].bit_count() - shared
                similarity = shared / union if union else 0.0
                if similarity >= MIN_FLAG_SIMILARITY:
                    candidates.append((-round(similarity, 3), a, b))
            left -= len(departs)
    # Only the best few pairs are taken: a heap orders just as many as it takes to find them.
    heapq.heapify(candidates)
    chosen, used = [], set()
    while candidates and len(chosen) < MAX_FLAGS:
        similarity, a, b = heapq.heappop(candidates)
        if a in used or b in used:
            continue
        chosen.append((-similarity, a, b))
        used.update((a, b))
    teams = dict(Case.objects.filter(pk__in=sorted(used)).order_by().values_list("pk", "team_id"))

    def side(case_id: int) -> dict:
        # Ids only: the page fetches the text of the cases its reader may see.
        decision_id, kind = latest[case_id]
        return {
            "case_id": case_id,
            "team_id": teams.get(case_id),
            "decision_id": decision_id,
            "kind": kind,
        }

    return [{"similarity": s, "a": side(a), "b": side(b)} for s, a, b in chosen]


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
        scoped(figures.open_escalations())
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
