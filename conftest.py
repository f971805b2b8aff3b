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


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No manifest: tests do not run collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.LANGUAGE_CODE = "nl"
