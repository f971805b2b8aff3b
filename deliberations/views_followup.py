"""Follow-up of a decision: actions marked done, the outcome recorded, and what the case page
and the home page show of both."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases.models import Case, CasePermissions, CaseStatus

from . import services
from .forms import OutcomeForm
from .models import Action, Decision, DecisionKind, Escalation, Outcome


def may_mark_done(action: Action, user, *, case_author_id: int, is_lead: bool) -> bool:
    """The action's owner, the case's author or a lead of the team marks an action done."""
    return is_lead or user.pk in (action.owner_id, case_author_id)


def cases_awaiting_outcome(user, today: dt.date):
    """The person's own decided cases whose evaluation date has come and that have no outcome."""
    due = (
        Decision.objects.current()
        .filter(evaluate_on__lte=today)
        .exclude(kind__in=[DecisionKind.POSTPONE, DecisionKind.ESCALATE])
        .values("case_id")
    )
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
        .select_related("author", "agenda_item__meeting", "compared_with__case")
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
    today = timezone.localdate()
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
            can_correct=permissions.is_lead,
        )
    }


def _current_decision(decisions: list[Decision]) -> Decision | None:
    """The case's current decision among its decisions, as `services.current_decision` picks
    it, without another query."""
    superseded = {d.supersedes_id for d in decisions if d.supersedes_id}
    candidates = [
        d for d in decisions if d.pk not in superseded and d.kind != DecisionKind.POSTPONE
    ]
    return max(candidates, key=lambda d: (d.created_at, d.pk), default=None)


# Views ---------------------------------------------------------------------------------------


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    """Back to `next` if it is a path on this site, else to `fallback`."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts=set(), require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@require_POST
@login_required
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.visible_to(request.user).select_related("case"), pk=pk
    )
    case = action.case
    is_lead = CasePermissions(case, request.user).is_lead
    if not may_mark_done(action, request.user, case_author_id=case.author_id, is_lead=is_lead):
        raise PermissionDenied
    if action.done_at is not None:
        messages.info(request, _("This action was already marked done."))
    else:
        services.mark_action_done(action=action, actor=request.user)
        messages.success(
            request, _("Action marked done: %(action)s") % {"action": action.description}
        )
    return _back(request, f"{case.get_absolute_url()}#followup")


@require_http_methods(["GET", "POST"])
@login_required
def outcome_record(request: HttpRequest, pk: int) -> HttpResponse:
    from cases.views import get_case_for  # cases.views imports this module

    case = get_case_for(request.user, pk)
    if case.author_id != request.user.pk:
        raise PermissionDenied
    if Outcome.objects.filter(case=case).exists():
        messages.info(request, _("The outcome of this case was already recorded."))
        return redirect(f"{case.get_absolute_url()}#followup")
    decision = services.current_decision(case)
    if case.status != CaseStatus.DECIDED or decision is None:
        raise PermissionDenied
    form = OutcomeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_outcome(
                    case=case,
                    author=request.user,
                    served=form.cleaned_data["served"],
                    note=form.cleaned_data["note"],
                )
            except services.ConflictError:
                messages.info(request, _("The outcome of this case was already recorded."))
            else:
                messages.success(request, _("The outcome was recorded. Thank you."))
            return redirect(f"{case.get_absolute_url()}#followup")
        status = 422
    return render(
        request,
        "deliberations/outcome_form.html",
        {"case": case, "decision": decision, "form": form},
        status=status,
    )
