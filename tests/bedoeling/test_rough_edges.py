"""The rough edges a new user hit on the home page and around the app (issue 12): overdue
actions marked with a word, dates written one way, a favicon, an accessibility statement, help
per role, and `make run PORT=...`."""

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from deliberations import services
from deliberations.services import ActionSpec, DecisionSpec
from organisations import clock
from tests.deliberations.fixtures_followup import submitted_case
from tests.factories import legal_ground

ROOT = Path(settings.BASE_DIR)


def _decide_with_actions(team, professional, lead, *actions):
    case = submitted_case(team, professional)
    with clock.at(timezone.now() - dt.timedelta(days=30)):
        meeting = services.plan_meeting(
            team=team, lead=lead, starts_at=clock.now(), participants=[lead], cases=[case]
        )
        services.start_meeting(meeting=meeting, actor=lead)
        services.record_decision(
            item=meeting.items.get(),
            author=lead,
            spec=DecisionSpec(
                kind="deviation",
                legal_ground=legal_ground(),
                rationale="Dit dient de bedoeling.",
                evaluate_on=timezone.localdate() + dt.timedelta(days=60),
                actions=[ActionSpec(text, professional, due) for text, due in actions],
            ),
        )
    return case


def test_the_home_page_marks_overdue_actions_with_a_word(client, team, professional, lead):
    today = timezone.localdate()
    _decide_with_actions(
        team,
        professional,
        lead,
        ("Te laat gebeld", today - dt.timedelta(days=2)),
        ("Op tijd gebeld", today + dt.timedelta(days=2)),
    )
    client.force_login(professional)
    page = client.get(reverse("home")).text
    actions = page.split('id="home-actions"', 1)[1].split("</ul>", 1)[0]
    late, on_time = actions.split("Op tijd gebeld", 1)
    assert '<strong class="bd-overdue">te laat</strong>' in late
    assert "bd-overdue" not in on_time


def test_the_home_page_writes_dates_in_full(client, team, professional, lead):
    _decide_with_actions(team, professional, lead, ("Bellen", dt.date(2026, 10, 29)))
    client.force_login(professional)
    page = client.get(reverse("home")).text
    assert "29 oktober 2026" in page
    assert not re.search(r"\b29 okt\b", page, re.IGNORECASE)


# Dates are written as "1 december 2026" (with the time or the weekday where it matters);
# never abbreviated ("29 okt 2026") or as numbers, which would sit beside the full form.
DATE_FORMATS = {"j F Y", "j F Y H:i", "l j F Y H:i", "j F", "c", "Y-m-d"}  # Y-m-d: form values


def test_every_page_template_writes_dates_one_way():
    templates = list((ROOT / "templates").rglob("*.html"))
    formats = {
        (str(path.relative_to(ROOT)), found)
        for path in templates
        for found in re.findall(r"""\|date:["']([^"']*)["']""", path.read_text())
    }
    assert formats
    assert {(path, found) for path, found in formats if found not in DATE_FORMATS} == set()


def test_every_page_links_a_favicon_that_is_served(client, professional):
    client.force_login(professional)
    page = client.get(reverse("home")).text
    assert re.search(r'<link rel="icon" href="/static/favicon.svg" type="image/svg\+xml">', page)
    assert finders.find("favicon.svg")


def test_the_accessibility_statement_is_open_to_everyone_and_in_the_footer(client, db):
    login = client.get(reverse("login")).text
    footer = login.split('class="bd-footer"', 1)[1]
    assert f'<a href="{reverse("accessibility")}">Toegankelijkheidsverklaring</a>' in footer
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    headings = re.findall(r"<h2>([^<]+)</h2>", response.text)
    # The sections of the Dutch government's model statement.
    assert headings == [
        "Organisatie",
        "Reikwijdte",
        "Nalevingsstatus",
        "Bekende beperkingen",
        "Contact en feedback",
        "Handhavingsprocedure",
        "Over deze verklaring",
    ]
    assert "WCAG" in response.text and "2.1" in response.text
    assert settings.BASE_URL in response.text


def test_a_help_page_per_role_is_linked_from_the_header(client, professional):
    client.force_login(professional)
    header = client.get(reverse("home")).text.split("</header>", 1)[0]
    assert f'<a href="{reverse("help")}">Help</a>' in header
    index = client.get(reverse("help")).text
    for role in ("professional", "lead", "director"):
        url = reverse("help_role", args=[role])
        assert f'href="{url}"' in index
        assert client.get(url).status_code == 200
    assert client.get("/help/admin/").status_code == 404


def test_the_help_pages_need_a_login(client, db):
    response = client.get(reverse("help"))
    assert response.status_code == 302


MAKE = shutil.which("make") or "make"


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_run_serves_on_the_chosen_port_and_addresses_follow_it():
    def dry_run(*args: str, **env: str) -> str:
        environment = {"PATH": "/usr/bin:/bin", **env}
        result = subprocess.run(
            [MAKE, "--dry-run", "--always-make", "run", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout

    commands = dry_run("PORT=8123", "PYTHON=/usr/bin/python3")
    assert "runserver 127.0.0.1:8123" in commands
    for step in ("migrate", "seed_demo", "runserver"):
        line = next(line for line in commands.splitlines() if f"manage.py {step}" in line)
        assert "BEDOELING_BASE_URL=http://127.0.0.1:8123" in line
    assert "runserver 127.0.0.1:8000" in dry_run("PYTHON=/usr/bin/python3")
    # An address set on purpose wins.
    chosen = dry_run("PYTHON=/usr/bin/python3", BEDOELING_BASE_URL="https://bedoeling.example")
    assert "BEDOELING_BASE_URL=https://bedoeling.example" in chosen
