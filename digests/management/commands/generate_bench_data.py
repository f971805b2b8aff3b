"""Generate the digest benchmark's data on a dedicated database (see bench/digest_data.py)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from bench.digest_data import SEED, NotABenchDatabase, generate


class Command(BaseCommand):
    help = (
        "Create one organisation, its teams and people, and N cases with meetings, decisions, "
        "actions, escalations, outcomes and signals, with a fixed seed. Benchmark databases only."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--cases", type=int, required=True, help="number of cases")
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument("--teams", type=int, default=20)
        parser.add_argument("--days", type=int, default=365, help="spread over the last D days")
        parser.add_argument("--end", help="last day, YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--force", action="store_true", help="also on a database with other data"
        )

    def handle(self, *args, cases, seed, teams, days, end=None, force=False, **options) -> None:
        try:
            last = dt.date.fromisoformat(end) if end else None
        except ValueError as exc:
            raise CommandError(f"Not a date (YYYY-MM-DD): {end}") from exc
        try:
            made = generate(
                cases,
                seed=seed,
                teams=teams,
                days=days,
                end=last,
                force=force,
                log=self.stdout.write,
            )
        except NotABenchDatabase as exc:
            raise CommandError(f"Refused: {exc}") from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(", ".join(f"{key} {value}" for key, value in made.items()))
