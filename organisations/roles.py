"""What a person is, across their teams: the roles drive navigation and home page content."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import Membership, Role


@dataclass(frozen=True)
class Roles:
    professional: bool = False
    lead: bool = False
    director: bool = False
    admin: bool = False


def roles_of(user: AbstractBaseUser | AnonymousUser) -> Roles:
    if not user.is_authenticated:
        return Roles()
    held = set(Membership.objects.of(user).values_list("role", flat=True).distinct())
    return Roles(
        professional=Role.PROFESSIONAL in held,
        lead=Role.LEAD in held,
        director=Role.DIRECTOR in held,
        admin=user.is_staff,
    )
