import re

import pytest
from playwright.sync_api import expect

from organisations.models import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def professional(transactional_db):
    organisation = OrganisationFactory(
        name="Gemeente Testdorp", purpose="Iedereen in Testdorp kan rondkomen en meedoen."
    )
    team = TeamFactory(organisation=organisation, name="Inkomen Noord")
    return MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="sanne").user


def test_a_professional_logs_in_switches_language_and_logs_out(page, professional):
    log_in(page, "sanne")
    expect(page.get_by_role("heading", name=re.compile("Welkom"))).to_be_visible()
    expect(page.get_by_text("Iedereen in Testdorp kan rondkomen en meedoen.")).to_be_visible()
    expect(page.get_by_role("link", name="Inkomen Noord")).to_be_visible()

    page.get_by_label("Taal (language)").select_option("en")
    page.get_by_role("button", name="Wissel").click()
    expect(page.get_by_role("heading", name="Our purpose")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_the_skip_link_is_the_first_stop_for_the_keyboard(page, professional):
    log_in(page, "sanne")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar hoofdinhoud")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_the_login_and_home_pages_have_no_axe_violations(page, professional, axe):
    page.goto("/accounts/login/")
    assert_accessible(axe, page)
    log_in(page, "sanne")
    expect(page.get_by_role("heading", name=re.compile("Welkom"))).to_be_visible()
    assert_accessible(axe, page)


def test_the_home_page_fits_a_320_pixel_screen(page, professional):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, "sanne")
    expect(page.get_by_role("heading", name=re.compile("Welkom"))).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
