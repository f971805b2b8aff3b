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
    memberships = (
        Membership.objects.filter(user=request.user).select_related("team").order_by("team__name")
    )
    return render(
        request,
        "bedoeling/home.html",
        {"memberships": memberships, "roles": roles_of(request.user)},
    )


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
