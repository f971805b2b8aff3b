"""Anonymise the cases past their retention period now (the nightly job does the same).

manage.py anonymise_expired_cases --dry-run   # counts only, changes nothing
manage.py anonymise_expired_cases
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from cases.retention import anonymise_expired_cases


class Command(BaseCommand):
    help = (
        "Replace the free text of closed and withdrawn cases past their retention period by a "
        "marker; structure and dates stay. Every run is logged."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be anonymised; change nothing.",
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        run = anonymise_expired_cases(source="command", dry_run=dry_run)
        verb = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(f"{verb} {run.counts['cases']} cases (run {run.pk}).")
        for table, rows in run.counts.items():
            if table != "cases":
                self.stdout.write(f"  {table}: {rows} rows")
