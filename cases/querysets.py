"""Who may see which case: `Case.objects.visible_to(user)` is the only way views find cases."""

from __future__ import annotations

from django.db import models

from organisations.models import Membership, Role


def _team_ids(user, roles: tuple[str, ...] | None = None) -> models.QuerySet:
    memberships = Membership.objects.filter(user=user)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return memberships.values("team_id")


class RuleQuerySet(models.QuerySet):
    def active(self) -> RuleQuerySet:
        return self.filter(is_active=True, regulation__isnull=False)


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> CaseQuerySet:
        """Professionals and leads see their teams' cases; directors the teams they oversee.

        Drafts are the author's own until submitted.
        """
        if not user.is_authenticated:
            return self.none()
        in_teams = self.filter(team__in=_team_ids(user))
        return in_teams.exclude(models.Q(status="draft") & ~models.Q(author=user))

    def with_list_data(self) -> CaseQuerySet:
        return self.select_related(
            "team", "author", "rule__regulation", "barrier"
        ).prefetch_related("public_values")

    def awaiting_agenda(self) -> CaseQuerySet:
        return self.filter(status="submitted")

    def open(self) -> CaseQuerySet:
        return self.filter(status__in=["draft", "submitted", "scheduled", "decided", "escalated"])


class CaseEventQuerySet(models.QuerySet):
    def visible_to(self, user) -> CaseEventQuerySet:
        from .models import Case

        return self.filter(case__in=Case.objects.visible_to(user))


class CommentQuerySet(models.QuerySet):
    def visible_to(self, user) -> CommentQuerySet:
        from .models import Case

        return self.filter(case__in=Case.objects.visible_to(user))


def teams_where_user_can_bring_cases(user) -> models.QuerySet:
    from organisations.models import Team

    return Team.objects.filter(pk__in=_team_ids(user, (Role.PROFESSIONAL, Role.LEAD)))


def lead_team_ids(user) -> models.QuerySet:
    return _team_ids(user, (Role.LEAD,))
