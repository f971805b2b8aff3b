"""Who may see which case: `Case.objects.visible_to(user)` is the only way views find cases.

Built on the one access API (`Membership.objects.team_ids`); the timeline, comments and every
later app's rows about a case reuse it through `visible_through(user, "case")`.
"""

from __future__ import annotations

from django.db import models

from organisations.models import Membership


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
        in_teams = self.filter(team__in=Membership.objects.team_ids(user))
        return in_teams.exclude(models.Q(status="draft") & ~models.Q(author=user))

    def visible_to_scope(self, teams) -> CaseQuerySet:
        """What an application with access to `teams` (the API's tokens) sees: the submitted
        cases of those teams. Drafts are their author's alone, so never an application's."""
        return self.filter(team__in=teams).exclude(status="draft")

    def with_list_data(self) -> CaseQuerySet:
        return self.select_related(
            "team", "author", "rule__regulation", "barrier"
        ).prefetch_related("public_values")

    def led_by(self, user) -> CaseQuerySet:
        """The cases of the teams this person leads."""
        from organisations.models import Role

        return self.filter(team__in=Membership.objects.team_ids(user, Role.LEAD))

    def awaiting_agenda(self) -> CaseQuerySet:
        return self.filter(status="submitted")

    def open(self) -> CaseQuerySet:
        """Not closed and not withdrawn (drafts included)."""
        from .models import OPEN_STATUSES

        return self.filter(status__in=OPEN_STATUSES)

    def awaiting_decision(self) -> CaseQuerySet:
        """Submitted and not decided yet: in the queue, on an agenda or with a director."""
        from .models import AWAITING_DECISION

        return self.filter(status__in=AWAITING_DECISION)


def visible_through(queryset: models.QuerySet, user, prefix: str = "case") -> models.QuerySet:
    """Rows about a case (`prefix` is the lookup to it), visible when their case is."""
    from .models import Case

    return queryset.filter(**{f"{prefix}__in": Case.objects.visible_to(user)})


def visible_through_scope(queryset: models.QuerySet, teams, prefix: str = "case"):
    """Rows about a case, visible to an application when their case is (`visible_to_scope`)."""
    from .models import Case

    return queryset.filter(**{f"{prefix}__in": Case.objects.visible_to_scope(teams)})


class CaseEventQuerySet(models.QuerySet):
    """Timeline events are append-only: the queryset refuses to change or delete them."""

    def visible_to(self, user) -> CaseEventQuerySet:
        return visible_through(self, user)

    def update(self, **kwargs):
        raise TypeError("Timeline events are never changed.")

    def delete(self):
        raise TypeError("Timeline events are never deleted.")


class CommentQuerySet(models.QuerySet):
    def visible_to(self, user) -> CommentQuerySet:
        return visible_through(self, user)
