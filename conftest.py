"""Project-wide pytest setup.

With BEDOELING_STRICT_SERVICES=1 (set by .ci/run) every skipped test counts as a failure, so a
missing PostgreSQL, Redis or Chromium can never pass CI silently.
"""

import os

import pytest

STRICT = os.environ.get("BEDOELING_STRICT_SERVICES", "") in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = (
            f"Skipped under BEDOELING_STRICT_SERVICES=1, which forbids skips: {report.longrepr}"
        )


def _own_broker_database(url: str) -> str:
    """Tests run in parallel processes (pytest-xdist). Each gets its own Redis database, so a
    real Celery worker started by one test never takes a task another process enqueued."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url.startswith("redis") or not worker.startswith("gw"):
        return url
    base, _, database = url.rpartition("/")
    number = int(database) if database.isdigit() else 0
    return f"{base}/{(number - int(worker[2:])) % 16}"


@pytest.fixture(scope="session", autouse=True)
def _test_settings(django_test_environment):
    """Session-wide, so the live server for browser tests is built with them too."""
    from django.conf import settings
    from django.test import override_settings

    from bedoeling.celery import app

    broker = _own_broker_database(settings.CELERY_BROKER_URL)
    if broker:
        app.conf.broker_url = broker
    with override_settings(
        CELERY_BROKER_URL=broker,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        # No manifest: tests do not run collectstatic first.
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        # The test servers speak plain HTTP.
        SECURE_SSL_REDIRECT=False,
        SECURE_HSTS_SECONDS=0,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        LANGUAGE_COOKIE_SECURE=False,
    ):
        yield


@pytest.fixture(autouse=True)
def _celery_in_process():
    """Tasks run in-process in every test; a test that wants a real worker switches this off."""
    from bedoeling.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous
