"""Digest pages: the dashboard, one digest as charts and tables, its CSV export, build requests.

A digest page reads the stored snapshot (`Digest.data`, see `digests/patterns.py` for what each
figure means); it never recomputes a figure and never queries per row. Every number links to
the cases behind it through the case search (`cases:search`), which only lists cases the
viewer may see; a link to one case is only shown if the viewer may open it.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from organisations.models import Membership
from cases.models import Barrier, Case
from deliberations.models import DecisionKind, Outcome

from . import charts
from .models import Digest, Signal
from .patterns import OPEN_STATUSES, headline, previous_period
from .querysets import scopes_buildable_by
from .tasks import build_digest_task, last_week

ORGANISATION = "organisation"
MAX_PERIOD_DAYS = 366
CHART_ROWS = 15

TABLES = (
    "counts",
    "rules",
    "barriers",
    "corners",
    "decision_mix",
    "values",
    "patterns",
    "flags",
    "signals",
    "outcomes",
    "follow_up",
    "examples",
)


# Small helpers ----------------------------------------------------------------------------


def _url_or_none(name: str, *args) -> str | None:
    """A link to a page another part of the app may not have mounted (yet)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _ordered(mapping: dict, choices) -> list[tuple]:
    """A figure keyed by choice, in the choices' order (PostgreSQL's jsonb keeps no key order)."""
    known = [key for key in choices.values if key in mapping]
    return [(key, mapping[key]) for key in [*known, *sorted(set(mapping) - set(known))]]


def _display(value) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, float) and not value.is_integer():
        return number_format(value, decimal_pos=1)
    if isinstance(value, float):
        return number_format(int(value))
    return number_format(value)


@dataclass(frozen=True)
class Number:
    """A figure on the page: rendered as a link to its cases when there are any."""

    value: int | float | None
    href: str = ""

    def __html__(self) -> SafeString:
        text = _display(self.value)
        if self.href and self.value:
            return format_html('<a href="{}">{}</a>', self.href, text)
        return escape(text)

    # The template engine turns a value into text with str() before escaping it.
    __str__ = __html__


class CaseLinks:
    """Links to the case search, scoped to the digest's team and carrying the way back."""

    def __init__(self, digest: Digest) -> None:
        base: dict = {"digest": digest.pk}
        if digest.team_id:
            base["team"] = digest.team_id
        # Reversed and encoded once: a large digest has a thousand links.
        self.prefix = f"{reverse('cases:search')}?{urlencode(base)}"
        self.start, self.end = digest.start.isoformat(), digest.end.isoformat()

    def __call__(self, **params) -> str:
        return f"{self.prefix}&{urlencode(params, doseq=True, safe=',')}"

    def ids(self, case_ids) -> str:
        return self(ids=",".join(str(pk) for pk in case_ids)) if case_ids else ""

    def submitted(self, **params) -> str:
        return self(submitted_from=self.start, submitted_to=self.end, **params)

    def decided(self) -> str:
        return self(decided_from=self.start, decided_to=self.end)

    def decisions(self, **params) -> str:
        return self(decision_from=self.start, decision_to=self.end, **params)

    def outcomes(self, **params) -> str:
        return self(outcome_from=self.start, outcome_to=self.end, **params)


def _referenced_case_ids(data: dict) -> set[int]:
    ids: set[int] = set()
    for flag in data.get("consistency_flags", []):
        ids.update((flag["a"]["case_id"], flag["b"]["case_id"]))
    for escalation in data.get("follow_up", {}).get("escalations", []):
        ids.add(escalation["case_id"])
    return ids


def _visible_case_ids(user, data: dict) -> set[int]:
    """Of the cases the page names one by one, those this person may open (one query)."""
    ids = _referenced_case_ids(data)
    if not ids:
        return set()
    return set(Case.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


# The figures of one digest, ready for the page --------------------------------------------


def _counts(data: dict, links: CaseLinks) -> dict:
    counts = data["counts"]
    open_link = links(status=[str(s) for s in OPEN_STATUSES], submitted_to=links.end)
    rows = [
        (_("Cases submitted"), Number(counts["submitted"], links.submitted())),
        (_("Cases decided"), Number(counts["decided"], links.decided())),
        (_("Cases open"), Number(counts["open"], open_link)),
        (
            _("Median days to a decision"),
            Number(counts["days_to_decision_median"], links.decided()),
        ),
        (
            _("90th percentile of days to a decision"),
            Number(counts["days_to_decision_p90"], links.decided()),
        ),
    ]
    chart = charts.bar_chart(
        [(label, number.value or 0) for label, number in rows[:3]],
        chart_id="chart-counts",
        title=_("Cases submitted, decided and open"),
        summary=_("Number of cases."),
    )
    return {"rows": rows, "chart": chart}


def _rule_label(label: str) -> str:
    return label or _("Rule not in the list")


def _rules(data: dict, links: CaseLinks, digest: Digest) -> dict:
    before_start, before_end = previous_period(digest.start, digest.end)
    rows = []
    for row in data["rules"]:
        rule = row["rule_id"] or "none"
        rows.append(
            {
                "label": _rule_label(row["label"]),
                "cases": Number(row["cases"], links.submitted(rule=rule)),
                "previous": Number(
                    row["previous"],
                    links(
                        rule=rule,
                        submitted_from=before_start.isoformat(),
                        submitted_to=before_end.isoformat(),
                    ),
                ),
                "change": row["change"],
            }
        )
    return {
        "rows": rows,
        "chart": _bars(
            [(row["label"], row["cases"].value) for row in rows],
            "chart-rules",
            _("The rules that chafe most"),
            _("Cases per rule."),
        ),
        "previous_period": (before_start, before_end),
    }


def _bars(rows, chart_id: str, title: str, summary: str):
    rows = [row for row in rows if row[1]]
    if not rows:
        return None
    shown = rows[:CHART_ROWS]
    if len(rows) > len(shown):
        summary = _("%(summary)s The %(shown)d largest of %(total)d.") % {
            "summary": summary,
            "shown": len(shown),
            "total": len(rows),
        }
    return charts.bar_chart(shown, chart_id=chart_id, title=title, summary=summary)


def _barriers(data: dict, links: CaseLinks) -> dict:
    barriers = data["barriers"]
    rows = [
        {
            "name": row["name"],
            "kind": _label(Barrier.Kind, row["kind"]),
            "corner": _label(Barrier.Corner, row["corner"]),
            "cases": Number(row["cases"], links.submitted(barrier=row["barrier_id"])),
        }
        for row in barriers["rows"]
    ]
    kinds = [
        (_label(Barrier.Kind, kind), Number(count, links.submitted(barrier_kind=kind)))
        for kind, count in _ordered(barriers["kinds"], Barrier.Kind)
    ]
    corners = [
        (_label(Barrier.Corner, corner), Number(count, links.submitted(corner=corner)))
        for corner, count in _ordered(barriers["corners"], Barrier.Corner)
    ]
    return {
        "rows": rows,
        "without": Number(barriers["without_barrier"], links.submitted(barrier="none")),
        "kinds": kinds,
        "corners": corners,
        "chart": _bars(
            [(row["name"], row["cases"].value) for row in rows],
            "chart-barriers",
            _("Barriers"),
            _("Cases per barrier."),
        ),
        "kinds_chart": _bars(
            [(label, number.value) for label, number in kinds],
            "chart-barrier-kinds",
            _("Internal and external barriers"),
            _("Cases per kind of barrier."),
        ),
        "corners_chart": _bars(
            [(label, number.value) for label, number in corners],
            "chart-corners",
            _("Barriers per corner of the strategic triangle"),
            _("Cases per corner."),
        ),
    }


def _decision_mix(data: dict, links: CaseLinks) -> dict:
    rows = [
        (_label(DecisionKind, kind), Number(count, links.decisions(decision=kind)))
        for kind, count in _ordered(data["decision_mix"], DecisionKind)
    ]
    return {
        "rows": rows,
        "chart": _bars(
            [(label, number.value) for label, number in rows],
            "chart-decision-mix",
            _("Decision mix"),
            _("Decisions per kind."),
        ),
    }


def _values(data: dict, links: CaseLinks) -> dict:
    rows = [
        (row["name"], Number(row["count"], links.decisions(value=row["value_id"])))
        for row in data["values"]
    ]
    return {
        "rows": rows,
        "chart": _bars(
            [(label, number.value) for label, number in rows],
            "chart-values",
            _("Public values weighed"),
            _("Decisions that weighed each value."),
        ),
    }


def _patterns(data: dict, links: CaseLinks) -> dict:
    rows = [
        {
            "rule": _rule_label(row["rule"]),
            "words": row["words"],
            "size": Number(row["size"], links.ids(row["case_ids"])),
        }
        for row in data["patterns"]
    ]
    return {
        "rows": rows,
        "chart": _bars(
            [(f"{row['rule']}: {' '.join(row['words'][:2])}", row["size"].value) for row in rows],
            "chart-patterns",
            _("Recurring patterns"),
            _("Cases per group of similar cases."),
        ),
    }


def _flags(data: dict, links: CaseLinks, visible: set[int]) -> list[dict]:
    def side(case: dict) -> dict:
        return {
            **case,
            "kind_label": _label(DecisionKind, case["kind"]),
            "href": reverse("cases:detail", args=[case["case_id"]])
            if case["case_id"] in visible
            else "",
        }

    return [
        {
            "similarity": round(flag["similarity"] * 100),
            "a": side(flag["a"]),
            "b": side(flag["b"]),
            "both": links.ids([flag["a"]["case_id"], flag["b"]["case_id"]]),
        }
        for flag in data["consistency_flags"]
    ]


def _signals(data: dict, links: CaseLinks) -> dict:
    rows = [
        {
            "rule": _rule_label(row["rule"]),
            "count": Number(row["count"], links.ids(row["case_ids"])),
            "state": _label(Signal.State, row["state"]),
            "age_days": row["age_days"],
            "href": _url_or_none("digests:signal", row["signal_id"]) if row["signal_id"] else None,
        }
        for row in data["signals"]
    ]
    return {
        "rows": rows,
        "chart": _bars(
            [(row["rule"], row["count"].value) for row in rows],
            "chart-signals",
            _("Rules signalled for change"),
            _("Decisions that flagged each rule."),
        ),
    }


SERVED = ("yes", "partly", "no")


def _outcomes(data: dict, links: CaseLinks) -> dict:
    rows = []
    for kind, counts in _ordered(data["outcomes"], DecisionKind):
        rows.append(
            {
                "kind": _label(DecisionKind, kind),
                "served": [
                    (
                        Number(counts[served], links.outcomes(outcome=served, outcome_of=kind)),
                        counts[f"share_{served}"],
                    )
                    for served in SERVED
                ],
                "total": Number(counts["total"], links.outcomes(outcome_of=kind)),
            }
        )
    segments = [_label(Outcome.Served, served) for served in SERVED]
    chart = None
    if rows:
        chart = charts.stacked_bars(
            [(row["kind"], [share for _number, share in row["served"]]) for row in rows],
            segments=segments,
            chart_id="chart-outcomes",
            title=_("Did the decisions serve the purpose?"),
            summary=_("Share of evaluated decisions per kind of decision."),
        )
    return {"rows": rows, "segments": segments, "chart": chart}


def _follow_up(data: dict, links: CaseLinks, visible: set[int], end: dt.date) -> dict:
    follow_up = data["follow_up"]
    rows = [
        (
            _("Actions overdue"),
            Number(follow_up["actions_overdue"], links.ids(follow_up["actions_overdue_case_ids"])),
        ),
        (
            _("Outcomes not yet evaluated"),
            Number(follow_up["outcomes_pending"], links(evaluation_due=end.isoformat())),
        ),
        (
            _("Escalations open"),
            Number(
                follow_up["escalations_open"],
                links.ids(sorted({e["case_id"] for e in follow_up["escalations"]})),
            ),
        ),
    ]
    escalations = [
        {
            "case_id": row["case_id"],
            "age_days": row["age_days"],
            "href": reverse("cases:detail", args=[row["case_id"]])
            if row["case_id"] in visible
            else "",
        }
        for row in follow_up["escalations"]
    ]
    return {
        "rows": rows,
        "escalations": escalations,
        "chart": _bars(
            [(label, number.value) for label, number in rows],
            "chart-follow-up",
            _("Follow-up"),
            _("Actions overdue, outcomes not yet evaluated and escalations open."),
        ),
    }


def _examples(data: dict) -> list[dict]:
    examples_url = _url_or_none("digests:examples")
    return [
        {
            "title": row["title"],
            "href": f"{examples_url}#story-{row['story_id']}" if examples_url else "",
        }
        for row in data["examples"]
    ]


def digest_figures(digest: Digest, visible: set[int]) -> dict:
    data = digest.data
    links = CaseLinks(digest)
    return {
        "counts": _counts(data, links),
        "rules": _rules(data, links, digest),
        "barriers": _barriers(data, links),
        "decision_mix": _decision_mix(data, links),
        "values": _values(data, links),
        "patterns": _patterns(data, links),
        "flags": _flags(data, links, visible),
        "signals": _signals(data, links),
        "outcomes": _outcomes(data, links),
        "follow_up": _follow_up(data, links, visible, digest.end),
        "examples": _examples(data),
    }


# Asking for a build -----------------------------------------------------------------------


class BuildForm(forms.Form):
    scope = forms.ChoiceField(
        label=gettext_lazy("Digest of"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "You cannot ask for the digest of that team: choose one of your own teams."
            )
        },
    )
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("Up to and including"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisation: bool, teams, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [(ORGANISATION, _("The whole organisation"))] if organisation else []
        choices += [(str(team.pk), team.name) for team in teams]
        self.fields["scope"].choices = choices
        if not self.is_bound:
            start, end = last_week()
            self.initial.setdefault("start", start)
            self.initial.setdefault("end", end)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date lies before the start date."))
            elif (end - start).days + 1 > MAX_PERIOD_DAYS:
                self.add_error(
                    "end",
                    _("A digest covers at most %(days)d days: choose a shorter period.")
                    % {"days": MAX_PERIOD_DAYS},
                )
        return cleaned

    @property
    def team_id(self) -> int | None:
        scope = self.cleaned_data["scope"]
        return None if scope == ORGANISATION else int(scope)


def _build_form(user, data=None, **kwargs) -> BuildForm | None:
    organisation, teams = scopes_buildable_by(user)
    teams = list(teams)
    if not organisation and not teams:
        return None
    return BuildForm(data, organisation=organisation, teams=teams, **kwargs)


# Views ------------------------------------------------------------------------------------


def _dashboard(request: HttpRequest, form: BuildForm | None, status: int = 200) -> HttpResponse:
    digests = Digest.objects.visible_to(request.user).latest_per_scope()
    return render(
        request,
        "digests/dashboard.html",
        {
            "digests": [(digest, headline(digest.data)) for digest in digests],
            "build_form": form,
        },
        status=status,
    )


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not Membership.objects.filter(user=request.user).exists():
        raise PermissionDenied
    return _dashboard(request, _build_form(request.user))


@require_POST
@login_required
def request_build(request: HttpRequest) -> HttpResponse:
    form = _build_form(request.user, request.POST)
    if form is None:
        raise PermissionDenied
    if not form.is_valid():
        return _dashboard(request, form, status=422)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    build_digest_task.delay(form.team_id, start.isoformat(), end.isoformat(), request.user.pk)
    messages.success(request, _("The digest is being built; refresh in a moment."))
    return redirect("digests:dashboard")


def get_digest_for(user, pk: int) -> Digest:
    """The digest, if this person may read it; 404 otherwise."""
    return get_object_or_404(
        Digest.objects.visible_to(user).select_related("team", "requested_by"), pk=pk
    )


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    digest = get_digest_for(request.user, pk)
    versions = (
        Digest.objects.visible_to(request.user)
        .filter(team_id=digest.team_id, start=digest.start, end=digest.end)
        .exclude(pk=digest.pk)
        .defer("data")
        .order_by("-version")
    )
    form = _build_form(
        request.user,
        initial={
            "scope": str(digest.team_id) if digest.team_id else ORGANISATION,
            "start": digest.start,
            "end": digest.end,
        },
    )
    may_rebuild = form is not None and form.initial["scope"] in dict(form.fields["scope"].choices)
    return render(
        request,
        "digests/detail.html",
        {
            "digest": digest,
            "figures": digest_figures(digest, _visible_case_ids(request.user, digest.data)),
            "versions": list(versions),
            "rebuild_form": form if may_rebuild else None,
        },
    )


# CSV export -------------------------------------------------------------------------------


def _csv_counts(data: dict) -> tuple[list, list]:
    counts = data["counts"]
    return [_("Figure"), _("Value")], [
        [_("Cases submitted"), counts["submitted"]],
        [_("Cases decided"), counts["decided"]],
        [_("Cases open"), counts["open"]],
        [_("Median days to a decision"), counts["days_to_decision_median"]],
        [_("90th percentile of days to a decision"), counts["days_to_decision_p90"]],
    ]


def _csv_rules(data: dict) -> tuple[list, list]:
    return [_("Rule"), _("Cases"), _("Previous period"), _("Change")], [
        [_rule_label(row["label"]), row["cases"], row["previous"], row["change"]]
        for row in data["rules"]
    ]


def _csv_barriers(data: dict) -> tuple[list, list]:
    barriers = data["barriers"]
    rows = [
        [
            row["name"],
            _label(Barrier.Kind, row["kind"]),
            _label(Barrier.Corner, row["corner"]),
            row["cases"],
        ]
        for row in barriers["rows"]
    ]
    if barriers["without_barrier"]:
        rows.append([_("No barrier given"), "", "", barriers["without_barrier"]])
    return [_("Barrier"), _("Internal or external"), _("Corner"), _("Cases")], rows


def _csv_corners(data: dict) -> tuple[list, list]:
    barriers = data["barriers"]
    kinds = [
        [_("Internal or external"), _label(Barrier.Kind, k), n]
        for k, n in _ordered(barriers["kinds"], Barrier.Kind)
    ]
    corners = [
        [_("Corner of the strategic triangle"), _label(Barrier.Corner, c), n]
        for c, n in _ordered(barriers["corners"], Barrier.Corner)
    ]
    return [_("Grouped by"), _("Group"), _("Cases")], kinds + corners


def _csv_decision_mix(data: dict) -> tuple[list, list]:
    return [_("Decision"), _("Decisions")], [
        [_label(DecisionKind, kind), count]
        for kind, count in _ordered(data["decision_mix"], DecisionKind)
    ]


def _csv_values(data: dict) -> tuple[list, list]:
    return [_("Public value"), _("Decisions")], [
        [row["name"], row["count"]] for row in data["values"]
    ]


def _csv_patterns(data: dict) -> tuple[list, list]:
    return [_("Rule"), _("Cases"), _("Words"), _("Case numbers")], [
        [
            _rule_label(row["rule"]),
            row["size"],
            " ".join(row["words"]),
            " ".join(str(pk) for pk in row["case_ids"]),
        ]
        for row in data["patterns"]
    ]


def _csv_flags(data: dict) -> tuple[list, list]:
    header = [_("Similarity")]
    for side in (_("Case A"), _("Case B")):
        header += [
            side,
            _("%(case)s: decision") % {"case": side},
            _("%(case)s: rationale") % {"case": side},
            _("%(case)s: why it differs") % {"case": side},
        ]
    rows = []
    for flag in data["consistency_flags"]:
        row = [flag["similarity"]]
        for side in (flag["a"], flag["b"]):
            row += [
                side["reference"],
                _label(DecisionKind, side["kind"]),
                side["rationale"],
                side["difference"],
            ]
        rows.append(row)
    return header, rows


def _csv_signals(data: dict) -> tuple[list, list]:
    return [_("Rule"), _("Decisions"), _("State"), _("Age in days"), _("Case numbers")], [
        [
            _rule_label(row["rule"]),
            row["count"],
            _label(Signal.State, row["state"]),
            row["age_days"],
            " ".join(str(pk) for pk in row["case_ids"]),
        ]
        for row in data["signals"]
    ]


def _csv_outcomes(data: dict) -> tuple[list, list]:
    served = [_label(Outcome.Served, s) for s in SERVED]
    header = [_("Decision"), *served, _("Evaluated")]
    header += [_("Share %(served)s") % {"served": label} for label in served]
    return header, [
        [
            _label(DecisionKind, kind),
            *(counts[s] for s in SERVED),
            counts["total"],
            *(counts[f"share_{s}"] for s in SERVED),
        ]
        for kind, counts in _ordered(data["outcomes"], DecisionKind)
    ]


def _csv_follow_up(data: dict) -> tuple[list, list]:
    follow_up = data["follow_up"]
    rows = [
        [
            _("Actions overdue"),
            follow_up["actions_overdue"],
            " ".join(str(pk) for pk in follow_up["actions_overdue_case_ids"]),
        ],
        [_("Outcomes not yet evaluated"), follow_up["outcomes_pending"], ""],
        [
            _("Escalations open"),
            follow_up["escalations_open"],
            " ".join(str(e["case_id"]) for e in follow_up["escalations"]),
        ],
    ]
    rows += [
        [_("Escalation open, days"), e["age_days"], str(e["case_id"])]
        for e in follow_up["escalations"]
    ]
    return [_("Figure"), _("Value"), _("Case numbers")], rows


def _csv_examples(data: dict) -> tuple[list, list]:
    return [_("Title")], [[row["title"]] for row in data["examples"]]


CSV_TABLES: dict[str, Callable[[dict], tuple[list, list]]] = {
    "counts": _csv_counts,
    "rules": _csv_rules,
    "barriers": _csv_barriers,
    "corners": _csv_corners,
    "decision_mix": _csv_decision_mix,
    "values": _csv_values,
    "patterns": _csv_patterns,
    "flags": _csv_flags,
    "signals": _csv_signals,
    "outcomes": _csv_outcomes,
    "follow_up": _csv_follow_up,
    "examples": _csv_examples,
}


def _cell(value):
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{value}"
    return value


@require_GET
@login_required
def export_csv(request: HttpRequest, pk: int, table: str) -> HttpResponse:
    if table not in CSV_TABLES:
        raise Http404
    digest = get_digest_for(request.user, pk)
    header, rows = CSV_TABLES[table](digest.data)
    scope = (slugify(digest.team.name) or "team") if digest.team_id else ORGANISATION
    filename = f"digest-{scope}-{digest.start}-{digest.end}-v{digest.version}-{table}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # a byte-order mark, so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(cell) for cell in header])
    for row in rows:
        writer.writerow([_cell(cell) for cell in row])
    return response
