"""Signals: a rule that keeps chafing, followed from the structural question to its answer.

Who reads and who moves a signal is decided in `digests.querysets` (`SignalQuerySet.visible_to`,
`may_move_signal`): the teams whose cases raised it, the directors over them and the rule's
policy owner read it; the policy owner and those directors move it. The cases behind a signal
are shown only to those who may see them.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from cases.guard import PersonalDataRefused
from cases.models import Case

from . import services
from .forms import SignalMoveForm, state_label
from .models import Signal
from .querysets import may_move_signal


def get_signal_for(user, pk: int) -> Signal:
    return get_object_or_404(
        Signal.objects.visible_to(user).select_related("rule__regulation", "rule__policy_owner"),
        pk=pk,
    )


@require_GET
@login_required
def signal_list(request: HttpRequest) -> HttpResponse:
    signals = (
        Signal.objects.visible_to(request.user)
        .select_related("rule__regulation")
        .annotate(case_count=Count("cases", distinct=True))
    )
    return render(request, "digests/signal_list.html", {"signals": signals})


def _detail_context(request: HttpRequest, signal: Signal, form: SignalMoveForm | None) -> dict:
    visible = list(
        Case.objects.visible_to(request.user)
        .filter(signals=signal)
        .select_related("team")
        .order_by("-created_at", "-pk")
    )
    if (
        form is None
        and services.TRANSITIONS[signal.state]
        and may_move_signal(signal, request.user)
    ):
        form = SignalMoveForm(signal=signal)
    return {
        "signal": signal,
        "visible_cases": visible,
        "hidden_case_count": signal.cases.count() - len(visible),
        "events": signal.events.select_related("actor"),
        "form": form,
    }


@require_GET
@login_required
def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    signal = get_signal_for(request.user, pk)
    return render(request, "digests/signal_detail.html", _detail_context(request, signal, None))


@sensitive_post_parameters()
@require_POST
@login_required
def signal_move(request: HttpRequest, pk: int) -> HttpResponse:
    signal = get_signal_for(request.user, pk)
    if not may_move_signal(signal, request.user):
        raise PermissionDenied
    form = SignalMoveForm(request.POST, signal=signal)
    status = 422
    if form.is_valid():
        try:
            services.move_signal(
                signal=signal,
                actor=request.user,
                to_state=form.cleaned_data["to_state"],
                taken_up_with=form.cleaned_data["taken_up_with"],
                reason=form.cleaned_data["reason"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except services.NotAllowed:
            # Someone else moved it meanwhile: judge the same input against the new state.
            signal.refresh_from_db()
            form = SignalMoveForm(request.POST, signal=signal)
            if form.is_valid():
                form.add_error(
                    None, _("The signal was changed meanwhile. Look at its state and try again.")
                )
            status = 409
        else:
            messages.success(
                request,
                _("The signal on %(rule)s is now “%(state)s”.")
                % {"rule": signal.rule, "state": state_label(form.cleaned_data["to_state"])},
            )
            return redirect(signal)
    # The form goes back with the errors and everything the director typed.
    context = _detail_context(request, signal, form)
    return render(request, "digests/signal_detail.html", context, status=status)
