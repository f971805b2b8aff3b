"""Who may see which meeting, decision, escalation and action: one `visible_to` per model."""

from __future__ import annotations

from django.db import models

from cases.querysets import visible_through, visible_through_scope
from organisations.models import Membership, Role


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> MeetingQuerySet:
        """Members of the team (any role, directors included) read its meetings."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(team__in=Membership.objects.team_ids(user))

    def led_by(self, user) -> MeetingQuerySet:
        """The meetings of the teams this person leads."""
        return self.filter(team__in=Membership.objects.team_ids(user, Role.LEAD))

    def upcoming(self) -> MeetingQuerySet:
        """Meetings still to hold: running, or planned from today on (a planned meeting that
        never started stays listed on the meetings page, not as 'next')."""
        from django.utils import timezone

        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        return (
            self.exclude(status="closed")
            .filter(models.Q(status="in_progress") | models.Q(starts_at__gte=today))
            .order_by("starts_at")
        )


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> DecisionQuerySet:
        return visible_through(self, user)

    def visible_to_scope(self, teams) -> DecisionQuerySet:
        """The decisions an application with access to `teams` sees (the API's tokens)."""
        return visible_through_scope(self, teams)

    def current(self) -> DecisionQuerySet:
        """The decisions no later decision corrected: the only definition of "current".

        Written as NOT IN the (few) corrected ones rather than `superseded_by__isnull=True`:
        PostgreSQL plans that LEFT JOIN ... IS NULL as a join expected to return one row and
        then picks nested loops over every decision of a period.
        """
        corrected = self.model.objects.filter(supersedes__isnull=False).values("supersedes_id")
        return self.exclude(pk__in=corrected)

    def settling(self) -> DecisionQuerySet:
        """The decisions that settle their case (see `DecisionKind.settles`).

        Written as NOT IN the kinds that do not settle, not as IN those that do: that is the
        predicate of the partial index `decision_evaluation_due` (deliberations/0004), so
        PostgreSQL counts the outcomes still to evaluate from the index alone (at 1,000,000
        cases 0.29 s instead of 0.98 s, bench/README.md).
        """
        from .models import DecisionKind

        return self.exclude(kind__in=[kind for kind in DecisionKind if not kind.settles])

    def of_case(self, case) -> Decision | None:  # noqa: F821
        """The case's decision: its newest current, settling one (None while it has none)."""
        return self.filter(case=case).current().settling().order_by("-created_at", "-pk").first()


class EscalationQuerySet(models.QuerySet):
    def visible_to(self, user) -> EscalationQuerySet:
        """A director sees escalations addressed to them; the team's members see their own."""
        if not user.is_authenticated:
            return self.none()
        overseen = Membership.objects.team_ids(user, Role.DIRECTOR)
        in_teams = visible_through(self, user)
        return in_teams.filter(models.Q(director=user) | ~models.Q(case__team__in=overseen))

    def open(self) -> EscalationQuerySet:
        return self.filter(status="open")


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user) -> ActionQuerySet:
        return visible_through(self, user)

    def open(self) -> ActionQuerySet:
        return self.filter(done_at__isnull=True)
