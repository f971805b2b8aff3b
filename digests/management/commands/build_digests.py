"""Build digests from the command line: every team's and the organisation's, or one team's."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from digests.tasks import last_week, store_digest
from organisations.models import Team


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from exc


class Command(BaseCommand):
    help = "Build and store digests for last week, or for --from/--to; --team for one team."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--team", help="team id or exact name; default: all teams and the org")
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD")

    def handle(self, *args, team=None, start=None, end=None, **options) -> None:
        if bool(start) != bool(end):
            raise CommandError("Give both --from and --to, or neither (last week).")
        if start:
            first, last = _date(start), _date(end)
            if last < first:
                raise CommandError("--to lies before --from.")
        else:
            first, last = last_week()
        if team:
            lookup = {"pk": int(team)} if team.isdigit() else {"name": team}
            found = Team.objects.filter(**lookup).first()
            if found is None:
                raise CommandError(f"No team {team!r}.")
            scopes = [found]
        else:
            scopes = [None, *Team.objects.order_by("name")]
        for scope in scopes:
            digest = store_digest(team=scope, start=first, end=last)
            self.stdout.write(
                f"{digest.scope_label}: {first} – {last}, version {digest.version}, "
                f"{digest.data['counts']['submitted']} cases submitted"
            )
