"""A director's escalation inbox, and the page where they answer with a decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from cases.guard import PersonalDataRefused
from cases.precedents import similar_cases
from organisations.models import Membership, Role

from . import services
from .forms import DecisionForm, most_similar_earlier_decision
from .models import DecisionKind, Escalation

# A director answers with a decision; escalating further or postponing is no answer.
ANSWER_KINDS = DecisionKind.settling()


@require_GET
@login_required
def escalation_list(request: HttpRequest) -> HttpResponse:
    if not Membership.objects.holds(request.user, Role.DIRECTOR):
        raise PermissionDenied
    addressed = (
        Escalation.objects.visible_to(request.user)
        .filter(director=request.user)
        .select_related("case__team")
    )
    return render(
        request,
        "deliberations/escalation_list.html",
        {
            "open_escalations": addressed.open().order_by("created_at", "pk"),
            "answered_escalations": addressed.filter(status=Escalation.Status.ANSWERED).order_by(
                "-answered_at", "-pk"
            ),
        },
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@login_required
def escalation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    escalation = get_object_or_404(
        Escalation.objects.visible_to(request.user).select_related(
            "case__team",
            "case__author",
            "case__rule__regulation",
            "case__barrier",
            "director",
            "decision__author",
            "decision__agenda_item__meeting",
        ),
        pk=pk,
    )
    case = escalation.case
    is_addressed = escalation.director_id == request.user.pk
    if request.method == "POST" and not is_addressed:
        raise PermissionDenied
    is_open = escalation.status == Escalation.Status.OPEN
    form = None
    status = 200
    # The form stays on the page after a conflict, so the director keeps what they typed.
    if is_addressed and (is_open or request.method == "POST"):
        form = DecisionForm(
            request.POST or None,
            case=case,
            earlier=most_similar_earlier_decision(case, request.user),
            allowed_kinds=ANSWER_KINDS,
        )
    if form is not None and request.method == "POST":
        valid = form.is_valid()
        if not is_open:
            form.add_error(None, _conflict_message())
            status = 409
        elif valid:
            try:
                services.answer_escalation(
                    escalation=escalation,
                    director=request.user,
                    spec=form.spec(),
                    confirmed=form.confirmed,
                )
            except PersonalDataRefused as refusal:
                form.refuse(refusal)
                status = 422
            except services.ConflictError:
                escalation.refresh_from_db(fields=["status", "answered_at"])
                form.add_error(None, _conflict_message())
                status = 409
            else:
                messages.success(
                    request,
                    _("Your answer was recorded. It is now the decision on case %(reference)s.")
                    % {"reference": case.reference},
                )
                return redirect(f"{case.get_absolute_url()}#followup")
        else:
            status = 422
    answer = escalation.answers.select_related("author").prefetch_related("public_values").first()
    return render(
        request,
        "deliberations/escalation_detail.html",
        {
            "escalation": escalation,
            "case": case,
            "decision": escalation.decision,
            "answer": answer,
            "form": form,
            "is_addressed": is_addressed,
            "public_values": list(case.public_values.all()),
            "decision_values": list(escalation.decision.public_values.all()),
            "precedents": similar_cases(case, request.user),
        },
        status=status,
    )


def _conflict_message() -> str:
    return _(
        "This escalation was answered a moment ago. Your answer was not saved; what you typed "
        "is still below. Read the recorded answer first."
    )
