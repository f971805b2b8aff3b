from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import Membership, Team
from .roles import roles_of


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    from cases.models import Case
    from cases.querysets import lead_team_ids

    memberships = (
        Membership.objects.filter(user=request.user).select_related("team").order_by("team__name")
    )
    roles = roles_of(request.user)
    visible = Case.objects.visible_to(request.user).select_related("team")
    context = {"memberships": memberships, "roles": roles}
    if roles.professional or roles.lead:
        mine = visible.filter(author=request.user)
        context["drafts"] = mine.filter(status="draft").order_by("-updated_at")[:10]
        context["open_cases"] = mine.open().exclude(status="draft").order_by("-updated_at")[:10]
    if roles.lead:
        context["awaiting_agenda"] = (
            visible.filter(team__in=lead_team_ids(request.user))
            .awaiting_agenda()
            .order_by("harm_date", "submitted_at")[:20]
        )
    return render(request, "bedoeling/home.html", context)


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


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """Shown by django-axes instead of the login page while an account is locked."""
    from django.conf import settings

    minutes = max(1, round(settings.AXES_COOLOFF_TIME * 60))
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)
