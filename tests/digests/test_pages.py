"""The digest pages: charts with a text alternative, numbers that lead to exactly their cases,
CSV export, build requests and versions, and a query count that does not grow with the data."""

import csv
import datetime as dt
import io
import re
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Rule
from deliberations import services
from deliberations.models import Decision
from deliberations.services import DecisionSpec
from digests import charts
from digests.models import Digest
from digests.tables import TABLES
from digests.tasks import store_digest
from organisations.models import Membership, Role
from tests.digests.fixtures_pages import END, START, at, make_world
from tests.factories import CaseFactory, RegulationFactory, TeamFactory, legal_ground


@pytest.fixture
def world(db):
    return make_world()


def _case_ids(client, href: str) -> set[int]:
    """The cases a figure's link lists (all pages)."""
    response = client.get(href)
    assert response.status_code == 200
    page = response.context["page"]
    assert page.paginator.num_pages == 1
    return {case.pk for case in page.object_list}


def _figures(client, digest):
    response = client.get(reverse("digests:detail", args=[digest.pk]))
    assert response.status_code == 200
    return response, response.context["figures"]


def test_it_shows_every_chart_with_a_title_and_a_text_alternative(client, world):
    client.force_login(world["director"])
    response, _ = _figures(client, world["team_digest"])
    html = response.text
    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", html, flags=re.S)
    ids = {
        re.search(r'id="(chart-[a-z-]+)-title"', svg).group(1)
        for svg in svgs
        if 'role="img"' in svg
    }
    assert ids == {
        "chart-counts",
        "chart-rules",
        "chart-barriers",
        "chart-barrier-kinds",
        "chart-corners",
        "chart-decision-mix",
        "chart-values",
        "chart-deviation-grounds",
        "chart-patterns",
        "chart-signals",
        "chart-outcomes",
        "chart-follow-up",
    }
    for svg in svgs:
        chart_id = re.search(r'id="(chart-[a-z-]+)-title"', svg).group(1)
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert re.search(rf'<title id="{chart_id}-title">[^<]+</title>', svg)
        assert re.search(rf'<desc id="{chart_id}-desc">[^<]+</desc>', svg)
        assert "style=" not in svg and "<a " not in svg
        # Each chart is followed by its data table.
        after = html[html.index(svg) + len(svg) :]
        assert after.lstrip().startswith("</div>")
        assert after.index("<table") < after.index("</section>")


def test_a_chart_text_alternative_names_every_bar(client, world):
    client.force_login(world["director"])
    response, _ = _figures(client, world["team_digest"])
    desc = re.search(r'<desc id="chart-rules-desc">([^<]+)</desc>', response.text).group(1)
    assert "AIO — kostendelersnorm: 3" in unescape(desc)
    assert "PW — bewijsstukken bankafschriften: 2" in unescape(desc)


def test_every_number_leads_to_exactly_its_cases(client, world):
    c1, c2, c3, c4, c5 = (case.pk for case in world["cases"])
    previous = world["previous"].pk
    client.force_login(world["director"])
    response, figures = _figures(client, world["team_digest"])
    html = response.text

    def follows(number, expected: set[int]) -> None:
        assert number.href, number
        assert f'href="{number.href.replace("&", "&amp;")}"' in html
        assert _case_ids(client, number.href) == expected

    counts = dict(figures["counts"].rows)
    submitted, decided, open_, median, p90 = (number for _, number in figures["counts"].rows)
    assert [n.value for n in (submitted, decided, open_, median, p90)] == [5, 3, 3, 3.0, 4.0]
    follows(submitted, {c1, c2, c3, c4, c5})
    follows(decided, {c1, c2, c4})
    follows(open_, {previous, c3, c5})
    follows(median, {c1, c2, c4})
    assert len(counts) == 5

    r1_row, r2_row = figures["rules"].rows
    assert (r1_row["cases"].value, r1_row["previous"].value, r1_row["change"].value) == (3, 1, 2)
    follows(r1_row["cases"], {c1, c2, c3})
    follows(r1_row["previous"], {previous})
    follows(r2_row["cases"], {c4, c5})
    assert r2_row["previous"].value == 0 and "href" not in str(r2_row["previous"].__html__())

    law_row, departments_row = figures["barriers"].rows
    follows(law_row["cases"], {c1, c2, c3})
    follows(departments_row["cases"], {c4, c5})
    kinds = dict(figures["barrier_kinds"].rows)
    corners = [number for _, number in figures["barrier_corners"].rows]
    assert sorted(n.value for n in kinds.values()) == [2, 3]
    for number in kinds.values():
        follows(number, {c4, c5} if number.value == 2 else {c1, c2, c3})
    follows(corners[0], {c1, c2, c3})  # public value proposition
    follows(corners[1], {c4, c5})  # operational capacity
    assert corners[2].value == 0

    mix = [number for _, number in figures["decision_mix"].rows]
    # apply, room, deviation, refer, escalate, postpone
    follows(mix[0], {c2})
    follows(mix[1], {c4})
    follows(mix[2], {c1})
    assert mix[3].value == 0
    follows(mix[4], {c5})
    follows(mix[5], {c3})

    values = {label.value: number for label, number in figures["values"].rows}
    follows(values["menselijke maat"], {c1, c4})
    follows(values["rechtmatigheid"], {c2})

    (pattern,) = figures["patterns"].rows
    follows(pattern["size"], {c1, c2, c3})

    (flag,) = figures["flags"]
    assert _case_ids(client, flag.both) == {c1, c2}
    assert (flag.a.href, flag.b.href) == (
        reverse("cases:detail", args=[c2]),
        reverse("cases:detail", args=[c1]),
    )

    signal_r1, signal_r2 = figures["signals"].rows
    follows(signal_r1["count"], {c1})
    follows(signal_r2["count"], {c4})
    assert signal_r1["rule"].href == reverse(
        "digests:signal", args=[world["team_digest"].data["signals"][0]["signal_id"]]
    )

    room, deviation = figures["outcomes"].rows
    yes, partly, no = (deviation[served] for served in ("yes", "partly", "no"))
    assert (yes.value, partly.value, no.value) == (1, 0, 0)
    follows(yes, {c1})
    follows(deviation["total"], {c1})
    follows(room["partly"], {c4})

    overdue, pending, escalations = (number for _, number in figures["follow_up"].rows)
    follows(overdue, {c1})
    follows(pending, {c2})  # to evaluate on 7 Nov; its outcome came only on 12 Nov
    follows(escalations, {c5})
    assert figures["escalations"].rows[0]["case"].href == reverse("cases:detail", args=[c5])


def test_the_organisation_digest_links_only_to_cases_the_director_may_see(client, world):
    client.force_login(world["other_director"])
    response, figures = _figures(client, world["org_digest"])
    submitted = figures["counts"].rows[0]["value"]
    assert submitted.value == 6  # the figure counts every team
    assert _case_ids(client, submitted.href) == {world["zuid"].pk}  # the list only Zuid's
    zuid = world["zuid"].pk
    sides = [side for flag in figures["flags"] for side in (flag.a, flag.b)]
    assert zuid in {side.case_id for side in sides}  # paired with a similar case of Noord
    for side in sides:
        expected = reverse("cases:detail", args=[zuid]) if side.case_id == zuid else ""
        assert side.href == expected
    for flag in figures["flags"]:
        both = {flag.a.case_id, flag.b.case_id}
        assert _case_ids(client, flag.both) == both & {zuid}
    for case in world["cases"]:
        assert f'href="{reverse("cases:detail", args=[case.pk])}"' not in response.text
    assert figures["escalations"].rows[0]["case"].href == ""


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="digest-')
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_the_rules_table_as_csv(client, world):
    client.force_login(world["director"])
    digest = world["team_digest"]
    response = client.get(reverse("digests:export", args=[digest.pk, "rules"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="digest-inkomen-noord-{START}-{END}-v1-rules.csv"'
    )
    header, *rows = _csv(response)
    assert len(header) == 4
    assert rows == [
        ["AIO — kostendelersnorm", "3", "1", "2"],
        ["PW — bewijsstukken bankafschriften", "2", "0", "2"],
    ]


def test_the_consistency_flags_as_csv_side_by_side(client, world):
    c1, c2, *_ = world["cases"]
    client.force_login(world["lead"])
    digest = world["team_digest"]
    header, *rows = _csv(client.get(reverse("digests:export", args=[digest.pk, "flags"])))
    assert len(header) == 9
    similarity = str(digest.data["consistency_flags"][0]["similarity"])
    assert [row[0] for row in rows] == [similarity]
    (row,) = rows
    assert row[1] == c2.reference and row[3] == "Waarom Oma twee" and row[4] == ""
    assert row[5] == c1.reference and row[7] == "Waarom Oma een" and row[8] == ""


@pytest.mark.parametrize("table", TABLES)
def test_every_table_exports(client, world, table):
    client.force_login(world["director"])
    response = client.get(reverse("digests:export", args=[world["org_digest"].pk, table]))
    assert response.status_code == 200
    header, *rows = _csv(response)
    assert header and all(len(row) == len(header) for row in rows)


def test_an_unknown_table_is_not_found(client, world):
    client.force_login(world["director"])
    response = client.get(reverse("digests:export", args=[world["team_digest"].pk, "secrets"]))
    assert response.status_code == 404


def test_text_that_looks_like_a_formula_is_defused_in_csv(client, world):
    c1 = world["cases"][0]
    with at(6, 13):  # a correction of c1's decision, the flag's case B
        services.supersede_decision(
            decision=Decision.objects.get(case=c1),
            author=world["lead"],
            spec=DecisionSpec(
                kind="deviation", legal_ground=legal_ground(), rationale="=HYPERLINK(1)"
            ),
            reason="Onderbouwing aangevuld.",
        )
    with at(13):
        digest = store_digest(team=world["team"], start=START, end=END)
    client.force_login(world["director"])
    _, row = _csv(client.get(reverse("digests:export", args=[digest.pk, "flags"])))
    assert row[7] == "'=HYPERLINK(1)"


def test_a_rebuild_request_makes_version_2_and_keeps_version_1(
    client, world, django_capture_on_commit_callbacks
):
    first = world["team_digest"]
    client.force_login(world["lead"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("digests:build"),
            {"scope": str(world["team"].pk), "start": START.isoformat(), "end": END.isoformat()},
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("digests:dashboard")
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
    versions = Digest.objects.filter(team=world["team"], start=START, end=END).order_by("version")
    assert [(d.pk, d.version) for d in versions] == [(first.pk, 1), (versions[1].pk, 2)]
    second = versions[1]
    assert second.requested_by == world["lead"]
    # Both stay readable and point at each other.
    page = client.get(reverse("digests:detail", args=[second.pk]))
    assert [d.pk for d in page.context["versions"]] == [first.pk]
    assert first.get_absolute_url() in page.text
    page = client.get(reverse("digests:detail", args=[first.pk]))
    assert [d.pk for d in page.context["versions"]] == [second.pk]
    # The dashboard shows the newest.
    dashboard = client.get(reverse("digests:dashboard"))
    assert [d.pk for d, _ in dashboard.context["digests"]] == [second.pk]


def test_a_director_asks_for_the_organisation_digest_of_any_period(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["director"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("digests:build"),
            {"scope": "organisation", "start": "2026-10-01", "end": "2026-10-31"},
        )
    assert response.status_code == 302
    digest = Digest.objects.get(team__isnull=True, start=dt.date(2026, 10, 1))
    assert digest.end == dt.date(2026, 10, 31) and digest.version == 1
    page = client.get(digest.get_absolute_url())
    assert page.context["versions"] == []  # another period: not a version of the week's
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("digests:build"),
            {"scope": "organisation", "start": START.isoformat(), "end": END.isoformat()},
        )
    again = Digest.objects.get(team__isnull=True, start=START, end=END, version=2)
    page = client.get(again.get_absolute_url())
    assert page.context["versions"] == [world["org_digest"]]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"start": "2026-11-08", "end": "2026-11-02"}, "end"),
        ({"start": "2025-11-01", "end": "2026-11-02"}, "end"),
        ({"start": "2026-11-02", "end": "not a date"}, "end"),
        ({"scope": "organisation"}, "scope"),
        ({"scope": "other"}, "scope"),
        ({"scope": "nonsense"}, "scope"),
    ],
)
def test_a_build_request_is_checked(client, world, data, field):
    data = {"scope": str(world["team"].pk), "start": "2026-11-02", "end": "2026-11-08", **data}
    if data["scope"] == "other":
        data["scope"] = str(world["other_team"].pk)
    client.force_login(world["lead"])  # leads the team, no director: no organisation digest
    before = Digest.objects.count()
    response = client.post(reverse("digests:build"), data)
    assert response.status_code == 422
    assert list(response.context["build_form"].errors) == [field]
    assert Digest.objects.count() == before


def test_a_period_of_366_days_is_allowed(client, world):
    client.force_login(world["lead"])
    response = client.post(
        reverse("digests:build"),
        {"scope": str(world["team"].pk), "start": "2025-11-08", "end": "2026-11-08"},
    )
    assert response.status_code == 302


def test_the_build_form_proposes_last_week(client, world):
    client.force_login(world["director"])
    with at(18):  # Wednesday 18 November
        form = client.get(reverse("digests:dashboard")).context["build_form"]
    assert (form.initial["start"], form.initial["end"]) == (
        dt.date(2026, 11, 9),
        dt.date(2026, 11, 15),
    )
    assert [value for value, _ in form.fields["scope"].choices] == [
        "organisation",
        str(world["team"].pk),
    ]


def test_the_dashboard_shows_the_latest_digest_per_scope(client, world):
    with at(14):
        newer = store_digest(team=world["team"], start=START, end=END)
        later_week = store_digest(team=None, start=dt.date(2026, 11, 9), end=dt.date(2026, 11, 15))
    client.force_login(world["director"])
    digests = [d for d, _ in client.get(reverse("digests:dashboard")).context["digests"]]
    assert [d.pk for d in digests] == [later_week.pk, newer.pk]
    client.force_login(world["professional"])
    digests = [d for d, _ in client.get(reverse("digests:dashboard")).context["digests"]]
    assert [d.pk for d in digests] == [newer.pk]
    client.force_login(world["other_director"])
    digests = [d for d, _ in client.get(reverse("digests:dashboard")).context["digests"]]
    assert [d.pk for d in digests] == [later_week.pk, world["other_digest"].pk]


def test_the_navigation_leads_to_the_digests(client, world):
    client.force_login(world["professional"])
    response = client.get(reverse("home"))
    assert f'href="{reverse("digests:dashboard")}"' in response.text


def _digest_with_rules(count: int) -> Digest:
    team = TeamFactory()
    regulation = RegulationFactory(short_name=f"R{count}", name=f"Regeling {count}")
    with at(3):
        for number in range(count):
            rule = Rule.objects.create(regulation=regulation, reference=f"regel {number}")
            CaseFactory(team=team, rule=rule, title=f"Casus {number}")
    with at(13):
        return store_digest(team=team, start=START, end=END)


def test_the_detail_page_makes_the_same_queries_for_5_and_30_rules(client, world):
    small, large = _digest_with_rules(5), _digest_with_rules(30)
    assert (len(small.data["rules"]), len(large.data["rules"])) == (5, 30)
    client.force_login(world["director"])
    for digest in (small, large):
        Membership.objects.create(user=world["director"], team=digest.team, role=Role.DIRECTOR)
    client.get(reverse("digests:detail", args=[small.pk]))  # warm up (content types, session)
    counts = []
    for digest in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("digests:detail", args=[digest.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 12
    assert response.text.count("<rect ") >= 15 + 3  # rules chart capped at 15 bars


def test_a_chart_escapes_its_labels_and_describes_every_bar():
    svg = charts.bar_chart(
        [('<script>alert("x")</script>', 3), ("Een heel erg lange regelnaam die niet past", 1)],
        chart_id="chart-test",
        title="Regels & <b>meer</b>",
        summary="Casussen per regel.",
    )
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert '<title id="chart-test-title">Regels &amp; &lt;b&gt;meer&lt;/b&gt;</title>' in svg
    desc = re.search(r'<desc id="chart-test-desc">([^<]+)</desc>', svg).group(1)
    assert unescape(desc) == (
        'Casussen per regel. <script>alert("x")</script>: 3; '
        "Een heel erg lange regelnaam die niet past: 1."
    )
    assert ">Een heel erg lange regelnaam\u2026<" in svg  # shortened in the picture only
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([0-9.]+)"', svg)]
    assert widths[0] == pytest.approx(3 * widths[1], abs=0.5)


def test_a_stacked_bar_shows_the_shares_in_order():
    svg = charts.stacked_bars(
        [("afwijken", [0.5, 0.25, 0.25])],
        segments=["ja", "deels", "nee"],
        chart_id="chart-served",
        title="Uitkomsten",
    )
    assert "afwijken: ja 50%, deels 25%, nee 25%." in svg
    fills = re.findall(
        r'<rect x="[0-9.]+" y="[0-9]+" width="([0-9.]+)" height="20" fill="(#\w+)"', svg
    )
    assert [fill for _, fill in fills] == list(charts.SERVED_COLOURS)
    assert float(fills[0][0]) == 2 * float(fills[1][0])


def test_the_page_and_its_csv_count_deviations_per_legal_ground(client, world):
    c1, *_, c4, _c5 = world["cases"]
    client.force_login(world["director"])
    response, figures = _figures(client, world["team_digest"])
    page = response.text
    section = page[page.index('id="legal-grounds"') : page.index('id="patterns"')]
    assert "Grondslagen voor afwijkingen" in section and "hardheidsclausule" in section
    [row] = figures["deviation_grounds"].rows
    assert row["decisions"].value == 2
    assert _case_ids(client, row["decisions"].href) == {c1.pk, c4.pk}
    digest = world["team_digest"]
    header, *rows = _csv(
        client.get(reverse("digests:export", args=[digest.pk, "deviation_grounds"]))
    )
    assert header == ["Juridische grondslag", "Besluiten", "Casusnummers"]
    assert rows == [["hardheidsclausule", "2", f"{min(c1.pk, c4.pk)} {max(c1.pk, c4.pk)}"]]
