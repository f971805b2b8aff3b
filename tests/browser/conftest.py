"""Browser tests: Playwright for Python driving Debian's Chromium (not Playwright's download).

Set BEDOELING_CHROMIUM to another binary if needed. Without a Chromium the tests skip, and
under BEDOELING_STRICT_SERVICES=1 (CI) a skip is a failure.
"""

import os
import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

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
