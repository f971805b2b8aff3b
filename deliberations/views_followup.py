"""Follow-up of a decision: actions marked done, the outcome recorded, and what the case page
and the home page show of both."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from cases.guard import PersonalDataRefused
from cases.models import CasePermissions, CaseStatus
from cases.selectors import get_case_for
from organisations.redirects import next_path

from . import services
from .followup import may_mark_done
from .forms import OutcomeForm
from .models import Action, Decision, Outcome

# Views ---------------------------------------------------------------------------------------


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    """Back to `next` if it is a path on this site, else to `fallback`."""
    target = next_path(request)
    return HttpResponseRedirect(target) if target else redirect(fallback)


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


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@login_required
def outcome_record(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if case.author_id != request.user.pk:
        raise PermissionDenied
    if Outcome.objects.filter(case=case).exists():
        messages.info(request, _("The outcome of this case was already recorded."))
        return redirect(f"{case.get_absolute_url()}#followup")
    decision = Decision.objects.of_case(case)
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
                    confirmed=form.confirmed,
                )
            except PersonalDataRefused as refusal:
                form.refuse(refusal)
            except services.ConflictError:
                messages.info(request, _("The outcome of this case was already recorded."))
                return redirect(f"{case.get_absolute_url()}#followup")
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
