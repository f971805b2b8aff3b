"""The one access API: which teams a person sees, and in which role.

Every `visible_to(user)` in every app is built on `Membership.objects.team_ids(user, *roles)`;
every "is this person a lead of that team" on `Membership.objects.role_in(user, team_id)`.
No view or other app filters memberships by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> OrganisationQuerySet:
        # A deployment serves one organisation: everyone logged in may read it.
        if not user.is_authenticated:
            return self.none()
        return self.all()


class TeamQuerySet(models.QuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> TeamQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(pk__in=_memberships().team_ids(user))

    def where(self, user, *roles: str) -> TeamQuerySet:
        """The teams in which this person holds one of `roles` (any role when none given)."""
        return self.filter(pk__in=_memberships().team_ids(user, *roles))


class MembershipQuerySet(models.QuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> MembershipQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(team__in=self.team_ids(user))

    def of(self, user, *roles: str) -> MembershipQuerySet:
        """This person's memberships, only those with one of `roles` when given."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        memberships = self.filter(user=user)
        return memberships.filter(role__in=roles) if roles else memberships

    def team_ids(self, user, *roles: str) -> MembershipQuerySet:
        """The ids of the teams this person works in (with one of `roles`), as a subquery."""
        return self.of(user, *roles).values("team_id")

    def role_in(self, user, team_id: int | None) -> str | None:
        """This person's role in that team, or None."""
        if team_id is None:
            return None
        return self.of(user).filter(team_id=team_id).values_list("role", flat=True).first()

    def holds(self, user, *roles: str) -> bool:
        """Whether this person holds one of `roles` in any team."""
        return self.of(user, *roles).exists()


def _memberships() -> MembershipQuerySet:
    from .models import Membership

    return Membership.objects
