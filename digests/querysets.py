"""Who may see which digest, signal and story."""

from __future__ import annotations

from django.db import models

from bedoeling.models import Membership, Role


class DigestQuerySet(models.QuerySet):
    def visible_to(self, user) -> DigestQuerySet:
        """Directors: the organisation digest and their teams'; others: their own teams'."""
        if not user.is_authenticated:
            return self.none()
        memberships = Membership.objects.filter(user=user)
        teams = memberships.values("team_id")
        is_director = memberships.filter(role=Role.DIRECTOR).exists()
        visible = models.Q(team__in=teams)
        if is_director:
            visible |= models.Q(team__isnull=True)
        return self.filter(visible)

    def latest_per_scope(self) -> list:
        """The newest digest (latest period, then latest version) for each scope."""
        seen: dict = {}
        for digest in self.select_related("team").order_by("-end", "-version", "-pk"):
            seen.setdefault(digest.team_id, digest)
        return list(seen.values())


class SignalQuerySet(models.QuerySet):
    def visible_to(self, user) -> SignalQuerySet:
        """Everyone logged in sees the signals: they are about rules, not about citizens."""
        if not user.is_authenticated:
            return self.none()
        return self.all()

    def waiting(self) -> SignalQuerySet:
        return self.filter(state__in=["open", "under_review"])


class StoryQuerySet(models.QuerySet):
    def visible_to(self, user) -> StoryQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.all()
