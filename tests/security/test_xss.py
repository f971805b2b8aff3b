"""What people type is shown as text, never run: on every page, form, partial, mail and export.

Every free-text field of team A holds XSS payloads (script tags, attribute break-outs,
`javascript:` URLs, template syntax, Unicode look-alikes, text that is already escaped). Team
A's people, who see it all, crawl every page and partial they reach, post the payloads into
every form, and read their mails; no payload may come back as markup. A CSV cell that starts
like a formula is defused, tested through the export with such a cell.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse

from deliberations import services
from deliberations.models import Decision
from deliberations.services import DecisionSpec
from deliberations.tasks import send_daily_reminders
from digests.exports import FORMULA_STARTS, cell
from digests.tasks import store_digest
from tests.digests.fixtures_pages import END, START, at, make_world
from tests.factories import legal_ground

from .crawl import crawl, list_pages, probe
from .matrix import client_for
from .test_permission_matrix import ROWS
from .world import TEXT_FIELDS, build

PAYLOADS = (
    '<script>alert("x1")</script>',
    '"><img src=x onerror=alert("x2")>',
    "'><svg onload=alert('x3')>",
    "javascript:alert('x4')",
    "<a href=\"javascript:alert('x5')\">x5</a>",
    "</textarea><script>alert('x6')</script>",
    "{{ 7|add:7 }}x7 {% now 'Y' %}",
    "&lt;script&gt;alert('x8')&lt;/script&gt;",
    "\u202e<b>x9</b>",
    "\uff1cscript\uff1ealert('x10')\uff1c/script\uff1e",
    '=HYPERLINK("https://example.org","x11")',
    "<iframe srcdoc='<script>alert(12)</script>'>",
)
# What a payload looks like when it was not escaped: markup, a javascript: link or a script
# that the browser would run. (An inline <script> never appears on these pages: the CSP
# forbids it, so every one found came from the data.)
UNESCAPED = re.compile(
    r"<script>alert|<img src=x|<svg onload|<iframe|(?:href|src|action)=[\"']?\s*javascript:"
    r"|<b>x9|</textarea><script",
    re.IGNORECASE,
)


def payload(name: str) -> str:
    """Several payloads per field, different ones in different fields, within its length."""
    start = TEXT_FIELDS.index(name) % len(PAYLOADS)
    text = ""
    for offset in range(len(PAYLOADS)):
        candidate = PAYLOADS[(start + offset) % len(PAYLOADS)]
        if len(text) + len(candidate) > 130:
            break
        text += candidate + " "
    return text.strip()


def test_each_payload_goes_into_some_field():
    used = " ".join(payload(name) for name in TEXT_FIELDS)
    assert all(candidate in used for candidate in PAYLOADS)


@pytest.fixture
def world(db, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        made = build(payload)
    with django_capture_on_commit_callbacks(execute=True):
        send_daily_reminders()
    return made


def _form_data() -> dict:
    """A form post with a payload in every text input the forms have."""
    names = {name.split(".")[1] for name in TEXT_FIELDS} | {"text", "reason", "note", "notes"}
    return {name: PAYLOADS[index % len(PAYLOADS)] for index, name in enumerate(sorted(names))}


@pytest.mark.parametrize("persona", ["pro", "lead", "director"])
def test_payloads_are_shown_as_text(world, mailoutbox, persona):
    client = client_for(world, persona)
    targets = [entry.url(world) for entry in ROWS if not entry.key.startswith("admin")]
    fetched = crawl(client, ["/", *list_pages()])
    fetched += probe(
        client, [url for url in targets if not url.startswith("/accounts/")], _form_data()
    )
    pages = [page for page in fetched if "html" in page.content_type]
    # The control: the payloads are on the pages, as text.
    shown = " ".join(page.text for page in pages)
    assert "&lt;script&gt;alert(&quot;x1&quot;)&lt;/script&gt;" in shown
    assert "{{ 7|add:7 }}x7" in shown  # not run as a template
    assert "&amp;lt;script&amp;gt;" in shown  # escaped text is escaped again, not unescaped
    assert "\uff1cscript\uff1e" in shown  # look-alikes stay look-alikes
    unescaped = [
        f"{page.method} {page.url}: {match.group(0)!r}"
        for page in pages
        for match in UNESCAPED.finditer(page.text)
    ]
    assert not unescaped, "\n".join(unescaped)

    for page in fetched:
        if "text/csv" in page.content_type:
            rows = list(csv.reader(io.StringIO(page.text.lstrip("\ufeff"))))
            assert not [value for row in rows for value in row if value.startswith(FORMULA_STARTS)]

    for message in mailoutbox:
        for content, kind in getattr(message, "alternatives", []):
            assert kind != "text/html" or not UNESCAPED.search(content), message.subject


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_csv_cell_that_starts_like_a_formula_is_defused(client, db, start):
    """Through the export itself: a correction's rationale becomes a cell of the flags table."""
    world = make_world()
    formula = f"{start}cmd|' /C calc'!A0"
    with at(6, 13):
        services.supersede_decision(
            decision=Decision.objects.get(case=world["cases"][0]),
            author=world["lead"],
            spec=DecisionSpec(kind="deviation", legal_ground=legal_ground(), rationale=formula),
            reason="Onderbouwing aangevuld.",
        )
    with at(13):
        digest = store_digest(team=world["team"], start=START, end=END)
    client.force_login(world["director"])
    response = client.get(reverse("digests:export", args=[digest.pk, "flags"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    cells = [value for row in rows for value in row]
    assert f"'{formula}" in cells
    assert not [value for value in cells if value.startswith(FORMULA_STARTS)]


class Label:
    """Anything that is not text but is written as text: a translated label, a model."""

    def __str__(self) -> str:
        return "=1+1"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (Label(), "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\r=1", "'\r=1"),
        ("Kostendelersnorm", "Kostendelersnorm"),
        (-3, -3),  # a negative number stays a number
        (None, None),
    ],
)
def test_every_cell_goes_through_one_check(value, written):
    assert cell(value) == written
