"""The case lifecycle: one transition table, one function per move.

A case's status is written here and nowhere else. Each move checks that the case is in one of
its source statuses and that the actor may make it, writes the new status and one event on the
case's timeline, in the caller's transaction. Later apps (the case consultation) call these
functions; they never write `Case.status` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from organisations import clock, outbox
from organisations.models import Membership, Role

from .models import Case, CaseEvent, CaseStatus

S = CaseStatus

AUTHOR = "author"
LEAD = Role.LEAD.value
DIRECTOR = Role.DIRECTOR.value
MEMBER = "member"  # anyone working in the case's team, e.g. an action's owner


class InvalidTransition(Exception):
    """The case is not in a status this move starts from, or the actor may not make it."""


@dataclass(frozen=True)
class Move:
    sources: frozenset[str]
    target: str
    event: str
    who: frozenset[str]


def _move(sources, target, event, who) -> Move:
    return Move(frozenset(sources), target, event, frozenset(who))


K = CaseEvent.Kind
# The transition table: every status change a case can make, and who may make it.
MOVES: dict[str, Move] = {
    "submit": _move([S.DRAFT], S.SUBMITTED, K.SUBMITTED, [AUTHOR]),
    "withdraw": _move([S.DRAFT, S.SUBMITTED], S.WITHDRAWN, K.WITHDRAWN, [AUTHOR, LEAD]),
    "schedule": _move([S.SUBMITTED], S.SCHEDULED, K.SCHEDULED, [LEAD]),
    "unschedule": _move([S.SCHEDULED], S.SUBMITTED, K.UNSCHEDULED, [LEAD]),
    # A postponement in the meeting, or a correction to "postpone": back to the queue.
    "postpone": _move([S.SCHEDULED, S.DECIDED], S.SUBMITTED, K.DECIDED, [LEAD]),
    # A decision in the meeting; from "decided", a correction of that decision.
    "decide": _move([S.SCHEDULED, S.DECIDED], S.DECIDED, K.DECIDED, [LEAD]),
    "escalate": _move([S.SCHEDULED, S.DECIDED], S.ESCALATED, K.DECIDED, [LEAD]),
    "answer": _move([S.ESCALATED], S.DECIDED, K.STATUS_CHANGED, [DIRECTOR]),
    "close": _move([S.DECIDED], S.CLOSED, K.CLOSED, [AUTHOR, LEAD, MEMBER]),
}


def allowed(move: str, status: str) -> bool:
    return status in MOVES[move].sources


def _may(case: Case, actor, who: frozenset[str]) -> bool:
    if AUTHOR in who and case.author_id == actor.pk:
        return True
    role = Membership.objects.role_in(actor, case.team_id)
    if role is None:
        return False
    return MEMBER in who or role in who


def _apply(name: str, case: Case, actor, *, note: str = "") -> Case:
    """Make move `name` on `case` (locked and re-read), write its timeline event."""
    move = MOVES[name]
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.status not in move.sources:
        raise InvalidTransition(f"{name}: {current.status} -> {move.target}")
    if not _may(current, actor, move.who):
        raise InvalidTransition(f"{name}: not allowed for this person")
    previous = current.status
    now = clock.now()
    current.status = move.target
    current.version += 1
    current.updated_at = now
    fields = ["status", "version", "updated_at"]
    if move.target == S.SUBMITTED and current.submitted_at is None:
        current.submitted_at = now
        fields.append("submitted_at")
    current.save(update_fields=fields)
    CaseEvent.objects.create(
        case=current,
        actor=actor,
        kind=move.event,
        from_status=previous,
        to_status=move.target,
        note=note,
    )
    return current


@transaction.atomic
def submit_case(case: Case, actor) -> Case:
    from .tasks import index_case, notify_case_submitted

    case = _apply("submit", case, actor)
    outbox.enqueue(notify_case_submitted, case.pk)
    outbox.enqueue(index_case, case.pk)
    return case


@transaction.atomic
def withdraw_case(case: Case, actor, *, reason: str = "") -> Case:
    return _apply("withdraw", case, actor, note=reason)


@transaction.atomic
def schedule_case(case: Case, actor, *, meeting_id: int) -> Case:
    return _apply("schedule", case, actor, note=str(meeting_id))


@transaction.atomic
def unschedule_case(case: Case, actor) -> Case:
    return _apply("unschedule", case, actor)


@transaction.atomic
def postpone_case(case: Case, actor, *, note: str = "") -> Case:
    return _apply("postpone", case, actor, note=note)


@transaction.atomic
def decide_case(case: Case, actor, *, note: str = "") -> Case:
    return _apply("decide", case, actor, note=note)


@transaction.atomic
def escalate_case(case: Case, actor, *, note: str = "") -> Case:
    return _apply("escalate", case, actor, note=note)


@transaction.atomic
def answer_case(case: Case, actor) -> Case:
    return _apply("answer", case, actor)


@transaction.atomic
def close_case(case: Case, actor) -> Case:
    return _apply("close", case, actor)
