from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.decorators import login_not_required, login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import i18n
from django.views.decorators.http import require_GET, require_POST

from cases.models import Case, CaseStatus
from deliberations.followup import cases_awaiting_outcome
from deliberations.models import Action, Escalation, Meeting
from digests.models import Digest, Signal, Thread
from digests.patterns import headline
from organisations import clock
from organisations.models import Membership, Team, remember_language
from organisations.redirects import next_path
from organisations.roles import roles_of


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.of(request.user).select_related("team").order_by("team__name")
    roles = roles_of(request.user)
    visible = Case.objects.visible_to(request.user).select_related("team")
    context = {"memberships": memberships, "roles": roles}
    if roles.professional or roles.lead:
        mine = visible.filter(author=request.user)
        context["drafts"] = mine.filter(status=CaseStatus.DRAFT).order_by("-updated_at")[:10]
        context["open_cases"] = (
            mine.open().exclude(status=CaseStatus.DRAFT).order_by("-updated_at")[:10]
        )
    if roles.lead:
        context["awaiting_agenda"] = (
            visible.led_by(request.user)
            .awaiting_agenda()
            .order_by("harm_date", "submitted_at")[:20]
        )
    context.update(_followup(request.user, roles))
    return render(request, "bedoeling/home.html", context)


def _followup(user, roles) -> dict:
    """What waits for this person after the case consultation: their open actions, outcomes to
    record, the next meeting they lead and escalations addressed to them."""
    context: dict = {
        "today": clock.today(),
        # Actions they own, and the actions on the cases they brought.
        "my_actions": Action.objects.visible_to(user)
        .open()
        .filter(Q(owner=user) | Q(case__author=user))
        .select_related("case", "owner")
        .order_by("due_on", "pk")[:20],
    }
    if roles.professional or roles.lead:
        context["awaiting_outcome"] = (
            cases_awaiting_outcome(user, clock.today())
            .select_related("team")
            .order_by("updated_at", "pk")[:20]
        )
    if roles.lead:
        context["next_meeting"] = (
            Meeting.objects.visible_to(user).upcoming().led_by(user).select_related("team").first()
        )
    if roles.director:
        org_digest = Digest.objects.visible_to(user).filter(team__isnull=True).first()
        context["org_digest"] = org_digest
        context["org_figures"] = headline(org_digest.data) if org_digest else None
        context["threads"] = list(
            Thread.objects.visible_to(user).filter(status=Thread.Status.CONFIRMED)[:10]
        )
        context["proposed_threads"] = (
            Thread.objects.visible_to(user).filter(status=Thread.Status.PROPOSED).count()
        )
        context["waiting_signals"] = (
            Signal.objects.visible_to(user)
            .waiting()
            .select_related("rule__regulation")
            .order_by("created_at", "pk")[:10]
        )
        context["open_escalations"] = (
            Escalation.objects.visible_to(user)
            .open()
            .filter(director=user)
            .select_related("case__team")
            .order_by("created_at", "pk")[:20]
        )
    return context


@require_GET
@login_required
def team_list(request: HttpRequest) -> HttpResponse:
    teams = Team.objects.visible_to(request.user).order_by("name")
    return render(request, "bedoeling/team_list.html", {"teams": teams})


@require_GET
@login_required
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = get_object_or_404(Team.objects.visible_to(request.user), pk=pk)
    memberships = team.memberships.select_related("user").order_by("role", "user__last_name")
    return render(request, "bedoeling/team_detail.html", {"team": team, "memberships": memberships})


# The date the accessibility statement was drawn up or last reviewed (at least once a year).
STATEMENT_DATE = dt.date(2026, 12, 1)


@require_GET
@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, after the Dutch government's model statement. Open to
    everyone: a person who cannot log in must be able to read it."""
    return render(
        request,
        "bedoeling/accessibility.html",
        {"address": settings.BASE_URL, "statement_date": STATEMENT_DATE},
    )


HELP_ROLES = ("professional", "lead", "director")


@require_GET
@login_required
def help_index(request: HttpRequest) -> HttpResponse:
    roles = roles_of(request.user)
    mine = [role for role in HELP_ROLES if getattr(roles, role)]
    return render(request, "bedoeling/help.html", {"my_roles": mine})


@require_GET
@login_required
def help_role(request: HttpRequest, role: str) -> HttpResponse:
    if role not in HELP_ROLES:
        raise Http404
    return render(request, f"bedoeling/help_{role}.html")


@login_not_required
def choose_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice for a logged-in person, so
    that the mails they get are written in it too."""
    response = i18n.set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        remember_language(request.user, request.POST.get("language", ""))
    return response


@require_POST
@login_required
def extend_session(request: HttpRequest) -> HttpResponse:
    """The "stay logged in" button of the idle warning. The request itself is the activity that
    extends the session (bedoeling/middleware.py); with JavaScript it answers 204, without it
    returns to the page the person was on."""
    from .middleware import touch

    touch(request, force=True)
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return HttpResponseRedirect(next_path(request) or reverse("home"))


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """Shown by django-axes instead of the login page while a login is refused: either this
    username from this address (the person can still log in elsewhere) or, after many
    failures over several usernames, this whole address."""
    from .login import address_throttled

    minutes = max(1, round(settings.AXES_COOLOFF_TIME * 60))
    template = (
        "registration/address_throttled.html"
        if address_throttled(request)
        else "registration/locked_out.html"
    )
    return render(request, template, {"cooloff_minutes": minutes}, status=429)
