"""No word of team A's reaches a person outside team A: not on a page, an htmx partial, a CSV or
.ics file, a digest or an e-mail.

Every free-text field of team A's objects ends in a unique sentinel ("qxzv007"). Each person
outside team A (a professional and the lead of team B, the director over team B only) then
crawls everything they can reach: their home page, every list page, every link on what comes
back, every URL pattern aimed at team A's objects (GET, POST, with and without htmx), the
live help while typing a case like team A's, and the mails they were sent. None of it may
hold a sentinel. The same crawl by the director over team A finds every sentinel, which shows
that each field is shown somewhere and that the crawl would see it.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import models

from deliberations.tasks import send_daily_reminders

from .crawl import crawl, list_pages, probe
from .matrix import client_for
from .test_permission_matrix import ROWS
from .world import OUTSIDERS, PLAIN, TEXT_FIELDS, build, plain

SENTINEL = re.compile(r"qxzv(\d{3})")

# Good examples and signals are read only by the teams whose cases are behind them, the
# directors over those teams and the rule's policy owner (digests/querysets.py): their texts
# are sentinels like every other, and no outsider may meet them.
PUBLISHED_TO_ORGANISATION: set[str] = set()

# Free-text columns the world does not fill itself, and why that is enough.
DERIVED = {
    "cases.Case.keywords": "computed from the case's own text",
    "cases.CaseEvent.note": "the withdraw reason and the story title, filled by the services",
    "digests.SignalEvent.note": "the signal's reason or whom it was taken up with",
    "digests.Digest.task_id": "a Celery task id",
    "cases.RetentionPolicy.basis": "the administrator's note on an organisation's period",
    "cases.AnonymisationRun.source": "what started a retention run: the command or the job",
    "cases.StoredIndex.name": "the similarity index's own name",
    "digests.BuildRequest.reason": "the error a digest build failed with, written by the worker",
    "cases.StoredIndex.stamp": "a random version stamp of the similarity index",
}

# The models that hold what people write about cases.
CONTENT_APPS = ("cases", "deliberations", "digests")
TAXONOMY = {"Regulation", "Rule", "PublicValue", "Barrier", "LegalGround"}  # the own lists


def sentinel(name: str) -> str:
    return f"{plain(name)} qxzv{TEXT_FIELDS.index(name):03d}"


def found(text: str) -> set[str]:
    return {TEXT_FIELDS[int(number)] for number in SENTINEL.findall(text)}


@pytest.fixture
def world(db, django_capture_on_commit_callbacks, mailoutbox):
    """Team A's objects with sentinels; the mails of building them (invitations, minutes,
    escalation, the organisation digest) and of the daily reminders are in `mailoutbox`."""
    with django_capture_on_commit_callbacks(execute=True):
        made = build(sentinel)
    with django_capture_on_commit_callbacks(execute=True):
        send_daily_reminders()
    return made


def test_every_free_text_field_of_case_content_gets_a_sentinel():
    named = {name.split(".")[0] for name in TEXT_FIELDS}
    columns = {
        f"{model._meta.app_label}.{model.__name__}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in CONTENT_APPS and model.__name__ not in TAXONOMY
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField) and not field.choices
    }
    covered = {
        column
        for column in columns
        if f"{column.split('.')[1].lower()}.{column.split('.')[2]}" in TEXT_FIELDS
    }
    assert columns - covered == set(DERIVED), "a new free-text field: add it to TEXT_FIELDS"
    assert {"case", "decision", "meeting", "story"} <= named


def _everything_for(client, world) -> list:
    targets = [entry.url(world) for entry in ROWS if not entry.key.startswith("admin")]
    fetched = crawl(client, ["/", *list_pages()])
    fetched += probe(client, [url for url in targets if not url.startswith("/accounts/")])
    # The live help while typing a case like team A's (their own team's words, no sentinel).
    fetched += probe(
        client,
        ["/cases/assist/"],
        {name.split(".")[1]: text for name, text in PLAIN.items() if text},
    )
    return fetched


def test_the_director_over_team_a_sees_every_sentinel(world):
    """The control: each field is shown somewhere, and the crawl finds it there."""
    fetched = _everything_for(client_for(world, "director"), world)
    assert set().union(*(found(page.text) for page in fetched)) == set(TEXT_FIELDS)


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_no_word_of_team_a_reaches_an_outsider(world, mailoutbox, persona):
    fetched = _everything_for(client_for(world, persona), world)
    assert len(fetched) > 100, "the crawl reached too little to prove anything"
    kinds = {page.content_type.split(";")[0] for page in fetched if page.status == 200}
    assert {"text/html", "text/csv", "text/calendar"} <= kinds, kinds
    leaks = [
        f"{page.method} {page.url} ({page.status}): {sorted(fields)}"
        for page in fetched
        if (fields := found(page.text) - PUBLISHED_TO_ORGANISATION)
    ]
    assert not leaks, "\n".join(leaks)

    address = world[persona].email
    mails = [message for message in mailoutbox if address in message.to]
    assert mails, f"{persona} got no mail, so the mails prove nothing"
    for message in mails:
        parts = [message.subject, message.body]
        parts += [content for content, _type in getattr(message, "alternatives", [])]
        assert not found(" ".join(parts)) - PUBLISHED_TO_ORGANISATION, message.subject
