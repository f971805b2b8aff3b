"""Print every table's row count and checksum, and every sequence's position, for comparing a
restored database with the one it was backed up from (README, "Backup and restore")."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bedoeling.backup import table_checksums


class Command(BaseCommand):
    help = "Row count and md5 of every table and the position of every sequence (PostgreSQL)."

    def handle(self, *args, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("table_checksums compares PostgreSQL databases.")
        with connection.cursor() as cursor:
            for name, (count, digest) in table_checksums(cursor).items():
                self.stdout.write(f"{name}\t{count}\t{digest}".rstrip())
