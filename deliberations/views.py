"""The meeting pages: plan, run live, decide, close, minutes and calendar file."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import panels
from cases.guard import PersonalDataRefused
from cases.models import Case, CaseStatus
from cases.precedents import similar_cases
from organisations.audit import audit
from organisations.models import Organisation, Role

from . import services
from .calendar import meeting_calendar
from .forms import (
    AttendanceForm,
    CloseMeetingForm,
    CorrectionForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
    NotesForm,
    lead_teams,
    most_similar_earlier_decision,
)
from .models import AgendaItem, Decision, Meeting


def get_meeting_for(user, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(user).select_related("team", "lead"), pk=pk)


def get_item_for(user, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.filter(meeting__in=Meeting.objects.visible_to(user)).select_related(
            "meeting__team", "case__team", "case__rule__regulation"
        ),
        pk=pk,
    )


def require_lead(user, meeting: Meeting) -> None:
    if not meeting.team.is_led_by(user):
        raise PermissionDenied


@require_GET
@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.visible_to(request.user).select_related("team")
    now = timezone.now()
    return render(
        request,
        "deliberations/meeting_list.html",
        {
            "upcoming": meetings.exclude(status=Meeting.Status.CLOSED).order_by("starts_at"),
            "past": meetings.filter(status=Meeting.Status.CLOSED).order_by("-starts_at")[:50],
            "lead_teams": lead_teams(request.user).order_by("name"),
            "now": now,
        },
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    teams = lead_teams(request.user).order_by("name")
    team_id = request.POST.get("team") or request.GET.get("team")
    if not teams.exists():
        raise PermissionDenied
    if team_id and not (team_id.isascii() and team_id.isdigit()):
        raise BadRequest("team is not a number")
    if team_id is None and teams.count() > 1:
        return render(request, "deliberations/meeting_choose_team.html", {"teams": teams})
    team = get_object_or_404(teams, pk=team_id) if team_id else teams.first()
    initial = {
        "starts_at": _next_weekday_at(10),
        "participants": list(
            team.memberships.exclude(role=Role.DIRECTOR).values_list("user_id", flat=True)
        ),
    }
    form = MeetingForm(request.POST or None, team=team, initial=initial)
    if not request.POST:
        form.initial["cases"] = list(form.fields["cases"].queryset.values_list("pk", flat=True))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.plan_meeting(
                team=team,
                lead=request.user,
                starts_at=form.cleaned_data["starts_at"],
                location=form.cleaned_data["location"],
                participants=form.cleaned_data["participants"],
                cases=form.cleaned_data["cases"],
            )
        except services.ConflictError:
            form.add_error(
                "cases",
                _("One of these cases was just put on another agenda. Check the list again."),
            )
        else:
            messages.success(request, _("The case consultation was planned."))
            return redirect(meeting)
    return render(request, "deliberations/meeting_form.html", {"form": form, "team": team})


def _next_weekday_at(hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def _meeting_context(
    request: HttpRequest, meeting: Meeting, selected_id: int | None = None, **extra
) -> dict:
    items = list(
        meeting.items.select_related("case__rule__regulation", "case__author").order_by(
            "position", "pk"
        )
    )
    can_run = meeting.team.is_led_by(request.user)
    selected = None
    if selected_id is None and (request.GET.get("item") or "").isdigit():
        selected_id = int(request.GET["item"])
    if selected_id is not None:
        selected = next((item for item in items if item.pk == selected_id), None)
    if selected is None:
        selected = next((item for item in items if item.state == "open"), None) or (
            items[0] if items else None
        )
    context = {
        "meeting": meeting,
        "participants": meeting.participants.order_by("first_name", "last_name", "username"),
        "items": items,
        "selected": selected,
        "can_run": can_run,
        "organisation": Organisation.objects.first(),
        "close_form": extra.pop("close_form", None) or CloseMeetingForm(),
        "attendance_form": extra.pop("attendance_form", None) or AttendanceForm(meeting=meeting),
        "minutes_form": extra.pop("minutes_form", None)
        or MinutesForm(initial={"minutes": meeting.minutes, "version": meeting.version}),
        "addable": Case.objects.visible_to(request.user)
        .filter(team=meeting.team)
        .awaiting_agenda()
        .order_by("harm_date", "submitted_at")
        if can_run and not meeting.is_closed
        else [],
    }
    if selected is not None:
        case = selected.case
        decision = selected.decisions.select_related("author").first()
        earlier = most_similar_earlier_decision(case, request.user)
        form = extra.pop("decision_form", None)
        if form is None and can_run and meeting.status == "in_progress" and decision is None:
            form = DecisionForm(case=case, earlier=earlier)
        context.update(
            {
                "case": case,
                "notes_form": extra.pop("notes_form", None)
                or NotesForm(initial={"notes": selected.notes}),
                "decision": decision,
                "earlier": earlier,
                "decision_form": form,
                "precedents": similar_cases(case, request.user),
                "comments": case.comments.select_related("author"),
                **_thread_prompt(case, request),
            }
        )
    context.update(extra)
    return context


def _thread_prompt(case, request) -> dict:
    """The "link it to rode draad X?" prompt that digests adds (a case panel), if any."""
    template, context = panels.panel_for("thread_prompt", case, request.user)
    return {"thread_panel": template, **context, "thread_prompt_next": request.get_full_path()}


@require_GET
@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk)
    context = _meeting_context(request, meeting)
    if request.htmx and request.GET.get("fragment") == "agenda":
        return render(request, "deliberations/meeting_detail.html#agenda", context)
    return render(request, "deliberations/meeting_detail.html", context)


@require_POST
@login_required
def meeting_start(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk)
    require_lead(request.user, meeting)
    try:
        services.start_meeting(meeting=meeting, actor=request.user)
    except services.InvalidState:
        messages.error(request, _("This meeting has already started or is closed."))
    return redirect(meeting)


@require_POST
@login_required
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk)
    require_lead(request.user, meeting)
    chosen = request.POST.get("case", "")
    case = (
        Case.objects.visible_to(request.user).filter(pk=chosen).first()
        if chosen.isascii() and chosen.isdigit()
        else None
    )
    if case is None:
        messages.error(request, _("Choose a submitted case of this team."))
        return redirect(meeting)
    try:
        services.add_to_agenda(meeting=meeting, case=case, actor=request.user)
    except (services.InvalidState, services.ConflictError):
        messages.error(
            request, _("This case cannot go on the agenda: it is not waiting for a meeting.")
        )
    return redirect(meeting)


@require_POST
@login_required
def agenda_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for(request.user, pk)
    require_lead(request.user, item.meeting)
    direction = -1 if request.POST.get("direction") == "up" else 1
    if not item.meeting.is_closed:
        services.move_agenda_item(item=item, direction=direction)
    return redirect(f"{item.meeting.get_absolute_url()}#{_moved_anchor(item, direction)}")


def _moved_anchor(item: AgendaItem, direction: int) -> str:
    """Where the page opens after a move, so keyboard focus stays with the moved item: its
    button for the same direction (to move it further), or the item itself at either end."""
    order = list(item.meeting.items.order_by("position", "pk").values_list("pk", flat=True))
    at_end = order.index(item.pk) == (0 if direction < 0 else len(order) - 1)
    if at_end:
        return f"item-{item.pk}"
    return f"item-{item.pk}-{'up' if direction < 0 else 'down'}"


@require_POST
@login_required
def agenda_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for(request.user, pk)
    require_lead(request.user, item.meeting)
    try:
        services.remove_from_agenda(item=item, actor=request.user)
    except services.InvalidState:
        messages.error(request, _("Only open items of a planned meeting can be removed."))
    return redirect(item.meeting)


@sensitive_post_parameters()
@require_POST
@login_required
def item_notes(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for(request.user, pk)
    require_lead(request.user, item.meeting)
    form = NotesForm(request.POST)
    if form.is_valid():
        try:
            services.save_notes(
                item=item,
                actor=request.user,
                notes=form.cleaned_data["notes"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except services.InvalidState:
            messages.error(request, _("The meeting is closed; its notes are frozen."))
            return redirect(f"{item.meeting.get_absolute_url()}?item={item.pk}")
    if not form.is_valid():
        context = _meeting_context(request, item.meeting, item.pk, notes_form=form)
        return render(request, "deliberations/meeting_detail.html", context, status=422)
    messages.success(request, _("Notes saved."))
    return redirect(f"{item.meeting.get_absolute_url()}?item={item.pk}")


@sensitive_post_parameters()
@require_POST
@login_required
def decision_record(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for(request.user, pk)
    meeting = item.meeting
    require_lead(request.user, meeting)
    earlier = most_similar_earlier_decision(item.case, request.user)
    form = DecisionForm(request.POST, case=item.case, earlier=earlier)
    if form.is_valid():
        try:
            services.record_decision(
                item=item, author=request.user, spec=form.spec(), confirmed=form.confirmed
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except services.ConflictError:
            form.add_error(
                None,
                _(
                    "Someone else recorded a decision on this item a moment ago. Yours was not "
                    "saved; what you typed is still below. Read the recorded decision first."
                ),
            )
        except services.InvalidState:
            form.add_error(None, _("Decisions can only be recorded while the meeting runs."))
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect(f"{meeting.get_absolute_url()}?item={item.pk}")
    context = _meeting_context(request, meeting, item.pk, decision_form=form)
    return render(request, "deliberations/meeting_detail.html", context, status=422)


@sensitive_post_parameters()
@require_POST
@login_required
def minutes_save(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk)
    require_lead(request.user, meeting)
    form = MinutesForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            services.save_minutes(
                meeting=meeting,
                actor=request.user,
                minutes=form.cleaned_data["minutes"],
                version=form.cleaned_data["version"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except services.ConflictError:
            status = 409
            form.add_error(
                None,
                _(
                    "The minutes were changed elsewhere, or the meeting is not running. Your text "
                    "was not saved; it is still in the field below."
                ),
            )
        else:
            messages.success(request, _("Minutes saved."))
            return redirect(f"{meeting.get_absolute_url()}#minutes")
    context = _meeting_context(request, meeting, minutes_form=form)
    return render(request, "deliberations/meeting_detail.html", context, status=status)


@require_POST
@login_required
def attendance_save(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk)
    require_lead(request.user, meeting)
    form = AttendanceForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.record_attendance(
                meeting=meeting, actor=request.user, attendees=form.cleaned_data["attendees"]
            )
        except services.InvalidState:
            messages.error(request, _("Who was present is recorded while the meeting runs."))
        else:
            messages.success(request, _("Attendance saved."))
        return redirect(f"{meeting.get_absolute_url()}#attendance")
    context = _meeting_context(request, meeting, attendance_form=form)
    return render(request, "deliberations/meeting_detail.html", context, status=422)


@require_POST
@login_required
def meeting_close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk)
    require_lead(request.user, meeting)
    form = CloseMeetingForm(request.POST)
    form.is_valid()
    choice = form.cleaned_data.get("open_items")
    has_open = meeting.items.filter(state=AgendaItem.State.OPEN).exists()
    if has_open and choice == "keep_open":
        messages.info(request, _("The meeting stays open."))
        return redirect(meeting)
    if has_open and choice != "postpone":
        form.add_error(
            "open_items",
            _("Some items are still open. Postpone them all, or keep the meeting open."),
        )
        context = _meeting_context(request, meeting, close_form=form)
        return render(request, "deliberations/meeting_detail.html", context, status=422)
    try:
        services.close_meeting(meeting=meeting, actor=request.user, postpone_open=has_open)
    except services.InvalidState:
        messages.error(request, _("Only a running meeting can be closed."))
        return redirect(meeting)
    messages.success(request, _("The meeting was closed; its decisions are final."))
    return redirect("deliberations:minutes", pk=meeting.pk)


@require_GET
@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk)
    decisions = Decision.objects.select_related(
        "author", "escalation_raised__director"
    ).prefetch_related("actions__owner", "public_values")
    items = (
        meeting.items.select_related("case__rule__regulation")
        .prefetch_related(Prefetch("decisions", queryset=decisions))
        .order_by("position")
    )
    return render(
        request,
        "deliberations/minutes.html",
        {
            "meeting": meeting,
            "items": items,
            "participants": meeting.participants.all(),
            "attendees": meeting.attendees.all(),
        },
    )


@require_GET
@login_required
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    from django.conf import settings

    meeting = get_meeting_for(request.user, pk)
    audit("export.ics", actor=request.user, obj=meeting)
    body = meeting_calendar(
        uid=f"meeting-{meeting.pk}@bedoeling",
        starts_at=meeting.starts_at,
        duration=dt.timedelta(hours=1, minutes=30),
        summary=_("Case consultation %(team)s") % {"team": meeting.team.name},
        location=meeting.location,
        url=settings.BASE_URL + meeting.get_absolute_url(),
        stamp=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="casusoverleg-{meeting.pk}.ics"'
    return response


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@login_required
def decision_correct(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(
        Decision.objects.visible_to(request.user).select_related("case__team"), pk=pk
    )
    case = decision.case
    if not case.team.is_led_by(request.user):
        raise PermissionDenied
    if not decision.frozen or Decision.objects.filter(supersedes=decision).exists():
        messages.error(
            request, _("Only a final decision that was not corrected yet can be corrected.")
        )
        return redirect(case)
    if case.status == CaseStatus.CLOSED:
        messages.error(request, CLOSED_CASE_MESSAGE)
        return redirect(case)
    earlier = most_similar_earlier_decision(case, request.user)
    form = CorrectionForm(request.POST or None, case=case, earlier=earlier)
    if request.method == "POST" and form.is_valid():
        try:
            services.supersede_decision(
                decision=decision,
                author=request.user,
                spec=form.spec(),
                reason=form.cleaned_data["reason"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except services.ConflictError:
            form.add_error(None, _("Someone else corrected this decision a moment ago."))
        except services.InvalidState:
            form.add_error(None, CLOSED_CASE_MESSAGE)
        else:
            messages.success(
                request, _("The correction was recorded; the old decision stays readable.")
            )
            return redirect(case)
    return render(
        request,
        "deliberations/decision_correct.html",
        {
            "decision": decision,
            "case": case,
            "form": form,
            "action_url": reverse("deliberations:correct", args=[decision.pk]),
        },
        status=422 if form.errors else 200,
    )


CLOSED_CASE_MESSAGE = gettext_lazy(
    "This case is closed: its outcome was evaluated against this decision, so the decision is "
    "not corrected any more. Record what you learned as colleague input on the case."
)
