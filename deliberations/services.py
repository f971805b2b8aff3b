"""Every change in the case consultation: one function per change, atomic, each writing the
case's timeline. Views and tests go through these functions only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cases import lifecycle
from cases.guard import PersonalDataRefused, Warning, guard, guard_model, source_of
from cases.models import Case, CaseEvent, CaseStatus
from cases.services import add_event, record_confirmations
from organisations import clock, outbox
from organisations.audit import audit
from organisations.models import Membership, Role

from .events import decision_recorded
from .models import (
    NEEDS_LEGAL_GROUND,
    Action,
    AgendaItem,
    Decision,
    DecisionKind,
    Escalation,
    LegalGround,
    Meeting,
    Outcome,
)


class ConflictError(Exception):
    """Someone else got there first; nothing was written."""


class InvalidState(Exception):
    pass


__all__ = ["ConflictError", "InvalidState", "PersonalDataRefused"]


@dataclass
class ActionSpec:
    description: str
    owner: object
    due_on: dt.date


@dataclass
class DecisionSpec:
    kind: str
    rationale: str
    public_values: Iterable = ()
    values_weighing: str = ""
    backing: bool = False
    rule_chafes: bool = False
    refer_to: str = ""
    # For a justified deviation and room within the rules:
    legal_ground: LegalGround | None = None
    legal_ground_text: str = ""
    evaluate_on: dt.date | None = None
    compared_with: Decision | None = None
    difference: str = ""
    actions: list[ActionSpec] = field(default_factory=list)
    # For an escalation:
    director: object = None
    question: str = ""


# Meetings ---------------------------------------------------------------------------------


@transaction.atomic
def plan_meeting(
    *,
    team,
    lead,
    starts_at: dt.datetime,
    participants: Iterable,
    cases: Iterable[Case],
    location: str = "",
) -> Meeting:
    from .tasks import send_meeting_invitations

    meeting = Meeting.objects.create(team=team, lead=lead, starts_at=starts_at, location=location)
    meeting.participants.set(participants)
    for case in cases:
        add_to_agenda(meeting=meeting, case=case, actor=lead)
    outbox.enqueue(send_meeting_invitations, meeting.pk)
    return meeting


@transaction.atomic
def add_to_agenda(*, meeting: Meeting, case: Case, actor) -> AgendaItem:
    if meeting.is_closed:
        raise InvalidState("meeting closed")
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.status != CaseStatus.SUBMITTED or current.team_id != meeting.team_id:
        raise InvalidState("only submitted cases of the team go on its agenda")
    position = (
        meeting.items.order_by("-position").values_list("position", flat=True).first() or 0
    ) + 1
    try:
        with transaction.atomic():
            item = AgendaItem.objects.create(meeting=meeting, case=current, position=position)
    except IntegrityError as exc:
        raise ConflictError("case already on an open agenda") from exc
    lifecycle.schedule_case(current, actor, meeting_id=meeting.pk)
    return item


@transaction.atomic
def remove_from_agenda(*, item: AgendaItem, actor) -> None:
    if item.state != AgendaItem.State.OPEN or item.meeting.status != Meeting.Status.PLANNED:
        raise InvalidState("only open items of a planned meeting can be removed")
    case = item.case
    item.delete()
    lifecycle.unschedule_case(case, actor)
    _renumber(item.meeting)


def _renumber(meeting: Meeting) -> None:
    for number, item in enumerate(meeting.items.order_by("position", "pk"), start=1):
        if item.position != number:
            AgendaItem.objects.filter(pk=item.pk).update(position=number)


@transaction.atomic
def move_agenda_item(*, item: AgendaItem, direction: int) -> None:
    """Swap the item with its neighbour above (direction -1) or below (+1)."""
    items = list(item.meeting.items.select_for_update().order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + direction
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for number, other in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=other.pk).update(position=number)


@transaction.atomic
def start_meeting(*, meeting: Meeting, actor) -> Meeting:
    updated = Meeting.objects.filter(pk=meeting.pk, status=Meeting.Status.PLANNED).update(
        status=Meeting.Status.IN_PROGRESS, started_at=clock.now()
    )
    if not updated:
        raise InvalidState("meeting is not planned")
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def record_attendance(*, meeting: Meeting, actor, attendees: Iterable) -> Meeting:
    """Who is present: the chair records it while the meeting runs; closing freezes it."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.IN_PROGRESS:
        raise InvalidState("attendance is recorded while the meeting runs")
    members = set(meeting.team.memberships.values_list("user_id", flat=True))
    attendees = list(attendees)
    if any(person.pk not in members for person in attendees):
        raise InvalidState("only members of the team attend its meeting")
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def save_notes(*, item: AgendaItem, actor, notes: str, confirmed: bool = False) -> None:
    if item.meeting.is_closed:
        raise InvalidState("meeting closed")
    findings = guard_model(AgendaItem, {"notes": notes}, confirmed=confirmed)
    AgendaItem.objects.filter(pk=item.pk).update(notes=notes)
    record_confirmations(item.case, actor, findings)


@transaction.atomic
def save_minutes(
    *, meeting: Meeting, actor, minutes: str, version: int, confirmed: bool = False
) -> Meeting:
    """Save the draft minutes. Confirmed uncertain findings go on the timeline of every case
    on the agenda: minutes are about them. The names of the people at the meeting are not
    personal data of a case ("Aanwezig: ...")."""
    present = [*meeting.participants.all(), actor]
    findings = guard_model(
        Meeting,
        {"minutes": minutes},
        confirmed=confirmed,
        colleagues=[f"{person.first_name} {person.last_name}" for person in present],
    )
    updated = Meeting.objects.filter(
        pk=meeting.pk, version=version, status=Meeting.Status.IN_PROGRESS
    ).update(minutes=minutes, version=version + 1)
    if not updated:
        raise ConflictError("minutes changed meanwhile or meeting not running")
    if findings:
        for item in meeting.items.select_related("case"):
            record_confirmations(item.case, actor, findings)
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def close_meeting(*, meeting: Meeting, actor, postpone_open: bool = False) -> Meeting:
    """Close the meeting and freeze its decisions and minutes.

    With open items left, `postpone_open` must be set: they are postponed (back to submitted).
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.IN_PROGRESS:
        raise InvalidState("meeting is not in progress")
    open_items = list(meeting.items.filter(state=AgendaItem.State.OPEN).select_related("case"))
    if open_items and not postpone_open:
        raise InvalidState("open items")
    for item in open_items:
        record_decision(
            item=item,
            author=actor,
            spec=DecisionSpec(kind=DecisionKind.POSTPONE, rationale="—"),
        )
    Decision.objects.filter(agenda_item__meeting=meeting, frozen=False).update(frozen=True)
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.CLOSED, closed_at=clock.now()
    )
    meeting.refresh_from_db()
    from .tasks import send_minutes

    outbox.enqueue(send_minutes, meeting.pk)
    return meeting


# Decisions --------------------------------------------------------------------------------


def guard_decision(spec: DecisionSpec, *, confirmed: bool) -> list[Warning]:
    """The privacy guard over every text of a decision: its own fields, the escalation's
    question and each action's description (keyed "actions.<n>.description")."""
    fields: dict[str, tuple[str, str]] = {}
    sources: dict[str, str] = {}
    texts = {
        "rationale": spec.rationale,
        "values_weighing": spec.values_weighing,
        "refer_to": spec.refer_to,
        "difference": spec.difference,
        "legal_ground_text": spec.legal_ground_text,
    }
    for name, text in texts.items():
        fields[name] = (capfirst(Decision._meta.get_field(name).verbose_name), text)
        sources[name] = source_of(Decision, name)
    fields["question"] = (
        capfirst(Escalation._meta.get_field("question").verbose_name),
        spec.question,
    )
    sources["question"] = source_of(Escalation, "question")
    for number, action in enumerate(spec.actions):
        key = f"actions.{number}.description"
        label = capfirst(_("action %(number)d") % {"number": number + 1})
        fields[key] = (label, action.description)
        sources[key] = source_of(Action, "description")
    return guard(fields, confirmed=confirmed, sources=sources)


def _create_decision(
    *, case: Case, author, spec: DecisionSpec, frozen: bool = False, **links
) -> Decision:
    """Write the decision whole — its values weighed and its actions — and freeze it last: on
    PostgreSQL nothing is added to a frozen decision (migration 0007)."""
    decision = Decision.objects.create(
        case=case,
        author=author,
        kind=spec.kind,
        rationale=spec.rationale,
        values_weighing=spec.values_weighing,
        backing=spec.backing,
        rule_chafes=spec.rule_chafes,
        refer_to=spec.refer_to,
        legal_ground=spec.legal_ground,
        legal_ground_text=spec.legal_ground_text,
        evaluate_on=spec.evaluate_on,
        compared_with=spec.compared_with,
        difference=spec.difference,
        **links,
    )
    decision.public_values.set(spec.public_values)
    for action in spec.actions:
        Action.objects.create(
            decision=decision,
            case=case,
            description=action.description,
            owner=action.owner,
            due_on=action.due_on,
        )
        add_event(case, author, CaseEvent.Kind.ACTION_ADDED, note=action.description)
    if frozen:
        Decision.objects.filter(pk=decision.pk).update(frozen=True)
        decision.frozen = True
    decision_recorded.send(sender=Decision, decision=decision, case=case, actor=author)
    audit("decision", actor=author, obj=decision, kind=spec.kind, case=case.pk)
    return decision


def _apply_decision_to_case(case: Case, decision: Decision, actor, spec: DecisionSpec) -> None:
    note = decision.get_kind_display()
    if spec.kind == DecisionKind.POSTPONE:
        lifecycle.postpone_case(case, actor, note=note)
    elif spec.kind == DecisionKind.ESCALATE:
        lifecycle.escalate_case(case, actor, note=note)
        escalation = Escalation.objects.create(
            case=case, decision=decision, director=spec.director, question=spec.question
        )
        audit("escalation", actor=actor, obj=escalation, case=case.pk, director=spec.director.pk)
        add_event(case, actor, CaseEvent.Kind.ESCALATED, note=str(spec.director))
        from .tasks import notify_escalation

        outbox.enqueue(notify_escalation, decision.escalation_raised.pk)
    else:
        lifecycle.decide_case(case, actor, note=note)


def _check_legal_ground(spec: DecisionSpec) -> None:
    """A deviation or room within the rules names its legal ground ("other" in words); without
    one the lead escalates instead. Other kinds name none."""
    if spec.kind not in NEEDS_LEGAL_GROUND:
        if spec.legal_ground is not None or spec.legal_ground_text:
            raise InvalidState("only a deviation or room within the rules names a legal ground")
        return
    if spec.legal_ground is None:
        raise InvalidState("a deviation without a legal ground is escalated")
    if spec.legal_ground.requires_text and not spec.legal_ground_text.strip():
        raise InvalidState("this legal ground is explained in words")


def _check_director(case: Case, spec: DecisionSpec) -> None:
    if spec.kind == DecisionKind.ESCALATE and (
        spec.director is None
        or Membership.objects.role_in(spec.director, case.team_id) != Role.DIRECTOR
    ):
        raise InvalidState("an escalation goes to a director of the case's team")


@transaction.atomic
def record_decision(
    *, item: AgendaItem, author, spec: DecisionSpec, confirmed: bool = False
) -> Decision:
    """Record the decision on an agenda item. A second decision on the same item raises
    ConflictError and writes nothing (the unique constraint decides under concurrency)."""
    findings = guard_decision(spec, confirmed=confirmed)
    item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    if item.meeting.status != Meeting.Status.IN_PROGRESS:
        raise InvalidState("meeting not in progress")
    if item.state != AgendaItem.State.OPEN:
        raise ConflictError("item already decided")
    _check_director(item.case, spec)
    _check_legal_ground(spec)
    try:
        with transaction.atomic():
            decision = _create_decision(case=item.case, author=author, spec=spec, agenda_item=item)
    except IntegrityError as exc:
        raise ConflictError("item already decided") from exc
    new_state = (
        AgendaItem.State.POSTPONED
        if spec.kind == DecisionKind.POSTPONE
        else AgendaItem.State.DECIDED
    )
    AgendaItem.objects.filter(pk=item.pk).update(state=new_state)
    _apply_decision_to_case(item.case, decision, author, spec)
    record_confirmations(item.case, author, findings)
    return decision


@transaction.atomic
def supersede_decision(
    *, decision: Decision, author, spec: DecisionSpec, reason: str, confirmed: bool = False
) -> Decision:
    """A correction after the meeting: a new decision that supersedes the old one.

    A closed case is not corrected: its outcome was evaluated against the decision it has,
    and closing it again would hide that. Raises `InvalidState` for one.
    """
    label = capfirst(Decision._meta.get_field("supersede_reason").verbose_name)
    findings = guard(
        {"reason": (label, reason)},
        confirmed=confirmed,
        sources={"reason": source_of(Decision, "supersede_reason")},
    ) + guard_decision(spec, confirmed=confirmed)
    old = Decision.objects.select_for_update().select_related("case").get(pk=decision.pk)
    if not old.frozen:
        raise InvalidState("only a final decision is corrected; change it in its meeting")
    if Decision.objects.filter(supersedes=old).exists():
        raise ConflictError("decision already corrected")
    case = old.case
    move = {DecisionKind.POSTPONE: "postpone", DecisionKind.ESCALATE: "escalate"}.get(
        spec.kind, "decide"
    )
    if not lifecycle.allowed(move, case.status):
        raise InvalidState(f"a {case.status} case's decision is not corrected")
    _check_director(case, spec)
    _check_legal_ground(spec)
    new = _create_decision(
        case=case,
        author=author,
        spec=spec,
        supersedes=old,
        supersede_reason=reason,
        frozen=True,
    )
    add_event(case, author, CaseEvent.Kind.SUPERSEDED, note=reason)
    _apply_decision_to_case(case, new, author, spec)
    record_confirmations(case, author, findings)
    audit("correction", actor=author, obj=new, supersedes=old.pk, case=case.pk)
    return new


@transaction.atomic
def answer_escalation(
    *, escalation: Escalation, director, spec: DecisionSpec, confirmed: bool = False
) -> Decision:
    findings = guard_decision(spec, confirmed=confirmed)
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.director_id != director.pk:
        raise InvalidState("only the director it is addressed to answers an escalation")
    if escalation.status != Escalation.Status.OPEN:
        raise ConflictError("escalation already answered")
    if not DecisionKind(spec.kind).settles:
        raise InvalidState("a director answers with a decision")
    _check_legal_ground(spec)
    decision = _create_decision(
        case=escalation.case, author=director, spec=spec, escalation=escalation, frozen=True
    )
    Escalation.objects.filter(pk=escalation.pk).update(
        status=Escalation.Status.ANSWERED, answered_at=clock.now()
    )
    add_event(
        escalation.case,
        director,
        CaseEvent.Kind.ESCALATION_ANSWERED,
        note=decision.get_kind_display(),
    )
    lifecycle.answer_case(escalation.case, director)
    record_confirmations(escalation.case, director, findings)
    from .tasks import notify_escalation_answered

    outbox.enqueue(notify_escalation_answered, escalation.pk)
    audit("escalation.answer", actor=director, obj=escalation, decision=decision.pk)
    return decision


# Follow-up --------------------------------------------------------------------------------


@transaction.atomic
def mark_action_done(*, action: Action, actor) -> Action:
    updated = Action.objects.filter(pk=action.pk, done_at__isnull=True).update(
        done_at=clock.now(), done_by=actor
    )
    action.refresh_from_db()
    if updated:
        add_event(action.case, actor, CaseEvent.Kind.ACTION_DONE, note=action.description)
        close_case_if_complete(case=action.case, actor=actor)
    return action


@transaction.atomic
def record_outcome(
    *, case: Case, author, served: str, note: str, confirmed: bool = False
) -> Outcome:
    findings = guard_model(Outcome, {"note": note}, confirmed=confirmed)
    decision = Decision.objects.of_case(case)
    status = Case.objects.filter(pk=case.pk).values_list("status", flat=True).get()
    if decision is None or status not in (CaseStatus.DECIDED, CaseStatus.CLOSED):
        raise InvalidState("no decision to evaluate")
    try:
        with transaction.atomic():
            outcome = Outcome.objects.create(
                case=case, decision=decision, author=author, served=served, note=note
            )
    except IntegrityError as exc:
        raise ConflictError("outcome already recorded") from exc
    add_event(case, author, CaseEvent.Kind.OUTCOME_RECORDED, note=outcome.get_served_display())
    record_confirmations(case, author, findings)
    close_case_if_complete(case=case, actor=author)
    return outcome


def close_case_if_complete(*, case: Case, actor) -> None:
    """A decided case with every action done and its outcome recorded is closed."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.DECIDED:
        return
    if not Outcome.objects.filter(case=case).exists():
        return
    if Action.objects.filter(case=case, done_at__isnull=True).exists():
        return
    lifecycle.close_case(case, actor)


def cases_awaiting_evaluation(today: dt.date):
    """Decided cases whose decision's evaluation date has come and that have no outcome yet."""
    due = (
        Decision.objects.current()
        .settling()
        .filter(evaluate_on__lte=today, case__outcome__isnull=True)
        .values("case_id")
    )
    return list(Case.objects.filter(pk__in=due, status=CaseStatus.DECIDED).order_by("pk"))
