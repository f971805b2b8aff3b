"""The idle warning (WCAG 2.2.1): shown before the session ends, operable by keyboard, and
its button extends the session; ignored, the session ends and the login page says why."""

import re
import time

import pytest
from playwright.sync_api import expect

from organisations.models import Role
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def professional(transactional_db, settings):
    settings.BEDOELING_SESSION_IDLE_SECONDS = 8
    settings.BEDOELING_SESSION_WARNING_SECONDS = 3
    organisation = OrganisationFactory(name="Gemeente Testdorp")
    team = TeamFactory(organisation=organisation, name="Inkomen Noord")
    return MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="sanne").user


def test_the_warning_lets_the_person_stay_logged_in_by_keyboard(page, professional, axe):
    log_in(page, "sanne")
    dialog = page.get_by_role("dialog", name="Uw sessie loopt bijna af")
    expect(dialog).to_be_visible(timeout=8_000)
    stay = dialog.get_by_role("button", name="Ingelogd blijven")
    expect(stay).to_be_focused()
    assert_accessible(axe, page)
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    # Past the moment the session would have ended without the button.
    time.sleep(4)
    page.goto("/teams/")
    expect(page).to_have_url(re.compile("/teams/$"))
    expect(page.get_by_role("heading", name="Teams")).to_be_visible()


def test_ignored_the_session_ends_and_the_login_page_says_why(page, professional):
    log_in(page, "sanne")
    expect(page.get_by_role("dialog")).to_be_visible(timeout=8_000)
    expect(page).to_have_url(re.compile("/accounts/login/"), timeout=10_000)
    expect(page.get_by_text(re.compile("Uw sessie is beëindigd"))).to_be_visible()
