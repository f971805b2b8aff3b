"""Who may see what, decided once per model in `visible_to(user)`."""

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
        return self.filter(pk__in=_team_ids_of(user))


class MembershipQuerySet(models.QuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> MembershipQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(team__in=_team_ids_of(user))


def _team_ids_of(user: AbstractBaseUser) -> models.QuerySet:
    from .models import Membership

    return Membership.objects.filter(user=user).values("team_id")
