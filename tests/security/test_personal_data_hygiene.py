"""Personal data typed into any free-text field ends up nowhere but in the field it was
confirmed into: not in a log line, a Celery message, a URL, an error report or any other
database column.

One world (tests/pages.py), every free-text form of tests/bedoeling/test_every_form.py, and
three paths through each:
- refused: a BSN with its cue, an IBAN and an e-mail address, each with a name beside it, are
  refused by the privacy guard, so nothing of them may be stored or travel anywhere;
- error: the same kinds of data, with another field wrong, so the form is refused before the
  guard; again nothing may be stored;
- confirmed: a number that passes the BSN check without a cue (an uncertain finding the
  person confirms) and a name. These are stored in the field, and may appear in that field
  (and in the timeline entry that mirrors it, listed per form below) only.
Names are not (yet) recognised by the guard; the assertions hold either way, because a name
is only ever allowed where the person confirmed it.

Every marker is unique to one form and path, so a leak is traced to where it came from.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import unquote_plus

import pytest
from celery.app.task import Task
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.views.debug import ExceptionReporter

from cases.models import PublicValue
from tests.factories import legal_ground
from tests.pages import build_world

# Numbers that pass the BSN 11-check and IBANs with a valid check sum (stdnum agrees).
REFUSED_BSN = "162275869"
ERROR_BSN = "192285142"
CONFIRMED_BSNS = [
    "691682483",
    "688136138",
    "321146487",
    "187891151",
    "178598835",
    "467279627",
    "173833652",
    "527239380",
    "545921235",
    "262455407",
    "382122033",
    "529972001",
    "488428749",
    "129036651",
    "400023374",
]
REFUSED_IBAN = "NL91ABNA0417164300"
ERROR_IBAN = "NL20INGB0001234567"
REFUSED_EMAIL = "j.devries@voorbeeld.nl"
ERROR_EMAIL = "k.bakker@voorbeeld.nl"
REFUSED_NAME = "Hendrika Lammertsma"
ERROR_NAME = "Gerrit Oosterbroek"
CONFIRMED_NAMES = [
    "Wilhelmina Zwanenburg",
    "Jozefien Harkema",
    "Olena Kovalenko",
    "Mohammed Benali",
    "Aaltje Dijkhuizen",
    "Bartholomeus Verschuren",
    "Tetiana Shevchenko",
    "Cornelis Wubbolts",
    "Femke Roelofsema",
    "Reinier Gottschalk",
    "Yasmina Ouali",
    "Maarten Hoogendijk",
    "Ilse Brinkerink",
    "Dirkje Sikkema",
    "Evert Bruinsma",
]

NEVER = [
    REFUSED_BSN,
    ERROR_BSN,
    REFUSED_IBAN,
    ERROR_IBAN,
    REFUSED_EMAIL,
    ERROR_EMAIL,
    REFUSED_NAME,
    ERROR_NAME,
]
REFUSED_TEXTS = {
    "bsn": f"Zijn BSN is {REFUSED_BSN}; zie ook {REFUSED_NAME}.",
    "iban": f"Rekening {REFUSED_IBAN} van {REFUSED_NAME}.",
    "email": f"Mail naar {REFUSED_EMAIL} door {REFUSED_NAME}.",
}
ERROR_TEXT = f"BSN {ERROR_BSN}, rekening {ERROR_IBAN}, {ERROR_EMAIL}, {ERROR_NAME}."


# The case's text, and the indexes built from it: the keywords and, on PostgreSQL, the
# text-search vector of similar cases.
CASE_TEXT_COLUMNS = ["cases_case.situation", "cases_case.keywords", "cases_case.precedent_vector"]


@dataclass
class Form:
    name: str
    role: str
    url: str
    data: dict
    # field -> the "table.column" the confirmed text goes into (its mirrors follow).
    fields: dict[str, list[str]]
    # Data that makes the form invalid before the guard runs (merged over `data`).
    error: dict | None
    markers: dict[str, tuple[str, str]] = field(default_factory=dict)


def _forms(world) -> list[Form]:
    """In the order they are posted: notes before the decision on the same item, the
    correction before the outcome that could close the case."""
    human = PublicValue.objects.get(name="menselijke maat").pk
    later = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    no_actions = {"actions-TOTAL_FORMS": "0", "actions-INITIAL_FORMS": "0"}
    case_text = {"effect": "Lager inkomen.", "conflict": "Knelt.", "question": "Mag dit?"}
    item, decision = world["running_item"], world["decision"]
    return [
        Form(
            "intake",
            "professional",
            reverse("cases:create"),
            {
                "team": world["noord"].pk,
                "title": "Hygiene intake",
                "rule": world["decided"].rule_id,
                **case_text,
                "draft": "1",
            },
            {"situation": CASE_TEXT_COLUMNS},
            {"question": ""},
        ),
        Form(
            "edit",
            "professional",
            reverse("cases:edit", args=[world["draft"].pk]),
            {
                "team": world["noord"].pk,
                "title": "Concept kleinzoon",
                "rule": world["decided"].rule_id,
                **case_text,
                "version": world["draft"].version,
                "draft": "1",
            },
            {"situation": CASE_TEXT_COLUMNS},
            {"question": ""},
        ),
        Form(
            "colleague input",
            "colleague",
            reverse("cases:comment", args=[world["waiting"].pk]),
            {},
            {"text": ["cases_comment.text"]},
            None,
        ),
        Form(
            "notes",
            "lead",
            reverse("deliberations:notes", args=[item.pk]),
            {},
            {"notes": ["deliberations_agendaitem.notes"]},
            None,
        ),
        Form(
            "minutes",
            "lead",
            reverse("deliberations:minutes_save", args=[world["running"].pk]),
            {"version": world["running"].version},
            {"minutes": ["deliberations_meeting.minutes"]},
            {"version": world["running"].version - 1},
        ),
        Form(
            "decision",
            "lead",
            reverse("deliberations:decide", args=[item.pk]),
            {
                "kind": "deviation",
                "legal_ground": legal_ground().pk,
                "public_values": [human],
                "values_weighing": "Menselijke maat.",
                "evaluate_on": later,
                "actions-TOTAL_FORMS": "1",
                "actions-INITIAL_FORMS": "0",
                "actions-0-owner": world["professional"].pk,
                "actions-0-due_on": later,
            },
            {
                "rationale": ["deliberations_decision.rationale"],
                "actions-0-description": [
                    "deliberations_action.description",
                    "cases_caseevent.note",
                ],
            },
            {"evaluate_on": "morgen"},
        ),
        Form(
            "correction",
            "lead",
            reverse("deliberations:correct", args=[decision.pk]),
            {
                "kind": "deviation",
                "legal_ground": legal_ground().pk,
                "public_values": [human],
                "values_weighing": "Menselijke maat.",
                "evaluate_on": later,
                **no_actions,
            },
            {
                "rationale": ["deliberations_decision.rationale"],
                "reason": ["deliberations_decision.supersede_reason", "cases_caseevent.note"],
            },
            {"evaluate_on": "morgen"},
        ),
        Form(
            "escalation answer",
            "director",
            world["escalation"].get_absolute_url(),
            {
                "kind": "deviation",
                "legal_ground": legal_ground().pk,
                "public_values": [human],
                "values_weighing": "Menselijke maat.",
                "evaluate_on": later,
                **no_actions,
            },
            {"rationale": ["deliberations_decision.rationale"]},
            {"evaluate_on": ""},
        ),
        Form(
            "outcome",
            "professional",
            reverse("deliberations:outcome", args=[world["decided"].pk]),
            {"served": "yes"},
            {"note": ["deliberations_outcome.note"]},
            {"served": ""},
        ),
        Form(
            "good example",
            "lead",
            reverse("digests:example_publish", args=[world["decided"].pk]),
            {"title": "Hygiene verhaal", "lesson": "Les."},
            {"text": ["digests_story.text"]},
            {"lesson": ""},
        ),
        Form(
            "signal",
            "director",
            reverse("digests:signal_move", args=[world["signal"].pk]),
            {"to_state": "declined"},
            {"reason": ["digests_signal.reason", "digests_signalevent.note"]},
            {"to_state": "changed"},
        ),
        Form(
            "withdraw",
            "professional",
            reverse("cases:withdraw", args=[world["waiting"].pk]),
            {},
            {"reason": ["cases_caseevent.note"]},
            None,
        ),
    ]


def _assign_markers(forms: list[Form]) -> None:
    pairs = iter(zip(CONFIRMED_BSNS, CONFIRMED_NAMES, strict=True))
    for form in forms:
        for name in form.fields:
            form.markers[name] = next(pairs)


def _confirmed_text(bsn: str, name: str) -> str:
    return f"Dossier {bsn} besproken met {name}."


class Capture:
    """Every log record, every Celery message and every URL of the run."""

    def __init__(self):
        self.records: list[str] = []
        self.celery: list[str] = []
        self.urls: list[str] = []
        self.raw: list[logging.LogRecord] = []


@pytest.fixture
def capture(monkeypatch, django_capture_on_commit_callbacks):
    seen = Capture()
    seen.on_commit = django_capture_on_commit_callbacks
    original_handle = logging.Logger.handle

    def handle(self, record):
        seen.raw.append(record)
        seen.records.append(f"{record.getMessage()} {record.__dict__!r}")
        return original_handle(self, record)

    monkeypatch.setattr(logging.Logger, "handle", handle)
    root = logging.getLogger()
    previous = root.level
    root.setLevel(logging.DEBUG)
    original_apply_async = Task.apply_async

    def apply_async(self, args=None, kwargs=None, *rest, **options):
        seen.celery.append(f"{self.name} {args!r} {kwargs!r} {options!r}")
        return original_apply_async(self, args, kwargs, *rest, **options)

    monkeypatch.setattr(Task, "apply_async", apply_async)
    yield seen
    root.setLevel(previous)


LINK = re.compile(r'(?:href|src|action|hx-get|hx-post|formaction)="([^"]*)"')


def _post(client, capture, url, data):
    # Run what the request queued for after its commit (mails, tasks), as in production.
    with capture.on_commit(execute=True):
        response = client.post(url, data)
    _collect_urls(capture, response)
    return response


def _collect_urls(capture, response) -> None:
    if "Location" in response:
        capture.urls.append(response["Location"])
    if response.get("Content-Type", "").startswith("text/html"):
        capture.urls.extend(unescape(url) for url in LINK.findall(response.text))


def _text_columns() -> list[tuple[str, str]]:
    columns = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                columns.append((table, column.name))
    return columns


def _where_stored(marker: str, columns) -> set[str]:
    found = set()
    with connection.cursor() as cursor:
        for table, column in columns:
            cursor.execute(
                f'SELECT COUNT(*) FROM "{table}" WHERE LOWER(CAST("{column}" AS TEXT)) LIKE %s',  # noqa: S608
                [f"%{marker.lower()}%"],
            )
            if cursor.fetchone()[0]:
                found.add(f"{table}.{column}")
    for session in Session.objects.all():
        if marker in repr(session.get_decoded()):
            found.add("django_session.session_data")
    return found


def test_personal_data_goes_only_into_the_field_it_was_confirmed_into(
    client, db, capture, mailoutbox
):
    world = build_world()
    forms = _forms(world)
    _assign_markers(forms)
    posts = {"refused": 0, "error": 0, "confirmed": 0}
    for form in forms:
        client.force_login(world[form.role])
        # Refused: each certain finding, in every free-text field of the form.
        for text in REFUSED_TEXTS.values():
            data = {**form.data, **dict.fromkeys(form.fields, text)}
            response = _post(client, capture, form.url, data)
            assert response.status_code in (200, 422), (form.name, response.status_code)
            assert "door een pseudoniem" in unescape(response.text), (
                form.name,
                _errors(response.text),
            )
            posts["refused"] += 1
        # Error: the form is refused before the guard.
        if form.error is not None:
            data = {**form.data, **dict.fromkeys(form.fields, ERROR_TEXT), **form.error}
            response = _post(client, capture, form.url, data)
            assert response.status_code in (200, 409, 422), (form.name, response.status_code)
            assert ERROR_NAME in unescape(response.text), "what was typed stays in the form"
            posts["error"] += 1
        # Confirmed: first refused as uncertain, then confirmed.
        texts = {name: _confirmed_text(*form.markers[name]) for name in form.fields}
        response = _post(client, capture, form.url, {**form.data, **texts})
        if response.status_code != 302:
            assert "confirm_not_personal_data" in response.text, (form.name, _errors(response.text))
            response = _post(
                client,
                capture,
                form.url,
                {**form.data, **texts, "confirm_not_personal_data": "on"},
            )
        assert response.status_code == 302, (form.name, response.status_code, response.text)
        posts["confirmed"] += 1
        _collect_urls(capture, client.get(response["Location"]))
    # Pages that show the confirmed texts: their links carry no text either.
    client.force_login(world["director"])
    for url in (
        world["decided"].get_absolute_url(),
        world["escalated"].get_absolute_url(),
        world["running"].get_absolute_url(),
        world["signal"].get_absolute_url(),
        reverse("digests:examples"),
    ):
        _collect_urls(capture, client.get(url))

    assert posts == {"refused": 36, "error": 9, "confirmed": 12}
    columns = _text_columns()
    logs, celery, urls = "\n".join(capture.records), "\n".join(capture.celery), capture.urls
    assert capture.records and urls and capture.celery, "the capture works"
    mails = "\n".join(f"{mail.subject} {mail.body}" for mail in mailoutbox)
    for marker in NEVER:
        assert marker not in mails, f"{marker} in an e-mail"
        assert marker not in logs, f"{marker} in a log line"
        assert marker not in celery, f"{marker} in a Celery message"
        assert not [url for url in urls if quoted_in(marker, url)], f"{marker} in a URL"
        assert _where_stored(marker, columns) == set(), f"{marker} stored"
    for form in forms:
        for name, allowed in form.fields.items():
            for marker in form.markers[name]:
                where = f"{form.name}/{name}: {marker}"
                assert marker not in logs, f"{where} in a log line"
                assert marker not in celery, f"{where} in a Celery message"
                assert not [url for url in urls if quoted_in(marker, url)], f"{where} in a URL"
                stored = _where_stored(marker, columns)
                assert allowed[0] in stored, f"{where} was stored in its field"
                assert stored <= {*allowed}, f"{where} also in {stored - {*allowed}}"


def quoted_in(marker: str, url: str) -> bool:
    return marker in unquote_plus(url)


@pytest.mark.parametrize(
    "name",
    [
        "intake",
        "edit",
        "colleague input",
        "notes",
        "minutes",
        "decision",
        "correction",
        "escalation answer",
        "outcome",
        "good example",
        "signal",
        "withdraw",
    ],
)
def test_an_error_report_shows_no_case_text(client, db, capture, monkeypatch, name):
    """A crash while storing case text: the logged traceback and the report Django mails to
    the administrators (AdminEmailHandler) hide the posted text."""
    world = build_world()
    form = next(form for form in _forms(world) if form.name == name)
    client.force_login(world[form.role])

    def crash(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("cases.guard.scan", crash)
    client.raise_request_exception = False
    text = f"Dossier {CONFIRMED_BSNS[0]} besproken met {CONFIRMED_NAMES[0]}."
    data = {**form.data, **dict.fromkeys(form.fields, text)}
    response = client.post(form.url, data)
    assert response.status_code == 500
    (record,) = [r for r in capture.raw if r.name == "django.request" and r.levelno >= 40]
    reporter = ExceptionReporter(record.request, *record.exc_info, is_email=True)
    report = reporter.get_traceback_text()
    assert "the database went away" in report
    assert "********************" in report, "the POST data is hidden"
    for marker in (CONFIRMED_BSNS[0], CONFIRMED_NAMES[0]):
        assert marker not in report
        assert marker not in "\n".join(capture.records)


def _errors(page: str) -> list[str]:
    summary = re.search(r'<div id="error-summary".*?</div>', page, re.DOTALL)
    return (
        [re.sub(r"\s+", " ", unescape(re.sub("<[^>]+>", "", summary.group(0))))] if summary else []
    )
