"""Demo data for trying Bedoeling locally. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cases.demo import seed_cases
from deliberations.demo import seed_meetings
from organisations.models import Membership, Organisation, Role, Team

DEMO_PASSWORD = "bedoeling-demo"  # noqa: S105 - printed for local demo use only

ORGANISATION = {
    "name": "Gemeente Rivierstad — Werk en Inkomen",
    "purpose": (
        "Wij zorgen dat inwoners van Rivierstad die het op eigen kracht niet redden, "
        "bestaanszekerheid hebben en kunnen meedoen. Regels zijn daarvoor een middel, "
        "geen doel: waar een regel het tegendeel bereikt van waarvoor hij bedoeld is, "
        "doen we wat nodig is — en leggen we uit waarom."
    ),
}

TEAMS = [
    (
        "Inkomen Noord",
        "Inwoners van stadsdeel Noord snel en zeker hun bijstand geven, "
        "met oog voor hun hele situatie.",
    ),
    (
        "Inkomen Zuid",
        "Inwoners van stadsdeel Zuid snel en zeker hun bijstand geven, "
        "met oog voor hun hele situatie.",
    ),
    (
        "Schulddienstverlening",
        "Inwoners met schulden helpen weer grip te krijgen, "
        "zodat schulden school, werk en zorg niet blokkeren.",
    ),
]

# username, first name, last name, [(team, role)], is_superuser
PEOPLE = [
    (
        "sanne",
        "Sanne",
        "de Vries",
        [("Inkomen Noord", Role.PROFESSIONAL), ("Schulddienstverlening", Role.PROFESSIONAL)],
        False,
    ),
    ("mehmet", "Mehmet", "Yilmaz", [("Inkomen Zuid", Role.PROFESSIONAL)], False),
    ("lotte", "Lotte", "Smit", [("Inkomen Zuid", Role.PROFESSIONAL)], False),
    ("youssef", "Youssef", "Bouzid", [("Schulddienstverlening", Role.PROFESSIONAL)], False),
    ("joost", "Joost", "Bakker", [("Inkomen Noord", Role.LEAD)], False),
    ("fatima", "Fatima", "El Amrani", [("Inkomen Zuid", Role.LEAD)], False),
    ("ingrid", "Ingrid", "Visser", [("Schulddienstverlening", Role.LEAD)], False),
    (
        "karin",
        "Karin",
        "Mulder",
        [("Inkomen Noord", Role.DIRECTOR), ("Inkomen Zuid", Role.DIRECTOR)],
        False,
    ),
    ("beheer", "Bram", "Jansen", [], True),
]

ROLE_LABELS = {
    Role.PROFESSIONAL: "professional",
    Role.LEAD: "teamleider",
    Role.DIRECTOR: "directeur",
}


@contextmanager
def no_notifications() -> Iterator[None]:
    """Seed without notifying anyone.

    The services enqueue their e-mails (invitations, minutes, escalations, submitted cases) with
    `transaction.on_commit`; for hundreds of demo changes that would print or send hundreds of
    mails to fictional people. Every on_commit hook in this code base is such a notification, so
    while seeding they are dropped: nothing is queued, rendered or sent.
    """
    with mock.patch.object(transaction, "on_commit", lambda func, using=None, robust=False: None):
        yield


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
        now = timezone.now()
        with no_notifications(), transaction.atomic():
            organisation = self.seed_organisation()
            teams = self.seed_teams(organisation)
            people, created = self.seed_people(teams)
            cases_created = seed_cases(people, teams, today=timezone.localdate(now))
            meetings = seed_meetings(people, teams, now=now)
            digests = self.seed_digests(teams, today=timezone.localdate(now))
        self.stdout.write(self.style.SUCCESS(f"Demo organisation: {organisation.name}"))
        self.stdout.write(f"{cases_created} new demo cases.")
        self.stdout.write(
            f"{meetings['meetings']} new past case consultations with {meetings['decisions']} "
            f"decisions ({meetings['escalations']} escalated), {meetings['actions']} actions and "
            f"{meetings['outcomes']} outcomes; {meetings['planned']} planned for the coming week."
        )
        self.stdout.write(f"{digests} new digests (last week and the last six months).")
        self.stdout.write(f"{created} new accounts. Log in at http://127.0.0.1:8000/ with:")
        for username, first, last, memberships, is_superuser in PEOPLE:
            roles = ", ".join(f"{ROLE_LABELS[role]} in {team}" for team, role in memberships)
            if is_superuser:
                roles = "functioneel beheerder (Django admin)"
            self.stdout.write(f"  {username:<8} / {DEMO_PASSWORD}   {first} {last}: {roles}")

    def seed_digests(self, teams: dict, *, today) -> int:
        """Last week's digests and a six-month one, per team and for the organisation."""
        from digests.models import Digest
        from digests.tasks import last_week, store_digest

        if Digest.objects.exists():
            return 0
        week = last_week(today)
        half_year = (today - dt.timedelta(days=182), today)
        built = 0
        for start, end in (week, half_year):
            for team in [None, *sorted(teams.values(), key=lambda t: t.name)]:
                store_digest(team=team, start=start, end=end)
                built += 1
        return built

    def seed_organisation(self) -> Organisation:
        organisation = Organisation.objects.order_by("pk").first()
        if organisation is None:
            organisation = Organisation.objects.create(**ORGANISATION)
        return organisation

    def seed_teams(self, organisation: Organisation) -> dict[str, Team]:
        teams = {}
        for name, purpose in TEAMS:
            teams[name], _ = Team.objects.get_or_create(
                organisation=organisation, name=name, defaults={"purpose": purpose}
            )
        return teams

    def seed_people(self, teams: dict[str, Team]) -> tuple[dict, int]:
        User = get_user_model()
        people = {}
        created_count = 0
        for username, first, last, memberships, is_superuser in PEOPLE:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@rivierstad.example",
                    "is_staff": is_superuser,
                    "is_superuser": is_superuser,
                },
            )
            people[username] = user
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                created_count += 1
            for team_name, role in memberships:
                Membership.objects.get_or_create(
                    user=user, team=teams[team_name], defaults={"role": role}
                )
        return people, created_count
