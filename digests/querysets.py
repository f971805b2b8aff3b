"""Who may see which digest, signal and story."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from cases.models import CaseStatus
from organisations.models import Membership, Role


class DigestQuerySet(models.QuerySet):
    def visible_to(self, user) -> DigestQuerySet:
        """Directors: the organisation digest and their teams'; others: their own teams'."""
        if not user.is_authenticated:
            return self.none()
        visible = models.Q(team__in=Membership.objects.team_ids(user))
        if Membership.objects.holds(user, Role.DIRECTOR):
            visible |= models.Q(team__isnull=True)
        return self.filter(visible)

    def latest_per_scope(self) -> list:
        """The newest digest (latest period, then latest version) for each scope.

        One query: the database ranks the digests per scope, so only the winners (and their
        figures) are loaded, however many versions and weeks are stored. The organisation
        comes first, then the teams by name.
        """
        ranked = self.annotate(
            scope_rank=Window(
                RowNumber(),
                partition_by=[F("team_id")],
                order_by=[F("end").desc(), F("start").desc(), F("version").desc(), F("pk").desc()],
            )
        )
        latest = ranked.filter(scope_rank=1).select_related("team")
        return sorted(
            latest, key=lambda d: (d.team_id is not None, d.team.name if d.team_id else "")
        )


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


def scopes_buildable_by(user) -> tuple[bool, models.QuerySet]:
    """Who may ask for a (re)build of which digest: (the organisation's?, which teams).

    A lead for the teams they lead; a director for the teams they oversee and the organisation.
    Professionals for none.
    """
    from organisations.models import Team

    if not user.is_authenticated:
        return False, Team.objects.none()
    teams = Team.objects.where(user, Role.LEAD, Role.DIRECTOR).order_by("name")
    return Membership.objects.holds(user, Role.DIRECTOR), teams


# Only a case the consultation has decided can be told as a good example.
PUBLISHABLE_STATUSES = (CaseStatus.DECIDED, CaseStatus.CLOSED)


def may_publish_story(case, user) -> bool:
    """Whether this person may tell the case as a good example: a lead of its team, once the
    case is decided."""
    return case.status in PUBLISHABLE_STATUSES and case.team.is_led_by(user)


class BuildRequestQuerySet(models.QuerySet):
    def visible_to(self, user) -> BuildRequestQuerySet:
        """The requests for the scopes this person may ask a digest of (and so retry)."""
        organisation, teams = scopes_buildable_by(user)
        visible = models.Q(team__in=teams)
        if organisation:
            visible |= models.Q(team__isnull=True)
        return self.filter(visible)
