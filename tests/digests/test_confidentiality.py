"""A stored digest holds numbers and ids, never case text (issue "One way through the code").

The organisation digest is read by every director, also by one who does not oversee a team and
may not open its cases. Unique sentinel words go into the title, situation, rationale and "why
this case differs" of a flagged pair of team Noord's cases; Zuid's director must find none of
them in the stored digest, its page, any of its CSV files, the dashboard or the home page,
while Noord's director still reads them on the page.
"""

import importlib
import json

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.models import Rule
from deliberations import services
from deliberations.models import Decision
from deliberations.services import DecisionSpec
from digests.models import FORMAT_VERSION, Digest
from digests.tables import TABLES
from digests.tasks import store_digest
from tests.digests.fixtures_pages import END, START, at, make_world
from tests.factories import legal_ground

# Each word as it is written, and the start of its stem (case keywords are stems).
TITLE, SITUATION = "Zwirbelmoer", "Quastelbrink"
RATIONALE, DIFFERENCE = "Flomperaad", "Snaffelkwijt"
SENTINELS = [word.lower()[:8] for word in (TITLE, SITUATION, RATIONALE, DIFFERENCE)]


def _leaks(text: str) -> list[str]:
    text = text.lower()
    return [word for word in SENTINELS if word in text]


@pytest.fixture
def world(db):
    world = make_world()
    team, pro, lead = world["team"], world["professional"], world["lead"]
    rule = Rule.objects.exclude(pk__in=[world["r1"].pk, world["r2"].pk]).first()
    cases = []
    for number, day in (("een", 3), ("twee", 4), ("drie", 5)):
        with at(day, 11):
            case, _ = case_services.create_case(
                author=pro,
                team=team,
                data={
                    "title": f"{TITLE} {number}",
                    "rule": rule,
                    "barrier": world["law"],
                    "situation": f"{SITUATION} en {SITUATION} wonen samen; {SITUATION} werkt "
                    f"bij {TITLE}.",
                    "effect": "De uitkering stopt.",
                    "conflict": "Dat past niet bij wat de wet wil.",
                    "question": "Mogen we afwijken?",
                },
                submit=True,
            )
        cases.append(case)
    with at(6, 14):
        meeting = services.plan_meeting(
            team=team, lead=lead, starts_at=timezone.now(), participants=[lead, pro], cases=cases
        )
        services.start_meeting(meeting=meeting, actor=lead)
        items = {item.case_id: item for item in meeting.items.all()}
        first, second, third = cases
        for case, spec in (
            (first, DecisionSpec(kind="apply_rule", rationale=f"{RATIONALE}: de regel past.")),
            (
                second,
                DecisionSpec(
                    kind="deviation",
                    legal_ground=legal_ground(),
                    rationale=f"{RATIONALE}: afwijken.",
                    difference=f"{DIFFERENCE}: hier is het anders.",
                ),
            ),
            (third, DecisionSpec(kind="apply_rule", rationale=f"{RATIONALE}: ook hier.")),
        ):
            services.record_decision(item=items[case.pk], author=lead, spec=spec)
        services.close_meeting(meeting=meeting, actor=lead)
    with at(13, 12):
        world["org_digest"] = store_digest(team=None, start=START, end=END)
    world["secret_cases"] = cases
    return world


def _everything_about(client, digest: Digest) -> dict[str, str]:
    """The digest's page, every CSV of it, the dashboard and the home page, as text."""
    pages = {"page": client.get(reverse("digests:detail", args=[digest.pk]))}
    for table in TABLES:
        pages[f"{table}.csv"] = client.get(reverse("digests:export", args=[digest.pk, table]))
    pages["dashboard"] = client.get(reverse("digests:dashboard"))
    pages["home"] = client.get(reverse("home"))
    assert {name: r.status_code for name, r in pages.items()} == dict.fromkeys(pages, 200)
    return {name: response.content.decode("utf-8") for name, response in pages.items()}


def test_the_digest_flags_and_groups_the_secret_cases(world):
    """The setup does what the other tests rely on: the secret cases are flagged (the deviation
    against each of the two that applied the rule) and a pattern of the organisation digest."""
    data = world["org_digest"].data
    secret = {case.pk for case in world["secret_cases"]}
    flagged = {flag[side]["case_id"] for flag in data["consistency_flags"] for side in "ab"}
    assert len(flagged & secret) == 3
    assert any(set(pattern["case_ids"]) == secret for pattern in data["patterns"])


def test_the_stored_digest_holds_no_case_text(world):
    stored = json.dumps(Digest.objects.get(pk=world["org_digest"].pk).data)
    assert _leaks(stored) == []


def test_a_director_over_another_team_finds_none_of_its_case_text(client, world):
    client.force_login(world["other_director"])
    for name, text in _everything_about(client, world["org_digest"]).items():
        assert _leaks(text) == [], name


def test_a_director_over_another_team_sees_only_that_there_is_a_case_and_its_team(client, world):
    client.force_login(world["other_director"])
    response = client.get(reverse("digests:detail", args=[world["org_digest"].pk]))
    secret = {case.pk for case in world["secret_cases"]}
    sides = [
        side
        for flag in response.context["figures"]["flags"]
        for side in (flag.a, flag.b)
        if side.case_id in secret
    ]
    assert len(sides) == 4
    for side in sides:
        assert not side.visible and side.team == "Inkomen Noord"
        assert (side.kind_label, side.title, side.rationale, side.difference) == ("", "", "", "")
        assert side.href == "" and "Inkomen Noord" in side.name
    patterns = response.context["figures"]["patterns"].rows
    (secret_pattern,) = [row for row in patterns if set(row.data["case_ids"]) == secret]
    assert secret_pattern.values["words"] == []


def test_the_director_over_the_team_reads_its_case_text_on_the_page(client, world):
    client.force_login(world["director"])
    response = client.get(reverse("digests:detail", args=[world["org_digest"].pk]))
    assert {TITLE, RATIONALE, DIFFERENCE} <= {
        word
        for word in (TITLE, SITUATION, RATIONALE, DIFFERENCE)
        if word.lower() in response.text.lower()
    }
    text = response.text
    assert f"{TITLE} " in text and f"{RATIONALE}: " in text and f"{DIFFERENCE}: " in text
    # The pattern's words: real words from its cases' texts, read when the page is read.
    secret = {case.pk for case in world["secret_cases"]}
    patterns = response.context["figures"]["patterns"].rows
    (row,) = [row for row in patterns if set(row.data["case_ids"]) == secret]
    written = " ".join(
        f"{case.title} {case.situation} {case.effect}" for case in world["secret_cases"]
    ).lower()
    assert row.values["words"] and all(word in written for word in row.values["words"])


def test_text_an_older_digest_stored_is_never_shown(client, world):
    """Reading takes ids from the snapshot, and nothing else about a case."""
    digest = world["org_digest"]
    data = digest.data
    for flag in data["consistency_flags"]:
        for side in (flag["a"], flag["b"]):
            side.update(
                reference="Ingeplantgeheim",
                title="Ingeplantgeheim",
                rationale="Ingeplantgeheim",
                difference="Ingeplantgeheim",
            )
    for pattern in data["patterns"]:
        pattern["words"] = ["ingeplantgeheim"]
    for example in data["examples"]:
        example["title"] = "Ingeplantgeheim"
    Digest.objects.filter(pk=digest.pk).update(data=data)
    for person in ("director", "other_director"):
        client.force_login(world[person])
        for name, text in _everything_about(client, digest).items():
            assert "ingeplantgeheim" not in text.lower(), (person, name)


def _as_format_1(data: dict) -> dict:
    """The digest as format 1 stored it: the case text in the flags, words in the patterns."""
    data = json.loads(json.dumps(data))
    data["format_version"] = 1
    for flag in data["consistency_flags"]:
        for side in (flag["a"], flag["b"]):
            decision = Decision.objects.select_related("case").get(pk=side.pop("decision_id"))
            side.pop("team_id")
            side.update(
                reference=decision.case.reference,
                title=decision.case.title,
                rationale=decision.rationale,
                difference=decision.difference,
            )
    for pattern in data["patterns"]:
        pattern["words"] = [SITUATION.lower(), TITLE.lower()]
    return data


def test_the_migration_strips_case_text_from_stored_digests(client, world):
    digest = world["org_digest"]
    expected = digest.data
    Digest.objects.filter(pk=digest.pk).update(data=_as_format_1(expected), format_version=1)
    assert _leaks(json.dumps(Digest.objects.get(pk=digest.pk).data))  # the old format leaks

    migration = importlib.import_module("digests.migrations.0003_digest_ids_only")
    migration.strip_case_text(apps, None)
    importlib.import_module("digests.migrations.0004_threads").to_format_3(apps, None)

    digest.refresh_from_db()
    assert digest.format_version == FORMAT_VERSION == digest.data["format_version"]
    assert _leaks(json.dumps(digest.data)) == []

    # The sides regain their team and decision: the same as a digest built now.
    def sides(data):
        return [(flag["a"], flag["b"]) for flag in data["consistency_flags"]]

    assert sides(digest.data) == sides(expected)
    client.force_login(world["other_director"])
    for name, text in _everything_about(client, digest).items():
        assert _leaks(text) == [], name
