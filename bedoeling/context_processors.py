from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from organisations.roles import roles_of


def _nav_items(request: HttpRequest) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    roles = roles_of(user)
    items = [{"url": reverse("home"), "label": _("Home"), "name": "home"}]
    if roles.professional or roles.lead:
        items.append({"url": reverse("cases:mine"), "label": _("My cases"), "name": "my_cases"})
        items.append(
            {"url": reverse("cases:create"), "label": _("Bring a case"), "name": "new_case"}
        )
    if roles.professional or roles.lead or roles.director:
        items.append(
            {
                "url": reverse("deliberations:meetings"),
                "label": _("Case consultations"),
                "name": "meetings",
            }
        )
    if roles.professional or roles.lead or roles.director:
        items.append(
            {
                "url": reverse("digests:dashboard"),
                "label": _("Recurring patterns"),
                "name": "digests",
            }
        )
    if roles.professional or roles.lead or roles.director:
        items.append({"url": reverse("digests:signals"), "label": _("Signals"), "name": "signals"})
        items.append(
            {"url": reverse("digests:examples"), "label": _("Good examples"), "name": "examples"}
        )
    if roles.director:
        items.append(
            {
                "url": reverse("deliberations:escalations"),
                "label": _("Escalations"),
                "name": "escalations",
            }
        )
    items.append({"url": reverse("team_list"), "label": _("Teams"), "name": "teams"})
    if roles.admin:
        items.append({"url": reverse("admin:index"), "label": _("Administration"), "name": "admin"})
    return items


def session_timeout(request: HttpRequest) -> dict:
    """For the idle warning in base.html (static/js/session.js)."""
    from .middleware import seconds_left

    return {
        "session_seconds_left": SimpleLazyObject(lambda: seconds_left(request)),
        "session_warning_seconds": settings.BEDOELING_SESSION_WARNING_SECONDS,
    }


def navigation(request: HttpRequest) -> dict:
    """The main navigation and the organisation, computed only when a template asks for them."""
    return {
        "nav_items": SimpleLazyObject(lambda: _nav_items(request)),
        "organisation": SimpleLazyObject(lambda: Organisation.objects.first()),
    }
