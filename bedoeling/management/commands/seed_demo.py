"""Demo data for trying Bedoeling locally. Idempotent: a second run changes nothing.

The demo is a scenario (`bedoeling.scenario.demo`) made by the one scenario builder, through the
services, with the clock set to each moment of its six months of history; nobody is notified.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bedoeling.scenario.builder import build
from bedoeling.scenario.demo import DEMO
from organisations.models import Role

ROLE_LABELS = {
    Role.PROFESSIONAL: "professional",
    Role.LEAD: "teamleider",
    Role.DIRECTOR: "directeur",
}


class Command(BaseCommand):
    help = (
        "Create a fictional organisation: teams, people in every role, cases and case "
        "consultations (DEBUG only)."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DJANGO_DEBUG=true: it creates accounts with a known "
                "password."
            )
        built = build(DEMO)
        self.stdout.write(self.style.SUCCESS(f"Demo organisation: {built.organisation.name}"))
        self.stdout.write(f"{built.cases} new demo cases.")
        self.stdout.write(
            f"{built.meetings} new past case consultations with {built.decisions} decisions "
            f"({built.escalations} escalated), {built.actions} actions and {built.outcomes} "
            f"outcomes; {built.planned} planned for the coming week."
        )
        self.stdout.write(
            f"{built.signal_moves} signal changes by the director, {built.stories} good examples."
        )
        self.stdout.write(f"{built.digests} new digests (last week and the last six months).")
        self.stdout.write(
            f"{built.accounts} new accounts. Log in at {settings.BASE_URL.rstrip('/')}/ with:"
        )
        for person in DEMO.people:
            roles = ", ".join(f"{ROLE_LABELS[role]} in {team}" for team, role in person.memberships)
            if person.is_superuser:
                roles = "functioneel beheerder (Django admin)"
            self.stdout.write(
                f"  {person.username:<8} / {DEMO.password}   "
                f"{person.first_name} {person.last_name}: {roles}"
            )
