"""Rode draden: the list, one thread, and what a lead or director does with it (confirm and
name, rename, merge, split, reject, turn into a signal, link a case). See digests/threads.py
for who sees what of a thread."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cases.guard import PersonalDataRefused
from cases.selectors import get_case_for
from organisations.redirects import next_path

from . import threads as service
from .forms import ThreadMergeForm, ThreadNameForm, ThreadSplitForm
from .models import Thread
from .threads import ThreadReading, get_thread_for, may_manage_threads

CHANGED_MEANWHILE = gettext_lazy(
    "The rode draad was changed meanwhile. Look at it again and try again."
)


@require_GET
@login_required
def thread_list(request: HttpRequest) -> HttpResponse:
    if not may_manage_threads(request.user):
        raise PermissionDenied
    threads = (
        Thread.objects.visible_to(request.user).shown().prefetch_related("cases").order_by("pk")
    )
    readings = [ThreadReading(thread, request.user) for thread in threads]
    return render(
        request,
        "digests/thread_list.html",
        {
            "confirmed": [r for r in readings if r.thread.status == Thread.Status.CONFIRMED],
            "proposed": [r for r in readings if r.thread.status == Thread.Status.PROPOSED],
        },
    )


def _detail(request: HttpRequest, thread: Thread, status: int = 200, **forms) -> HttpResponse:
    reading = ThreadReading(thread, request.user)
    active = thread.status != Thread.Status.REJECTED
    initial = {"name": thread.name or ", ".join(reading.labels)[:120]}
    initial["description"] = thread.description
    context = {
        "thread": thread,
        "reading": reading,
        "name_form": forms.get("name_form")
        or (ThreadNameForm(initial=initial) if active else None),
        "merge_form": forms.get("merge_form")
        or (ThreadMergeForm(thread=thread, user=request.user) if active else None),
        "split_form": forms.get("split_form")
        or (ThreadSplitForm(cases=reading.cases) if active and len(reading.cases) > 1 else None),
    }
    return render(request, "digests/thread_detail.html", context, status=status)


@require_GET
@login_required
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_thread_for(request.user, pk))


@require_POST
@login_required
def thread_name(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm and name a proposal, or rename a confirmed thread."""
    thread = get_thread_for(request.user, pk)
    form = ThreadNameForm(request.POST)
    if form.is_valid():
        act = (
            service.confirm_thread
            if thread.status == Thread.Status.PROPOSED
            else service.rename_thread
        )
        try:
            thread = act(
                thread=thread,
                actor=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except service.NotAllowed:
            form.add_error(None, CHANGED_MEANWHILE)
        else:
            messages.success(request, _("Rode draad “%(name)s” saved.") % {"name": thread.name})
            return redirect(thread)
    return _detail(request, thread, status=422, name_form=form)


@require_POST
@login_required
def thread_reject(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread_for(request.user, pk)
    try:
        service.reject_thread(thread=thread, actor=request.user)
    except service.NotAllowed:
        messages.error(request, CHANGED_MEANWHILE)
        return redirect(thread)
    messages.success(
        request, _("The proposal was rejected; these cases will not be proposed together again.")
    )
    return redirect("digests:threads")


@require_POST
@login_required
def thread_merge(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread_for(request.user, pk)
    form = ThreadMergeForm(request.POST, thread=thread, user=request.user)
    if not form.is_valid():
        return _detail(request, thread, status=422, merge_form=form)
    service.merge_threads(
        thread=thread, others=list(form.cleaned_data["others"]), actor=request.user
    )
    messages.success(request, _("The rode draden were merged."))
    return redirect(thread)


@require_POST
@login_required
def thread_split(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread_for(request.user, pk)
    reading = ThreadReading(thread, request.user)
    form = ThreadSplitForm(request.POST, cases=reading.cases)
    if form.is_valid():
        try:
            new = service.split_thread(
                thread=thread,
                case_ids=form.cleaned_data["cases"],
                actor=request.user,
                name=form.cleaned_data["name"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except service.NotAllowed:
            form.add_error("cases", _("Choose some of the cases, not all of them."))
        else:
            messages.success(request, _("The chosen cases are now a rode draad of their own."))
            return redirect(new)
    return _detail(request, thread, status=422, split_form=form)


@require_POST
@login_required
def thread_signal(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread_for(request.user, pk)
    try:
        signal = service.signal_thread(thread=thread, actor=request.user)
    except service.NotAllowed:
        messages.error(
            request, _("Only a confirmed rode draad whose cases name a rule can become a signal.")
        )
        return redirect(thread)
    messages.success(
        request, _("The rode draad is now a signal on %(rule)s.") % {"rule": signal.rule}
    )
    return redirect(signal)


@require_POST
@login_required
def thread_link(request: HttpRequest, pk: int) -> HttpResponse:
    """ "This looks like rode draad X — link it?": yes."""
    thread = get_thread_for(request.user, pk)
    try:
        case_pk = int(request.POST.get("case", ""))
    except ValueError:
        raise Http404 from None
    case = get_case_for(request.user, case_pk)
    try:
        service.link_case(thread=thread, case=case, actor=request.user)
    except service.NotAllowed:
        messages.error(request, CHANGED_MEANWHILE)
    else:
        messages.success(
            request,
            _("%(case)s is linked to rode draad “%(thread)s”.")
            % {"case": case.reference, "thread": thread},
        )
    if back := next_path(request):
        return HttpResponseRedirect(back)
    return redirect(case)
