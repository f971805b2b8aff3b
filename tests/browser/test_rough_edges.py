"""What only a browser shows of issue 12: focus on the error summary after a refused submit and
from there to the field, focus kept on a moved agenda item, the case page with an actions table
at 320 px, and the print button of the minutes with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.pages import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db):
    return build_world()


def test_after_a_refused_submit_focus_is_on_the_summary_whose_links_lead_to_the_fields(page, world):
    log_in(page, "pro")
    page.goto("/cases/new/")
    page.get_by_label("Titel").fill("Kleinzoon logeert")
    page.get_by_role("button", name="Indienen voor het casusoverleg").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    # The text typed is still there, and the live panel shows the precedents again.
    expect(page.get_by_label("Titel")).to_have_value("Kleinzoon logeert")
    expect(page.locator("#intake-assist")).to_contain_text("Besloten kleinzoon")
    page.keyboard.press("Tab")
    first_link = summary.get_by_role("link").first
    expect(first_link).to_be_focused()
    expect(first_link).to_have_text(re.compile("^Team: "))
    page.keyboard.press("Enter")
    expect(page.locator("#id_team")).to_be_focused()


def test_without_javascript_the_first_skip_link_goes_to_the_summary(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", java_script_enabled=False
    )
    page = context.new_page()
    log_in(page, "pro")
    page.goto("/cases/new/")
    page.locator("main form button[name=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.locator(".utrecht-skip-link").first
    expect(skip).to_be_focused()
    expect(skip).to_have_attribute("href", "#error-summary")
    page.keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    context.close()


def test_a_moved_agenda_item_keeps_the_keyboard_focus(page, world):
    planned = world["planned"]
    first, second = planned.items.order_by("position")
    log_in(page, "lead")
    page.goto(planned.get_absolute_url())
    page.locator(f"#item-{first.pk}-up").wait_for(state="attached")
    # Move the first item down with the keyboard; it lands last, its Down button disabled.
    page.locator(f"#item-{first.pk}-down").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#item-{first.pk}$"))
    expect(page.locator(f"#item-{first.pk}")).to_be_focused()
    # Up again: now the focus is on its Up button, and Enter would move it further.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(f"#item-{first.pk}-up")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"#item-{first.pk}")).to_be_focused()
    assert list(planned.items.order_by("position").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]


def test_a_moved_agenda_item_keeps_focus_on_its_button_in_the_middle(page, world):
    from deliberations import services

    planned = world["planned"]
    first, _second = planned.items.order_by("position")
    services.add_to_agenda(meeting=planned, case=world["waiting"], actor=world["lead"])
    log_in(page, "lead")
    page.goto(planned.get_absolute_url())
    page.locator(f"#item-{first.pk}-down").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#item-{first.pk}-down$"))
    expect(page.locator(f"#item-{first.pk}-down")).to_be_focused()
    focused_item = page.evaluate("document.activeElement.closest('li').id")
    assert focused_item == f"item-{first.pk}"


def test_the_agenda_and_the_item_stand_side_by_side_with_cases_to_add(page, world):
    # The form to add a case used to be a third column of the grid, which put the item below
    # the agenda, where the sticky agenda slid over it.
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, "lead")
    page.goto(world["planned"].get_absolute_url())
    expect(page.get_by_label("Een ingediende casus aan de agenda toevoegen")).to_be_visible()
    agenda = page.locator("#agenda").bounding_box()
    item = page.locator(".bd-meeting__item").bounding_box()
    assert agenda["x"] + agenda["width"] <= item["x"]


def test_the_case_page_with_an_actions_table_fits_320_pixels(page, world):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, "pro")
    page.goto(world["decided"].get_absolute_url())
    expect(page.locator("#case-actions")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Als afgerond markeren"))).to_be_attached()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_minutes_print_button_needs_javascript_and_says_what_to_do_without(
    browser, live_server, world
):
    url = f"/meetings/{world['closed'].pk}/minutes/"
    for javascript in (True, False):
        context = browser.new_context(
            base_url=live_server.url, locale="nl-NL", java_script_enabled=javascript
        )
        page = context.new_page()
        log_in(page, "pro")
        page.goto(url)
        button = page.get_by_role("button", name="Verslag afdrukken")
        hint = page.locator("[data-print-hint]")
        if javascript:
            expect(button).to_be_visible()
            expect(hint).to_be_hidden()
            page.emulate_media(media="print")
            expect(button).to_be_hidden()
        else:
            expect(button).to_be_hidden()
            expect(hint).to_be_visible()
        context.close()
