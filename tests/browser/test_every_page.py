"""Every page each role reaches, in Dutch and in English, in Chromium: no axe violation (WCAG
2.0 and 2.1, A and AA), a visible focus on every element the keyboard reaches, no sideways
scrolling at 320 px, a title of its own, and no request that answers 404 (the favicon).

One browser context per role and language; the pages are visited in a loop inside the test.
The refused submits at the end of each role's list are made by pressing the form's button.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.pages import ROLES, build_world, pages_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

# Every element the Tab key reaches: focus it and compare its outline and shadow with before.
FOCUS_NOT_VISIBLE = """() => {
  const reachable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]';
  const look = (element) => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join();
  };
  const problems = [];
  for (const element of document.querySelectorAll(reachable)) {
    if (element.tabIndex < 0 || element.disabled || element.closest('[hidden]')) continue;
    if (getComputedStyle(element).visibility === 'hidden') continue;
    if (!element.getClientRects().length) continue;
    element.blur();
    const before = look(element);
    element.focus({preventScroll: true});
    if (document.activeElement !== element) continue;
    if (look(element) === before) problems.push(element.outerHTML.slice(0, 120));
    element.blur();
  }
  return problems;
}"""


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_every_page_is_accessible(browser, live_server, axe, role, language):
    world = build_world()
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    not_found: list[str] = []
    page.on("response", lambda response: response.status == 404 and not_found.append(response.url))
    log_in(page, world[role].username)
    if language == "en":
        context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])

    findings: dict[str, dict] = {}
    titles: dict[str, str] = {}
    for target in pages_for(world, role):
        page.goto(target.start_url)
        if target.button:
            with page.expect_navigation():
                page.locator(target.button).first.click()
        else:
            titles[target.name] = page.title()
        problems = {}
        assert page.locator("html").get_attribute("lang") == language, target.name
        results = axe.run(page, options=WCAG_A_AA)
        if results.violations_count:
            problems["axe"] = results.generate_report()
        page.keyboard.press("Tab")  # the focus style shows for the keyboard
        if unfocused := page.evaluate(FOCUS_NOT_VISIBLE):
            problems["focus"] = unfocused
        page.set_viewport_size({"width": 320, "height": 640})
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            problems["reflow"] = f"{width} px wide at 320 px"
        page.set_viewport_size({"width": 1280, "height": 900})
        if problems:
            findings[target.name] = problems
    context.close()

    assert findings == {}
    assert not_found == []
    duplicates = {
        title: sorted(name for name, other in titles.items() if other == title)
        for title in titles.values()
        if list(titles.values()).count(title) > 1
    }
    assert duplicates == {}
