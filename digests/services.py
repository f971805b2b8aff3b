"""Signals and good examples: each change is one function, atomic, and leaves a trace."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.dispatch import receiver

from cases.guard import guard_model
from cases.models import SIGNAL_STATE_SEPARATOR, CaseEvent
from cases.services import add_event, record_confirmations
from deliberations.events import decision_recorded
from organisations import clock, outbox
from organisations.audit import audit

from .models import Signal, SignalEvent, Story


class NotAllowed(Exception):
    pass


@receiver(decision_recorded, dispatch_uid="digests.signal_chafing_rule")
def _signal_chafing_rule(sender, *, decision, case, actor, **kwargs) -> None:
    """A decision that says "this rule chafes structurally" adds its case to the rule's signal."""
    if decision.rule_chafes:
        signal_rule(case=case, actor=actor)


@transaction.atomic
def signal_rule(*, case, actor) -> Signal | None:
    """A decision flagged the case's rule as chafing structurally: one signal per rule."""
    if not case.rule_id:
        return None
    signal = Signal.objects.filter(rule_id=case.rule_id).first()
    if signal is None:
        try:
            with transaction.atomic():
                signal = Signal.objects.create(rule_id=case.rule_id)
        except IntegrityError:
            signal = Signal.objects.get(rule_id=case.rule_id)
        else:
            signal.cases.add(case)
            record_move(signal, actor=actor, from_state="", to_state=Signal.State.OPEN)
            return signal
    signal.cases.add(case)
    return signal


def record_move(signal: Signal, *, actor, from_state: str, to_state: str, note: str = "") -> None:
    """A signal changed state (or was raised: from ""): an event on the signal, one on the
    timeline of every case behind it, and a mail to each case's author and its team's leads.

    The case events hold the two state codes, not the mover's note; the mail (a task, through
    the outbox) names the rule and the state and links to the signal — no case text.
    """
    event = SignalEvent.objects.create(
        signal=signal, actor=actor, from_state=from_state, to_state=to_state, note=note
    )
    # In one statement however many cases are behind it (inserted only, as the timeline wants).
    states = f"{from_state}{SIGNAL_STATE_SEPARATOR}{to_state}"
    CaseEvent.objects.bulk_create(
        [
            CaseEvent(case_id=case_id, actor=actor, kind=CaseEvent.Kind.SIGNAL_MOVED, note=states)
            for case_id in signal.cases.order_by("pk").values_list("pk", flat=True)
        ],
        batch_size=500,
    )
    from .tasks import notify_signal_moved  # tasks imports this module (through threads)

    outbox.enqueue(notify_signal_moved, event.pk)


TRANSITIONS = {
    Signal.State.OPEN: {Signal.State.UNDER_REVIEW, Signal.State.TAKEN_UP, Signal.State.DECLINED},
    Signal.State.UNDER_REVIEW: {Signal.State.TAKEN_UP, Signal.State.DECLINED},
    Signal.State.TAKEN_UP: {Signal.State.CHANGED, Signal.State.DECLINED},
    Signal.State.CHANGED: set(),
    Signal.State.DECLINED: {Signal.State.UNDER_REVIEW},
}


@transaction.atomic
def move_signal(
    *,
    signal: Signal,
    actor,
    to_state: str,
    taken_up_with: str = "",
    reason: str = "",
    confirmed: bool = False,
) -> Signal:
    findings = guard_model(
        Signal, {"taken_up_with": taken_up_with, "reason": reason}, confirmed=confirmed
    )
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if to_state not in TRANSITIONS[signal.state]:
        raise NotAllowed(f"{signal.state} -> {to_state}")
    if to_state == Signal.State.TAKEN_UP and not taken_up_with.strip():
        raise NotAllowed("taken up: with whom?")
    if to_state == Signal.State.DECLINED and not reason.strip():
        raise NotAllowed("declined: why?")
    previous = signal.state
    signal.state = to_state
    signal.updated_at = clock.now()
    fields = ["state", "updated_at"]
    if taken_up_with:
        signal.taken_up_with = taken_up_with.strip()
        fields.append("taken_up_with")
    if reason:
        signal.reason = reason.strip()
        fields.append("reason")
    signal.save(update_fields=fields)
    note = taken_up_with.strip() or reason.strip()
    record_move(signal, actor=actor, from_state=previous, to_state=to_state, note=note)
    audit("signal.move", actor=actor, obj=signal, from_state=previous, to_state=to_state)
    # Confirmed numbers go on the timeline of every case behind the signal.
    if findings:
        for case in signal.cases.all():
            record_confirmations(case, actor, findings)
    return signal


@transaction.atomic
def publish_story(
    *, case, author, title: str, text: str, lesson: str, confirmed: bool = False
) -> Story:
    findings = guard_model(
        Story, {"title": title, "text": text, "lesson": lesson}, confirmed=confirmed
    )
    story = Story.objects.create(case=case, author=author, title=title, text=text, lesson=lesson)
    add_event(case, author, CaseEvent.Kind.STORY_PUBLISHED, note=title)
    record_confirmations(case, author, findings)
    return story
