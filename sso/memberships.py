"""Memberships kept from single sign-on: at each login the person's groups, through the
mappings an administrator keeps in Django admin, decide their teams and roles.

Only memberships that came from single sign-on are changed or ended; those an administrator
typed in stay as they are. Every change is one line on the audit log.
"""

from __future__ import annotations

from django.db import transaction

from organisations.audit import audit
from organisations.models import GroupMapping, Membership, Role

# When two groups give roles in the same team, the widest counts.
RANK = {Role.PROFESSIONAL: 1, Role.LEAD: 2, Role.DIRECTOR: 3}


def mapped_roles(groups: list[str]) -> dict[int, str]:
    """The role per team id that these groups give."""
    roles: dict[int, str] = {}
    for team_id, role in GroupMapping.objects.filter(claim_value__in=groups).values_list(
        "team_id", "role"
    ):
        if RANK[role] > RANK.get(roles.get(team_id), 0):
            roles[team_id] = role
    return roles


@transaction.atomic
def sync_memberships(user, roles: dict[int, str]) -> list[tuple[str, int, str]]:
    """Create, change and end the person's single sign-on memberships to match `roles`.
    Returns the changes as (what, team id, role)."""
    changes = []
    held = {m.team_id: m for m in Membership.objects.of(user).select_for_update()}
    for team_id, role in sorted(roles.items()):
        membership = held.get(team_id)
        if membership is None:
            Membership.objects.create(
                user=user, team_id=team_id, role=role, source=Membership.Source.SSO
            )
            changes.append(("membership.created", team_id, role))
        elif membership.source == Membership.Source.SSO and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
            changes.append(("membership.changed", team_id, role))
    for team_id, membership in sorted(held.items()):
        if membership.source == Membership.Source.SSO and team_id not in roles:
            membership.delete()
            changes.append(("membership.ended", team_id, membership.role))
    for what, team_id, role in changes:
        audit(what, actor=user, obj=("bedoeling.team", team_id), role=role)
    return changes
