"""Every form's error path: a refused submit shows one error summary first on the page, ready
for the focus, with each error as a link to its field, and nothing typed is lost."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.factories import legal_ground
from tests.pages import build_world

TYPED = "Wat ik net typte blijft staan"


@pytest.fixture
def world(db):
    return build_world()


def _forms(world: dict) -> list[tuple[str, str, str, dict, list[str]]]:
    """(name, role, url, refused data, the fields the summary must link to)."""
    running, item = world["running"], world["running_item"]
    decided, decision, signal = world["decided"], world["decision"], world["signal"]
    no_actions = {"actions-TOTAL_FORMS": "0", "actions-INITIAL_FORMS": "0"}
    return [
        (
            "intake",
            "professional",
            reverse("cases:create"),
            {"title": TYPED, "team": world["noord"].pk},
            ["situation", "effect", "conflict", "question"],
        ),
        (
            "edit",
            "professional",
            reverse("cases:edit", args=[world["draft"].pk]),
            {"title": TYPED, "version": world["draft"].version},
            ["situation", "question"],
        ),
        (
            "colleague input",
            "colleague",
            reverse("cases:comment", args=[world["waiting"].pk]),
            {"text": f"{TYPED}, BSN 111222333"},
            ["text"],
        ),
        (
            "withdraw",
            "professional",
            reverse("cases:withdraw", args=[world["waiting"].pk]),
            {"reason": f"{TYPED}, BSN 111222333"},
            ["reason"],
        ),
        (
            "plan a meeting",
            "lead",
            reverse("deliberations:create"),
            {"team": world["noord"].pk, "location": TYPED, "starts_at": "morgen"},
            ["starts_at"],
        ),
        (
            "decision",
            "lead",
            reverse("deliberations:decide", args=[item.pk]),
            {"kind": "refer", "rationale": TYPED, **no_actions},
            ["refer_to", "evaluate_on"],
        ),
        (
            "notes",
            "lead",
            reverse("deliberations:notes", args=[item.pk]),
            {"notes": f"{TYPED}, BSN 111222333"},
            ["notes"],
        ),
        (
            "minutes",
            "lead",
            reverse("deliberations:minutes_save", args=[running.pk]),
            {"minutes": f"{TYPED}, BSN 111222333", "version": running.version},
            ["minutes"],
        ),
        (
            "correction",
            "lead",
            reverse("deliberations:correct", args=[decision.pk]),
            {
                "kind": "deviation",
                "legal_ground": legal_ground(requires_text=True).pk,
                "legal_ground_text": TYPED,
                "rationale": TYPED,
                "evaluate_on": "2027-01-01",
                **no_actions,
            },
            ["reason"],
        ),
        (
            "escalation answer",
            "director",
            world["escalation"].get_absolute_url(),
            {"kind": "deviation", "values_weighing": TYPED, **no_actions},
            ["rationale", "evaluate_on", "legal_ground"],
        ),
        (
            "outcome",
            "professional",
            reverse("deliberations:outcome", args=[decided.pk]),
            {"note": TYPED},
            ["served"],
        ),
        (
            "good example",
            "lead",
            reverse("digests:example_publish", args=[decided.pk]),
            {"title": TYPED, "text": "Verhaal."},
            ["lesson"],
        ),
        (
            "signal",
            "director",
            reverse("digests:signal_move", args=[signal.pk]),
            {"to_state": "declined", "taken_up_with": TYPED},
            ["reason"],
        ),
        (
            "digest build",
            "director",
            reverse("digests:build"),
            {"scope": "organisation", "start": "2026-11-20", "end": "2026-11-01"},
            ["end"],
        ),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "intake",
        "edit",
        "colleague input",
        "withdraw",
        "plan a meeting",
        "decision",
        "notes",
        "minutes",
        "correction",
        "escalation answer",
        "outcome",
        "good example",
        "signal",
        "digest build",
    ],
)
def test_a_refused_form_leads_back_to_each_field_and_keeps_what_was_typed(client, world, name):
    _name, role, url, data, fields = next(form for form in _forms(world) if form[0] == name)
    client.force_login(world[role])
    response = client.post(url, data)
    assert response.status_code in (200, 409, 422), response.status_code
    page = response.text
    summary = re.search(r'<div id="error-summary".*?</div>', page, re.DOTALL)
    assert summary, "the page shows an error summary"
    assert "data-autofocus" in summary.group(0) and 'tabindex="-1"' in summary.group(0)
    assert page.count('id="error-summary"') == 1
    for field in fields:
        target = re.search(rf'href="#([^"]*{field}[^"]*)"', summary.group(0))
        assert target, f"the summary links to {field}"
        assert f'id="{target.group(1)}"' in page, f"the link to {field} has a target"
    kept = 'value="2026-11-01"' if name == "digest build" else TYPED
    assert kept in unescape(page), "what was typed is still on the page"
