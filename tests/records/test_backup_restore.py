"""Backup and restore, as the README tells an operator to do it: the demo is seeded into a
fresh database, dumped with scripts/backup.sh, restored with scripts/restore.sh into another new
database, and every table's row count and checksum and every sequence must match. The
append-only triggers are in force in the restored database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from bedoeling.backup import table_checksums

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(db):
    """Connection details of the test database's server, and the names of two new databases."""
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore are PostgreSQL's; run with DATABASE_URL set")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")):
        pytest.skip("pg_dump, pg_restore and psql are needed")
    settings = connection.settings_dict
    base = settings["NAME"]
    names = (f"{base}_backup_source", f"{base}_backup_restored")

    def url(name: str) -> str:
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        port = settings["PORT"] or 5432
        return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{port}/{name}"

    def admin(statement: str) -> None:
        with psycopg.connect(url("postgres"), autocommit=True) as conn:
            conn.execute(statement)

    for name in names:
        admin(f'DROP DATABASE IF EXISTS "{name}"')
        admin(f'CREATE DATABASE "{name}"')
    yield [url(name) for name in names]
    for name in names:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(command: list[str], database_url: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "true"}
    command = [str(ROOT / command[0]), *command[1:]] if command[0].endswith(".sh") else command
    done = subprocess.run(  # noqa: S603 (our own scripts and manage.py)
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _checksums(database_url: str) -> dict:
    with psycopg.connect(database_url) as conn, conn.cursor() as cursor:
        return table_checksums(cursor)


def test_a_backup_of_the_demo_restores_table_for_table(server, tmp_path):
    source, restored = server
    _run([sys.executable, "manage.py", "migrate", "--no-input"], source)
    _run([sys.executable, "manage.py", "seed_demo"], source)
    archive = tmp_path / "bedoeling.dump"
    assert _run(["scripts/backup.sh", str(archive)], source).strip() == str(archive)

    _run(["scripts/restore.sh", str(archive), restored], source)

    before, after = _checksums(source), _checksums(restored)
    assert after == before
    # The demo is in it: the comparison compared something.
    for table in ("cases_case", "cases_caseevent", "deliberations_decision", "digests_story"):
        assert before[table][0] > 0, table
    assert len([name for name in before if not name.startswith("sequence ")]) > 30

    # The records are as final in the copy as in the original.
    with (
        psycopg.connect(restored) as conn,
        pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="frozen"),
    ):
        conn.execute("UPDATE deliberations_decision SET rationale = 'x' WHERE frozen")


def test_a_restore_refuses_a_database_that_is_not_empty(server, tmp_path):
    source, restored = server
    _run([sys.executable, "manage.py", "migrate", "--no-input", "cases"], source)
    archive = tmp_path / "bedoeling.dump"
    _run(["scripts/backup.sh", str(archive)], source)
    _run(["scripts/restore.sh", str(archive), restored], source)
    done = subprocess.run(  # noqa: S603
        [str(ROOT / "scripts" / "restore.sh"), str(archive), restored],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "already has" in done.stderr


def test_the_checksum_changes_with_one_changed_row(db):
    """The comparison would catch a restore that lost or altered a row."""
    if connection.vendor != "postgresql":
        pytest.skip("the checksums are PostgreSQL's; run with DATABASE_URL set")
    from cases.models import PublicValue

    with connection.cursor() as cursor:
        before = table_checksums(cursor)
        PublicValue.objects.create(name="een nieuwe waarde")
        after = table_checksums(cursor)
    assert after["cases_publicvalue"][0] == before["cases_publicvalue"][0] + 1
    assert after["cases_publicvalue"][1] != before["cases_publicvalue"][1]
    assert {k: v for k, v in after.items() if "publicvalue" not in k} == {
        k: v for k, v in before.items() if "publicvalue" not in k
    }
