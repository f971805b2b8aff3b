"""The configuration is documented: every environment variable read by settings.py is listed
in .env.example and in the README's configuration table, and the deploy check is clean."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from bedoeling.settings import env_bool, env_int

ROOT = Path(settings.BASE_DIR)


def _variables_read_by_settings() -> set[str]:
    source = (ROOT / "bedoeling" / "settings.py").read_text()
    return set(re.findall(r'env(?:_bool|_int|_list)?\(\s*"([A-Z_]+)"', source))


def test_every_setting_is_documented_in_env_example_and_readme():
    variables = _variables_read_by_settings()
    assert "DATABASE_URL" in variables and "CELERY_BROKER_URL" in variables
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    assert {v for v in variables if f"{v}=" not in example} == set()
    assert {v for v in variables if f"`{v}`" not in readme and f"{v}`" not in readme} == set()


def test_it_rejects_a_malformed_boolean_or_number(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("X_FLAG", "maybe")
    monkeypatch.setenv("X_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG must be true or false"):
        env_bool("X_FLAG", False)
    with pytest.raises(ImproperlyConfigured, match="X_NUMBER must be a whole number"):
        env_int("X_NUMBER", 1)


def _manage(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CELERY_"))
    }
    environment |= {"DJANGO_SECRET_KEY": "x" * 30 + "-a-long-random-test-key-4f9a8b7c6d5e"}
    environment |= extra_env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_is_clean_with_debug_off():
    result = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_database_url_selects_postgresql_and_its_absence_sqlite():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    sqlite = _manage("shell", "--no-imports", "-c", code)
    postgres = _manage(
        "shell", "--no-imports", "-c", code, DATABASE_URL="postgres://u@127.0.0.1:5432/x"
    )
    assert sqlite.stdout.strip() == "django.db.backends.sqlite3"
    assert postgres.stdout.strip() == "django.db.backends.postgresql"


def test_tasks_run_in_process_without_a_broker_and_queue_with_one():
    code = "from bedoeling.celery import app; print(app.conf.task_always_eager)"
    assert _manage("shell", "--no-imports", "-c", code).stdout.strip() == "True"
    queued = _manage(
        "shell", "--no-imports", "-c", code, CELERY_BROKER_URL="redis://127.0.0.1:6379/0"
    )
    assert queued.stdout.strip() == "False"


def test_the_file_mail_backend_can_be_configured_and_writes_each_mail(tmp_path):
    """Each backend gets only the options it takes (Django 6.1 raises InvalidMailer for SMTP
    options given to the file backend)."""
    code = (
        "from django.core.mail import send_mail; "
        "print(send_mail('Onderwerp', 'Tekst', None, ['iemand@example.org']))"
    )
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"
    [written] = list(tmp_path.iterdir())
    assert "Subject: Onderwerp" in written.read_text()


def test_the_visibility_timeout_must_outlast_the_longest_task():
    result = _manage("check", CELERY_TASK_TIME_LIMIT="300", CELERY_VISIBILITY_TIMEOUT="200")
    assert result.returncode != 0
    assert "CELERY_VISIBILITY_TIMEOUT must be longer than CELERY_TASK_TIME_LIMIT" in result.stderr
    code = (
        "from bedoeling.celery import app; "
        "print(app.conf.broker_transport_options['visibility_timeout'], app.conf.task_time_limit)"
    )
    result = _manage("shell", "--no-imports", "-c", code, CELERY_VISIBILITY_TIMEOUT="400")
    assert result.stdout.strip() == "400 120"
