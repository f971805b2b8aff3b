"""Rode draden in the browser: the director finds the named threads on her home page, confirms,
splits, merges and rejects the machine's proposals, and links a case that looks like a thread
(without JavaScript needed: plain forms)."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import Case
from digests.models import Thread
from digests.threads import ThreadReading
from tests.browser.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GIFTS = "Hulp van familie of kerk gekort als gift"


def test_the_director_names_splits_merges_and_rejects_threads(page, demo, axe):
    log_in(page, "karin", "bedoeling-demo")
    expect(page.locator("#home-threads")).to_contain_text(GIFTS)
    page.locator("#home-threads").get_by_role("link", name=GIFTS).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(GIFTS)
    expect(page.locator("#thread-cases li").first).to_be_visible()
    expect(page.locator("#thread-trend")).to_be_visible()
    assert_accessible(axe, page)

    # A proposal: split one case off, confirm the rest under a name.
    karin = demo.people["karin"]
    proposals = Thread.objects.visible_to(karin).filter(status=Thread.Status.PROPOSED)
    # One whose cases she may all read (the others hold cases of teams she does not oversee).
    proposal = next(t for t in proposals if len(ThreadReading(t, karin).cases) >= 3)
    page.goto("/digests/threads/")
    assert_accessible(axe, page)
    page.locator(f"#thread-{proposal.pk} a").click()
    expect(page.locator("#thread-status")).to_have_text("voorgesteld")
    split = page.locator("#thread-split-form")
    split.locator("input[name=cases]").first.check()
    split.locator("input[name=name]").fill("Afgesplitst")
    split.get_by_role("button", name="Splits deze casussen af").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afgesplitst")
    split_off = Thread.objects.get(name="Afgesplitst")
    assert split_off.cases.count() == 1

    page.goto(proposal.get_absolute_url())
    form = page.locator("#thread-name-form")
    form.locator("input[name=name]").fill("")
    form.get_by_role("button", name="Bevestig deze rode draad").click()
    expect(page.locator("#error-summary")).to_be_visible()  # a name is needed
    form = page.locator("#thread-name-form")
    form.locator("input[name=name]").fill("Vermogen en wat iemand nodig heeft")
    form.locator("input[name=description]").fill(
        "Spullen die iemand nodig heeft, tellen als vermogen."
    )
    form.get_by_role("button", name="Bevestig deze rode draad").click()
    expect(page.locator("#thread-status")).to_have_text("bevestigd")
    proposal.refresh_from_db()
    assert proposal.status == Thread.Status.CONFIRMED

    # The split-off case goes back: merged into the confirmed thread.
    moved = split_off.cases.get()
    merge = page.locator("#thread-merge-form")
    merge.get_by_label("Afgesplitst").check()
    merge.get_by_role("button", name="Voeg samen met deze").click()
    expect(page.get_by_text("De rode draden zijn samengevoegd.")).to_be_visible()
    assert proposal.cases.filter(pk=moved.pk).exists()
    split_off.refresh_from_db()
    assert split_off.merged_into == proposal

    # Another proposal is no rode draad.
    other = (
        Thread.objects.visible_to(demo.people["karin"])
        .filter(status=Thread.Status.PROPOSED)
        .first()
    )
    if other is not None:
        page.goto(other.get_absolute_url())
        page.get_by_role("button", name="Geen rode draad: afwijzen").click()
        expect(page).to_have_url(re.compile(r"/digests/threads/$"))
        other.refresh_from_db()
        assert other.status == Thread.Status.REJECTED


def test_a_case_that_looks_like_a_thread_is_linked_from_its_page(page, demo, axe):
    gifts = Thread.objects.get(name=GIFTS)
    case = Case.objects.get(
        title="Kerk betaalt de huurachterstand rechtstreeks aan de verhuurder: toch een gift?"
    )
    gifts.cases.remove(case)  # as if nobody linked it yet
    log_in(page, "karin", "bedoeling-demo")
    page.goto(case.get_absolute_url())
    prompt = page.locator("#thread-prompt")
    expect(prompt).to_contain_text(GIFTS)
    assert_accessible(axe, page)
    prompt.get_by_role("button", name="Koppel aan deze rode draad").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    expect(page.locator("#thread-prompt")).to_have_count(0)
    assert gifts.cases.filter(pk=case.pk).exists()
