"""Follow-up of a decision as the case page and the home pages show it: decisions, actions
and outcome, in a constant number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cases.models import Case, CasePermissions, CaseStatus
from organisations import clock

from .models import Action, Decision, DecisionKind, Escalation, Outcome


def may_mark_done(action: Action, user, *, case_author_id: int, is_lead: bool) -> bool:
    """The action's owner, the case's author or a lead of the team marks an action done."""
    return is_lead or user.pk in (action.owner_id, case_author_id)


def cases_awaiting_outcome(user, today: dt.date):
    """The person's own decided cases whose evaluation date has come and that have no outcome."""
    due = Decision.objects.current().settling().filter(evaluate_on__lte=today).values("case_id")
    return Case.objects.visible_to(user).filter(
        author=user, status=CaseStatus.DECIDED, outcome__isnull=True, pk__in=due
    )


# The case page's fragment ------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRow:
    decision: Decision
    is_current: bool
    corrected_by: Decision | None
    corrects: Decision | None
    # The escalation this decision raised, and the decision that answered it.
    escalation: Escalation | None
    answered_by: Decision | None
    # The escalation this decision answers.
    answers: Escalation | None
    compared_case_visible: bool


@dataclass(frozen=True)
class ActionRow:
    action: Action
    can_mark_done: bool
    is_overdue: bool


@dataclass(frozen=True)
class Followup:
    decisions: list[DecisionRow]
    actions: list[ActionRow]
    outcome: Outcome | None
    can_record_outcome: bool
    can_correct: bool


def followup_context(case: Case, user) -> dict:
    """What the case page shows of decisions, actions and outcome, in a constant number of
    queries. Escalations are shown only to those `Escalation.objects.visible_to` lets see them."""
    decisions = list(
        Decision.objects.visible_to(user)
        .filter(case=case)
        .select_related("author", "agenda_item__meeting", "compared_with__case", "legal_ground")
        .prefetch_related("public_values")
        .order_by("created_at", "pk")
    )
    escalations = {
        escalation.pk: escalation
        for escalation in Escalation.objects.visible_to(user)
        .filter(case=case)
        .select_related("director")
    }
    raised = {escalation.decision_id: escalation for escalation in escalations.values()}
    by_pk = {decision.pk: decision for decision in decisions}
    corrected_by = {d.supersedes_id: d for d in decisions if d.supersedes_id}
    answer_to = {d.escalation_id: d for d in decisions if d.escalation_id}
    compared_ids = {d.compared_with.case_id for d in decisions if d.compared_with_id}
    visible_compared = set(
        Case.objects.visible_to(user).filter(pk__in=compared_ids).values_list("pk", flat=True)
    )
    current = _current_decision(decisions)

    rows = [
        DecisionRow(
            decision=decision,
            is_current=decision is current,
            corrected_by=corrected_by.get(decision.pk),
            corrects=by_pk.get(decision.supersedes_id),
            escalation=raised.get(decision.pk),
            answered_by=(answer_to.get(raised[decision.pk].pk) if decision.pk in raised else None),
            answers=escalations.get(decision.escalation_id),
            compared_case_visible=bool(
                decision.compared_with_id and decision.compared_with.case_id in visible_compared
            ),
        )
        for decision in decisions
    ]
    # The current decision first, then the others from newest to oldest.
    rows = [row for row in rows if row.is_current] + [
        row for row in reversed(rows) if not row.is_current
    ]

    permissions = CasePermissions(case, user)
    today = clock.today()
    actions = sorted(
        Action.objects.visible_to(user).filter(case=case).select_related("owner", "done_by"),
        key=lambda action: (action.done_at is not None, action.due_on, action.pk),
    )
    action_rows = [
        ActionRow(
            action=action,
            can_mark_done=action.done_at is None
            and may_mark_done(
                action, user, case_author_id=case.author_id, is_lead=permissions.is_lead
            ),
            is_overdue=action.done_at is None and action.due_on < today,
        )
        for action in actions
    ]
    outcome = Outcome.objects.filter(case=case).select_related("author", "decision").first()
    return {
        "followup": Followup(
            decisions=rows,
            actions=action_rows,
            outcome=outcome,
            can_record_outcome=(
                outcome is None
                and case.status == CaseStatus.DECIDED
                and case.author_id == user.pk
                and current is not None
            ),
            can_correct=permissions.is_lead and case.status != CaseStatus.CLOSED,
        )
    }


def _current_decision(decisions: list[Decision]) -> Decision | None:
    """`Decision.objects.of_case` among decisions already loaded: the newest current, settling
    one, without another query."""
    corrected = {d.supersedes_id for d in decisions if d.supersedes_id}
    candidates = [d for d in decisions if d.pk not in corrected and DecisionKind(d.kind).settles]
    return max(candidates, key=lambda d: (d.created_at, d.pk), default=None)
