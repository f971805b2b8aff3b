"""Rode draden as things people name and follow: proposals from the similarity engine, and what
a lead or director does with them (confirm, rename, merge, split, reject, link a case, turn a
thread into a rule-change signal).

The machine proposes (`propose_threads_for`, a Celery task every night and after the engine's
index changed much): groups of three or more similar cases of the last year, with readable
words from their texts. A proposal whose cases were mostly in a rejected proposal is not made
again; cases already in a confirmed thread are left out of new proposals (the "link it?"
prompt offers them to that thread instead).

Access: a thread is visible to the leads and directors of a team that one of its cases is in
(`Thread.objects.visible_to`). What they read of it is worked out here (`ThreadReading`): the
cases they may see with their text, and of the other teams' cases only how many and which team.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cases.models import Case, Rule
from cases.similar import current_index, index_with, indexed_cases, texts_of
from cases.similarity import ThreadSettings, label_thread, propose_threads, thread_affinity
from organisations import clock
from organisations.models import Membership, Role

from .models import Signal, Thread
from .services import record_move

# A year of cases is proposed from; a proposal sharing more than this share of its cases with
# a rejected one is not made again.
PROPOSAL_DAYS = 365
REJECTED_OVERLAP = 0.5
# "This looks like rode draad X": the mean similarity to the thread's cases (average linkage,
# as threads are formed) at least this.
AFFINITY_MIN = ThreadSettings().merge_threshold
MIN_SIZE = ThreadSettings().min_size


class NotAllowed(Exception):
    """The thread is not in a state for this action."""


# Who may do what -----------------------------------------------------------------------------


def may_manage_threads(user) -> bool:
    return Membership.objects.holds(user, Role.LEAD, Role.DIRECTOR)


def get_thread_for(user, pk: int) -> Thread:
    """A thread this person may see; 404 for others, 403 for someone who is no lead or
    director anywhere."""
    if not may_manage_threads(user):
        raise PermissionDenied
    thread = Thread.objects.visible_to(user).filter(pk=pk).first()
    if thread is None:
        raise Http404
    return thread


# Proposals ------------------------------------------------------------------------------------


def _year_of_cases(today: dt.date) -> list[int]:
    since = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=PROPOSAL_DAYS), dt.time())
    )
    return list(
        indexed_cases().filter(submitted_at__gte=since).order_by("pk").values_list("pk", flat=True)
    )


@transaction.atomic
def propose_threads_for(*, today: dt.date | None = None) -> list[Thread]:
    """Propose the threads of the last year's cases; returns the proposals made or updated.

    For Celery (and the demo): it loads or builds the similarity index."""
    ids = _year_of_cases(today or clock.today())
    if len(ids) < MIN_SIZE:
        return []
    index = index_with(ids)
    confirmed = set(
        Thread.cases.through.objects.filter(
            thread__status=Thread.Status.CONFIRMED, thread__merged_into__isnull=True
        ).values_list("case_id", flat=True)
    )
    rejected = [
        set(thread.cases.values_list("pk", flat=True))
        for thread in Thread.objects.filter(status=Thread.Status.REJECTED)
    ]
    open_proposals = {
        thread: set(thread.cases.values_list("pk", flat=True))
        for thread in Thread.objects.filter(status=Thread.Status.PROPOSED, merged_into__isnull=True)
    }
    texts = texts_of(ids)
    made = []
    for found in propose_threads(index, ids, texts=texts):
        members = set(found.keys) - confirmed
        if len(members) < MIN_SIZE:
            continue
        if any(len(members & old) > REJECTED_OVERLAP * len(members) for old in rejected):
            continue
        same = next(
            (t for t, old in open_proposals.items() if len(members & old) > len(members) / 2),
            None,
        )
        if same is None:
            same = Thread.objects.create(labels=list(found.labels))
        else:
            same.labels = list(found.labels)
            same.save(update_fields=["labels"])
            open_proposals.pop(same)
        same.cases.set(sorted(members))
        made.append(same)
    return made


# What people do with threads --------------------------------------------------------------


def _locked(thread: Thread) -> Thread:
    return Thread.objects.select_for_update().get(pk=thread.pk)


def _clean(name: str, description: str, confirmed: bool) -> tuple[str, str]:
    """Through the privacy guard, as all free text (raises PersonalDataRefused)."""
    from cases.guard import guard_model

    name, description = name.strip(), description.strip()
    guard_model(Thread, {"name": name, "description": description}, confirmed=confirmed)
    return name, description


@transaction.atomic
def confirm_thread(
    *, thread: Thread, actor, name: str, description: str = "", confirmed: bool = False
) -> Thread:
    """A lead or director confirms a proposal and names it."""
    thread = _locked(thread)
    if thread.status != Thread.Status.PROPOSED:
        raise NotAllowed(thread.status)
    thread.name, thread.description = _clean(name, description, confirmed)
    thread.status = Thread.Status.CONFIRMED
    thread.confirmed_at = clock.now()
    thread.confirmed_by = actor
    thread.version += 1
    thread.save(
        update_fields=["name", "description", "status", "confirmed_at", "confirmed_by", "version"]
    )
    return thread


@transaction.atomic
def rename_thread(
    *, thread: Thread, actor, name: str, description: str = "", confirmed: bool = False
) -> Thread:
    thread = _locked(thread)
    if thread.status == Thread.Status.REJECTED:
        raise NotAllowed(thread.status)
    thread.name, thread.description = _clean(name, description, confirmed)
    thread.version += 1
    thread.save(update_fields=["name", "description", "version"])
    return thread


@transaction.atomic
def reject_thread(*, thread: Thread, actor) -> Thread:
    """Not a rode draad: kept as rejected, so these cases are not proposed together again."""
    thread = _locked(thread)
    if thread.status != Thread.Status.PROPOSED:
        raise NotAllowed(thread.status)
    thread.status = Thread.Status.REJECTED
    thread.version += 1
    thread.save(update_fields=["status", "version"])
    return thread


@transaction.atomic
def merge_threads(*, thread: Thread, others: list[Thread], actor) -> Thread:
    """The other threads' cases join `thread`; the others point to it from now on."""
    thread = _locked(thread)
    for other in others:
        other = _locked(other)
        if other.pk == thread.pk or other.status == Thread.Status.REJECTED:
            continue
        thread.cases.add(*other.cases.all())
        other.merged_into = thread
        other.version += 1
        other.save(update_fields=["merged_into", "version"])
    thread.version += 1
    thread.save(update_fields=["version"])
    return thread


@transaction.atomic
def split_thread(
    *, thread: Thread, case_ids: list[int], actor, name: str = "", confirmed: bool = False
) -> Thread:
    """These cases leave `thread` for a new thread of their own (confirmed when `thread` is)."""
    thread = _locked(thread)
    moving = list(thread.cases.filter(pk__in=case_ids))
    if not moving or len(moving) == thread.cases.count():
        raise NotAllowed("split: choose some of the cases, not all")
    confirmed = thread.status == Thread.Status.CONFIRMED
    name, _description = _clean(name, "", confirmed)
    new = Thread.objects.create(
        name=name,
        status=thread.status,
        created_by=actor,
        confirmed_at=clock.now() if confirmed else None,
        confirmed_by=actor if confirmed else None,
    )
    new.cases.set(moving)
    thread.cases.remove(*moving)
    thread.version += 1
    thread.save(update_fields=["version"])
    return new


@transaction.atomic
def link_case(*, thread: Thread, case: Case, actor) -> Thread:
    """A person says: this case belongs to this rode draad."""
    thread = _locked(thread)
    if thread.status == Thread.Status.REJECTED:
        raise NotAllowed(thread.status)
    thread.cases.add(case)
    return thread


@transaction.atomic
def signal_thread(*, thread: Thread, actor) -> Signal:
    """Turn a confirmed thread into a rule-change signal for its most frequent rule: its cases
    join that rule's signal."""
    thread = _locked(thread)
    if thread.status != Thread.Status.CONFIRMED:
        raise NotAllowed(thread.status)
    rules = Counter(thread.cases.exclude(rule=None).values_list("rule_id", flat=True))
    if not rules:
        raise NotAllowed("no rule")
    rule_id = min(rules, key=lambda pk: (-rules[pk], pk))
    signal, created = Signal.objects.get_or_create(rule_id=rule_id)
    signal.cases.add(*thread.cases.all())
    if created:
        record_move(signal, actor=actor, from_state="", to_state=Signal.State.OPEN)
    thread.signal = signal
    thread.save(update_fields=["signal"])
    return signal


# Reading --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OtherTeam:
    team: str
    cases: int


class ThreadReading:
    """One thread as one person reads it."""

    def __init__(self, thread: Thread, user) -> None:
        self.thread = thread
        self.user = user

    @cached_property
    def all_case_ids(self) -> list[int]:
        return sorted(self.thread.cases.values_list("pk", flat=True))

    @cached_property
    def cases(self) -> list[Case]:
        return list(
            Case.objects.visible_to(self.user)
            .filter(threads=self.thread)
            .select_related("team", "rule__regulation")
            .order_by("-submitted_at", "-pk")
        )

    @cached_property
    def other_teams(self) -> list[OtherTeam]:
        seen = {case.pk for case in self.cases}
        counts = Counter(
            name for pk, name in self.thread.cases.values_list("pk", "team__name") if pk not in seen
        )
        return [OtherTeam(team, n) for team, n in sorted(counts.items())]

    @property
    def size(self) -> int:
        return len(self.all_case_ids)

    @cached_property
    def labels(self) -> list[str]:
        """Readable words: the machine's, when the reader sees every case; otherwise worked out
        again from the cases the reader sees, so no other team's words show."""
        if not self.other_teams:
            return list(self.thread.labels)
        return labels_for([case.pk for case in self.cases])

    @property
    def title(self) -> str:
        if self.thread.name:
            return self.thread.name
        return ", ".join(self.labels) or str(self.thread)

    @cached_property
    def rules(self) -> list[tuple[Rule, int]]:
        counts = Counter(self.thread.cases.exclude(rule=None).values_list("rule_id", flat=True))
        rules = Rule.objects.select_related("regulation").in_bulk(list(counts))
        return [(rules[pk], n) for pk, n in sorted(counts.items(), key=lambda p: (-p[1], p[0]))]

    @cached_property
    def trend(self) -> list[tuple[str, int]]:
        """Cases per month of submission, from the first to the last month (numbers only)."""
        months = Counter(
            timezone.localtime(submitted).strftime("%Y-%m")
            for submitted in self.thread.cases.exclude(submitted_at=None).values_list(
                "submitted_at", flat=True
            )
        )
        if not months:
            return []
        first, last = min(months), max(months)
        year, month = map(int, first.split("-"))
        result = []
        while f"{year:04d}-{month:02d}" <= last:
            key = f"{year:04d}-{month:02d}"
            result.append((key, months.get(key, 0)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    @property
    def trend_max(self) -> int:
        return max((n for _, n in self.trend), default=0)


def labels_for(case_ids: list[int]) -> list[str]:
    """Readable words of these cases, from their own texts (empty without an index)."""
    index = current_index()
    return labels_from(index, case_ids, texts_of(case_ids)) if index is not None else []


def labels_from(index, case_ids: list[int], texts: dict) -> list[str]:
    """Readable words of these cases (words or phrases as their texts write them)."""
    if index is None:
        return []
    keys = [pk for pk in case_ids if pk in index and pk in texts]
    if len(keys) < 2:
        return []
    return label_thread(index, keys, 3, texts)


def looks_like(case: Case, user) -> tuple[Thread, float] | None:
    """The confirmed thread this case looks like most, if it is not in it yet: for the prompt
    "this looks like rode draad X — link it?"."""
    if not may_manage_threads(user) or case.status == "draft":
        return None
    threads = list(
        Thread.objects.visible_to(user)
        .filter(status=Thread.Status.CONFIRMED)
        .exclude(cases=case)
        .prefetch_related("cases")
    )
    if not threads:
        return None
    index = current_index()
    if index is None:
        return None
    from cases.similar import case_text

    members = {thread.pk: [c.pk for c in thread.cases.all()] for thread in threads}
    found = thread_affinity(index, case_text(case), members, min_score=AFFINITY_MIN)
    if not found:
        return None
    best, score = found[0]
    return next(t for t in threads if t.pk == best), score


def threads_of_cases(case_ids) -> dict[int, int]:
    """For each of these cases, the (not rejected, not merged) thread it is in, if any."""
    rows = Thread.cases.through.objects.filter(
        case_id__in=sorted(set(case_ids)),
        thread__merged_into__isnull=True,
    ).exclude(thread__status=Thread.Status.REJECTED)
    result: dict[int, int] = {}
    for case_id, thread_id in rows.order_by("thread_id").values_list("case_id", "thread_id"):
        result.setdefault(case_id, thread_id)
    return result


def ensure_index(case_ids) -> None:
    """For tasks: the index holds these cases (see cases.similar.index_with)."""
    index_with(case_ids)
