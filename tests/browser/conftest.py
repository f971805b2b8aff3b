"""Browser tests: Playwright for Python driving Debian's Chromium (not Playwright's download).

Set BEDOELING_CHROMIUM to another binary if needed. Without a Chromium the tests skip, and
under BEDOELING_STRICT_SERVICES=1 (CI) a skip is a failure.
"""

import os
import re
import shutil
from importlib import import_module

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, legal_ground

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run inside
# one unless told that this is deliberate. The live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str | None:
    configured = os.environ.get("BEDOELING_CHROMIUM")
    if configured:
        return configured
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_path()
    if not executable:
        pytest.skip("Chromium not found: apt-get install chromium, or set BEDOELING_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def legal_grounds(transactional_db):
    """The live server's tests flush the rows the migrations seed: seed the legal grounds again
    before each test builds its world."""
    legal_ground()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def assert_accessible(axe, page) -> None:
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def log_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name=re.compile("Welkom"))).to_be_visible()


def log_out(page) -> None:
    page.get_by_role("button", name="Afmelden").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))


def _build_demo():
    """The demo world, committed. Transactional tests flush the database, taxonomies included
    (the migrations seeded them): put those back first."""
    from django.apps import apps

    from bedoeling.scenario.builder import build
    from bedoeling.scenario.demo import DEMO

    import_module("cases.migrations.0002_seed_taxonomies").seed(apps, None)
    import_module("deliberations.migrations.0008_legal_ground").seed(apps, None)
    return build(DEMO)


@pytest.fixture(scope="module")
def committed_demo_world(django_db_setup, django_db_blocker):
    """The demo scenario, built once per module with committed data, flushed at the end.

    The live server answers from its own thread and connection, so it sees committed rows only:
    the world is built outside any test's transaction. Tests use it through `demo` below.
    """
    from django.core.management import call_command

    with django_db_blocker.unblock():
        built = _build_demo()
    yield built
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo(committed_demo_world, transactional_db):
    """The committed demo world for a live-server test.

    pytest-django flushes the database after every live-server test, so a later test of the
    same module finds it gone and builds it again; the first test uses the module's build.
    """
    from organisations.models import Organisation

    if Organisation.objects.filter(name=committed_demo_world.organisation.name).exists():
        return committed_demo_world
    return _build_demo()
