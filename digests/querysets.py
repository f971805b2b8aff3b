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

    def visible_to_scope(self, teams, *, organisation_wide: bool) -> DigestQuerySet:
        """An application's view (the API's tokens): its teams' digests, and the organisation's
        when it may read the whole organisation, as a director reads it."""
        visible = models.Q(team__in=teams)
        if organisation_wide:
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
        """Who reads a signal: the people of the teams whose cases raised it (professionals,
        leads and the directors over those teams) and the rule's policy owner. A signal names
        cases and the reasons given; other teams do not read it."""
        if not user.is_authenticated:
            return self.none()
        raised_by_my_teams = self.model.cases.through.objects.filter(
            case__team__in=Membership.objects.team_ids(user)
        ).values("signal_id")
        return self.filter(models.Q(pk__in=raised_by_my_teams) | models.Q(rule__policy_owner=user))

    def visible_to_scope(self, teams) -> SignalQuerySet:
        """Signals are about rules, not citizens: every application sees them all (the cases
        behind one it sees only within its teams, through `Case.objects.visible_to_scope`)."""
        return self.all()

    def waiting(self) -> SignalQuerySet:
        return self.filter(state__in=["open", "under_review"])


class StoryQuerySet(models.QuerySet):
    def visible_to(self, user) -> StoryQuerySet:
        """Who reads a good example: the case's team, the directors over it and the policy
        owner of the case's rule — the same people as for a signal."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            models.Q(case__team__in=Membership.objects.team_ids(user))
            | models.Q(case__rule__policy_owner=user)
        )


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


def may_move_signal(signal, user) -> bool:
    """Whether this person may move the signal (it is visible to them): the rule's policy owner,
    or a director over one of the teams whose cases raised it."""
    if not user.is_authenticated:
        return False
    if signal.rule.policy_owner_id == user.pk:
        return True
    return signal.cases.filter(team__in=Membership.objects.team_ids(user, Role.DIRECTOR)).exists()


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user) -> ThreadQuerySet:
        """Leads and directors see the threads with a case in a team they lead or oversee.
        Of the other teams' cases in such a thread they see only that there are some, and which
        team (`digests.threads.ThreadReading`)."""
        if not user.is_authenticated:
            return self.none()
        teams = Membership.objects.team_ids(user, Role.LEAD, Role.DIRECTOR)
        ids = self.model.cases.through.objects.filter(case__team__in=teams).values("thread_id")
        return self.filter(pk__in=ids, merged_into__isnull=True)

    def visible_to_scope(self, teams) -> ThreadQuerySet:
        """An application's view (the API's tokens): the confirmed threads with a case in its
        teams; of their cases it sees only those in its teams (`Case.objects.visible_to_scope`)."""
        ids = self.model.cases.through.objects.filter(case__team__in=teams).values("thread_id")
        return self.filter(pk__in=ids, status="confirmed", merged_into__isnull=True)

    def shown(self) -> ThreadQuerySet:
        return self.exclude(status="rejected")


class BuildRequestQuerySet(models.QuerySet):
    def visible_to(self, user) -> BuildRequestQuerySet:
        """The requests for the scopes this person may ask a digest of (and so retry)."""
        organisation, teams = scopes_buildable_by(user)
        visible = models.Q(team__in=teams)
        if organisation:
            visible |= models.Q(team__isnull=True)
        return self.filter(visible)
