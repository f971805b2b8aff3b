"""The director reads the organisation digest, built by a real Celery worker (issue: digests).

Needs Redis (CELERY_BROKER_URL) for the worker; CI sets it, and under BEDOELING_STRICT_SERVICES
a skip is a failure.
"""

import datetime as dt
import os
import re
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from digests.models import Digest
from tests.browser.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def celery_worker(transactional_db):
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("CELERY_BROKER_URL not set: this test needs a real Celery worker")
    from celery.contrib.testing.worker import start_worker

    from bedoeling.celery import app

    app.conf.task_always_eager = False
    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield app
    app.conf.task_always_eager = True


def test_the_director_reads_the_organisation_digest(page, demo, celery_worker, axe):
    end = timezone.localdate()
    start = end - dt.timedelta(days=200)
    log_in(page, "karin", "bedoeling-demo")
    page.goto("/digests/")
    assert_accessible(axe, page)
    form = page.locator("form[action='/digests/build/']")
    form.locator("select[name=scope]").select_option("organisation")
    form.locator("input[name=start]").fill(start.isoformat())
    form.locator("input[name=end]").fill(end.isoformat())
    form.locator("button[type=submit]").click()

    deadline = time.monotonic() + 60
    while not Digest.objects.filter(team__isnull=True, start=start, end=end).exists():
        assert time.monotonic() < deadline, "the worker did not build the digest"
        time.sleep(0.2)
    digest = Digest.objects.get(team__isnull=True, start=start, end=end)
    assert digest.task_id  # built by the worker, not in-process

    page.goto(digest.get_absolute_url())
    expect(page.locator("#rules-heading")).to_be_visible()
    assert_accessible(axe, page)
    top = digest.data["rules"][0]
    row = page.locator("#rules table tbody tr").first
    expect(row.locator("th")).to_have_text(top["label"])
    row.locator("td a").first.click()
    expect(page).to_have_url(re.compile(r"/digests/search/\?"))
    listed = page.locator("main table tbody tr")
    expect(listed.first).to_be_visible()
    assert listed.count() == min(top["cases"], 25)
    for text in listed.all_inner_texts():
        assert top["label"] in text

    page.goto(digest.get_absolute_url())
    with page.expect_download() as download_info:
        page.locator("a[href$='/rules.csv']").click()
    download = download_info.value
    content = open(download.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert top["label"] in content
    assert content.splitlines()[0].count(",") >= 3

    page.goto("/digests/examples/")
    assert_accessible(axe, page)
