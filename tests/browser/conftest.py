"""Browser tests: Playwright for Python driving Debian's Chromium (not Playwright's download).

Set BEDOELING_CHROMIUM to another binary if needed. Without a Chromium the tests skip, and
under BEDOELING_STRICT_SERVICES=1 (CI) a skip is a failure.
"""

import os
import shutil

import pytest

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
