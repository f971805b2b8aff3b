"""One spec per digest table: its columns (a header, the cell's value, an optional link) render
the table on the page, feed its chart and write its CSV (`digests/exports.py`).

A spec's rows come from the stored figures and, for what they say about single cases, from the
reader's lookups (`digests.reading`). The same row gives the page its cells, numbers that link
to the cases behind them, and the CSV its plain values, so page and file cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Barrier
from deliberations.models import DecisionKind, LegalGround, Outcome

from . import charts
from .models import Signal
from .reading import DigestReading, label_of, url_or_empty

CHART_ROWS = 15
SERVED = ("yes", "partly", "no")


def _display(value) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, float) and not value.is_integer():
        return number_format(value, decimal_pos=1)
    if isinstance(value, float):
        return number_format(int(value))
    return number_format(value)


@dataclass(frozen=True)
class Cell:
    """One cell on the page. A number links to its cases when there are any."""

    value: Any
    href: str = ""
    numeric: bool = False
    row_header: bool = False
    text: str | None = None  # shown instead of the value
    note: str = ""  # shown after it, muted

    def __html__(self) -> SafeString:
        if self.text is not None:
            text = self.text
        else:
            text = _display(self.value) if self.numeric else str(self.value)
        if self.href and (self.value or not self.numeric):
            shown = format_html('<a href="{}">{}</a>', self.href, text)
        else:
            shown = escape(text)
        if self.note:
            return format_html('{} <span class="bd-muted">{}</span>', shown, self.note)
        return shown

    # The template engine turns a value into text with str() before escaping it.
    __str__ = __html__


@dataclass(frozen=True)
class Column:
    key: str
    # Text, or a function of the reading for a header that names the digest's dates.
    header: Any
    value: Callable[[Any], Any] | None = None  # of the row; the row's `key` by default
    link: Callable[[DigestReading, Any], str] | None = None
    shown: Callable[[Any], str] | None = None  # the value as the page shows it
    note: Callable[[Any], str] | None = None  # after the value on the page, from the row
    csv: Callable[[Any], Any] | None = None  # the value as the CSV writes it
    csv_header: Any = None
    numeric: bool = False
    row_header: bool = False
    on_page: bool = True
    in_csv: bool = True

    def title(self, reading: DigestReading, *, csv: bool = False) -> str:
        header = self.csv_header if csv and self.csv_header is not None else self.header
        return str(header(reading) if callable(header) else header)

    def of(self, row) -> Any:
        return self.value(row) if self.value else row[self.key]


class Row:
    """A row on the page: its cells in column order, each also found by its column's key; the
    values of every column (also those only the CSV writes), for the chart."""

    def __init__(self, data, values: dict[str, Any], cells: dict[str, Cell]) -> None:
        self.data = data
        self.values = values
        self.cells = cells

    def __getitem__(self, key: str) -> Cell:
        return self.cells[key]

    def __iter__(self):
        return iter(self.cells.values())


@dataclass(frozen=True)
class Header:
    text: str
    numeric: bool


@dataclass
class Table:
    """A spec read for one person: what the page shows."""

    name: str
    caption: str
    headers: list[Header]
    rows: list[Row]
    chart: SafeString | None = None


@dataclass(frozen=True)
class Bars:
    """A bar chart of one column against another, the largest CHART_ROWS bars, no zeros; or
    every row (`every_row`)."""

    chart_id: str
    title: Any
    summary: Any
    label: str | Callable[[dict], str]
    value: str
    skip: Callable[[dict], bool] | None = None
    every_row: bool = False

    def __call__(self, rows: list[Row]) -> SafeString | None:
        label = self.label if callable(self.label) else (lambda values: values[self.label])
        bars = [
            (str(label(row.values)), row.values[self.value] or 0)
            for row in rows
            if not (self.skip and self.skip(row.data))
        ]
        summary = str(self.summary)
        if not self.every_row:
            bars = [bar for bar in bars if bar[1]]
            if not bars:
                return None
            if len(bars) > CHART_ROWS:
                summary = _("%(summary)s The %(shown)d largest of %(total)d.") % {
                    "summary": summary,
                    "shown": CHART_ROWS,
                    "total": len(bars),
                }
                bars = bars[:CHART_ROWS]
        return charts.bar_chart(
            bars, chart_id=self.chart_id, title=str(self.title), summary=summary
        )


@dataclass(frozen=True)
class TableSpec:
    name: str
    caption: Any
    columns: tuple[Column, ...]
    rows: Callable[[DigestReading], Sequence]
    chart: Callable[[list[Row]], SafeString | None] | None = None
    # Rows the CSV writes but the page does not show (a figure's details).
    on_page: Callable[[Any], bool] = field(default=lambda row: True)

    def read(self, reading: DigestReading) -> Table:
        columns = [column for column in self.columns if column.on_page]
        rows = [self._row(reading, row, columns) for row in self.rows(reading) if self.on_page(row)]
        return Table(
            name=self.name,
            caption=str(self.caption),
            headers=[Header(column.title(reading), column.numeric) for column in columns],
            rows=rows,
            chart=self.chart(rows) if self.chart else None,
        )

    def _row(self, reading: DigestReading, row, columns: list[Column]) -> Row:
        values = {column.key: column.of(row) for column in self.columns}
        cells = {}
        for column in columns:
            value = values[column.key]
            cells[column.key] = Cell(
                value,
                href=column.link(reading, row) if column.link else "",
                numeric=column.numeric,
                row_header=column.row_header,
                text=column.shown(value) if column.shown else None,
                note=column.note(row) if column.note else "",
            )
        return Row(row, values, cells)

    def csv(self, reading: DigestReading) -> tuple[list[str], list[list]]:
        columns = [column for column in self.columns if column.in_csv]
        header = [column.title(reading, csv=True) for column in columns]
        rows = []
        for row in self.rows(reading):
            cells = []
            for column in columns:
                value = column.of(row)
                cells.append(column.csv(value) if column.csv else value)
            rows.append(cells)
        return header, rows


@dataclass(frozen=True)
class Stacked:
    """One CSV of several tables with the same columns, each row preceded by its table's name."""

    name: str
    header: tuple
    parts: tuple[tuple[Any, TableSpec], ...]

    def csv(self, reading: DigestReading) -> tuple[list[str], list[list]]:
        rows = [[str(group), *row] for group, spec in self.parts for row in spec.csv(reading)[1]]
        return [str(text) for text in self.header], rows


# Helpers shared by the specs ------------------------------------------------------------------


def _ordered(mapping: dict, choices) -> list[tuple]:
    """A figure keyed by choice, in the choices' order (PostgreSQL's jsonb keeps no key order)."""
    known = [key for key in choices.values if key in mapping]
    return [(key, mapping[key]) for key in [*known, *sorted(set(mapping) - set(known))]]


def rule_label(label: str) -> str:
    return label or _("Rule not in the list")


def _case_numbers(case_ids) -> str:
    return " ".join(str(pk) for pk in case_ids)


def _signed(value: int) -> str:
    return f"+{_display(value)}" if value > 0 else _display(value)


def _href(reading: DigestReading, row: dict) -> str:
    return row.get("href", "")


_FIGURE = Column("label", gettext_lazy("Figure"), row_header=True)
_CASE_NUMBERS = Column(
    "case_numbers",
    gettext_lazy("Case numbers"),
    value=lambda row: _case_numbers(row["case_ids"]),
    on_page=False,
)


# The tables -----------------------------------------------------------------------------------


def _counts(reading: DigestReading) -> list[dict]:
    counts, links = reading.data["counts"], reading.links
    return [
        {"label": _("Cases submitted"), "value": counts["submitted"], "href": links.submitted()},
        {"label": _("Cases decided"), "value": counts["decided"], "href": links.decided()},
        {"label": _("Cases open"), "value": counts["open"], "href": links.open()},
        {
            "label": _("Median days to a decision"),
            "value": counts["days_to_decision_median"],
            "href": links.decided(),
            "days": True,
        },
        {
            "label": _("90th percentile of days to a decision"),
            "value": counts["days_to_decision_p90"],
            "href": links.decided(),
            "days": True,
        },
    ]


COUNTS = TableSpec(
    "counts",
    gettext_lazy("Cases in this period"),
    (_FIGURE, Column("value", gettext_lazy("Value"), link=_href, numeric=True)),
    rows=_counts,
    chart=Bars(
        "chart-counts",
        gettext_lazy("Cases submitted, decided and open"),
        gettext_lazy("Number of cases."),
        label="label",
        value="value",
        skip=lambda row: row.get("days"),
        every_row=True,
    ),
)


def _previous_header(reading: DigestReading) -> str:
    start, end = reading.links.previous_period
    return _("Previous period (%(start)s – %(end)s)") % {
        "start": date_format(start, "j F"),
        "end": date_format(end, "j F Y"),
    }


def _rule_key(row: dict):
    return row["rule_id"] or "none"


RULES = TableSpec(
    "rules",
    gettext_lazy("Cases per rule, against the previous period of the same length"),
    (
        Column(
            "rule",
            gettext_lazy("Rule"),
            value=lambda row: rule_label(row["label"]),
            row_header=True,
        ),
        Column(
            "cases",
            gettext_lazy("Cases"),
            link=lambda reading, row: reading.links.submitted(rule=_rule_key(row)),
            numeric=True,
        ),
        Column(
            "previous",
            _previous_header,
            csv_header=gettext_lazy("Previous period"),
            link=lambda reading, row: reading.links.submitted_before(rule=_rule_key(row)),
            numeric=True,
        ),
        Column("change", gettext_lazy("Change"), shown=_signed, numeric=True),
    ),
    rows=lambda reading: reading.data["rules"],
    chart=Bars(
        "chart-rules",
        gettext_lazy("The rules that chafe most"),
        gettext_lazy("Cases per rule."),
        label="rule",
        value="cases",
    ),
)


def _barriers(reading: DigestReading) -> list[dict]:
    barriers = reading.data["barriers"]
    rows = list(barriers["rows"])
    if barriers["without_barrier"]:
        rows.append(
            {
                "barrier_id": None,
                "name": _("No barrier given"),
                "kind": "",
                "corner": "",
                "cases": barriers["without_barrier"],
            }
        )
    return rows


BARRIERS = TableSpec(
    "barriers",
    gettext_lazy("Cases per barrier"),
    (
        Column("name", gettext_lazy("Barrier"), row_header=True),
        Column(
            "kind",
            gettext_lazy("Internal or external"),
            value=lambda row: label_of(Barrier.Kind, row["kind"]) if row["kind"] else "",
        ),
        Column(
            "corner",
            gettext_lazy("Corner of the strategic triangle"),
            csv_header=gettext_lazy("Corner"),
            value=lambda row: label_of(Barrier.Corner, row["corner"]) if row["corner"] else "",
        ),
        Column(
            "cases",
            gettext_lazy("Cases"),
            link=lambda reading, row: reading.links.submitted(barrier=row["barrier_id"] or "none"),
            numeric=True,
        ),
    ),
    rows=_barriers,
    chart=Bars(
        "chart-barriers",
        gettext_lazy("Barriers"),
        gettext_lazy("Cases per barrier."),
        label="name",
        value="cases",
        skip=lambda row: row["barrier_id"] is None,  # not a barrier: none was given
    ),
)


def _grouped(name: str, key: str, caption, group_header, link_param: str, chart: Bars):
    """Cases per kind of barrier, or per corner of the strategic triangle."""
    choices = {"kinds": Barrier.Kind, "corners": Barrier.Corner}[key]
    return TableSpec(
        name,
        caption,
        (
            Column(
                "group", group_header, value=lambda row: label_of(choices, row[0]), row_header=True
            ),
            Column(
                "cases",
                gettext_lazy("Cases"),
                value=lambda row: row[1],
                link=lambda reading, row: reading.links.submitted(**{link_param: row[0]}),
                numeric=True,
            ),
        ),
        rows=lambda reading: _ordered(reading.data["barriers"][key], choices),
        chart=chart,
    )


BARRIER_KINDS = _grouped(
    "barrier_kinds",
    "kinds",
    gettext_lazy("Cases per kind of barrier"),
    gettext_lazy("Kind"),
    "barrier_kind",
    Bars(
        "chart-barrier-kinds",
        gettext_lazy("Internal and external barriers"),
        gettext_lazy("Cases per kind of barrier."),
        label="group",
        value="cases",
    ),
)
CORNERS = _grouped(
    "barrier_corners",
    "corners",
    gettext_lazy("Cases per corner of the strategic triangle"),
    gettext_lazy("Corner"),
    "corner",
    Bars(
        "chart-corners",
        gettext_lazy("Barriers per corner of the strategic triangle"),
        gettext_lazy("Cases per corner."),
        label="group",
        value="cases",
    ),
)
# One file for both: the strategic triangle's section of the page.
CORNERS_CSV = Stacked(
    "corners",
    (gettext_lazy("Grouped by"), gettext_lazy("Group"), gettext_lazy("Cases")),
    (
        (gettext_lazy("Internal or external"), BARRIER_KINDS),
        (gettext_lazy("Corner of the strategic triangle"), CORNERS),
    ),
)

DECISION_MIX = TableSpec(
    "decision_mix",
    gettext_lazy("Decisions recorded in this period, per kind"),
    (
        Column(
            "kind",
            gettext_lazy("Decision"),
            value=lambda row: label_of(DecisionKind, row[0]),
            row_header=True,
        ),
        Column(
            "decisions",
            gettext_lazy("Decisions"),
            value=lambda row: row[1],
            link=lambda reading, row: reading.links.decisions(decision=row[0]),
            numeric=True,
        ),
    ),
    rows=lambda reading: _ordered(reading.data["decision_mix"], DecisionKind),
    chart=Bars(
        "chart-decision-mix",
        gettext_lazy("Decision mix"),
        gettext_lazy("Decisions per kind."),
        label="kind",
        value="decisions",
    ),
)

VALUES = TableSpec(
    "values",
    gettext_lazy("Decisions that weighed each public value"),
    (
        Column("name", gettext_lazy("Public value"), row_header=True),
        Column(
            "decisions",
            gettext_lazy("Decisions"),
            value=lambda row: row["count"],
            link=lambda reading, row: reading.links.decisions(value=row["value_id"]),
            numeric=True,
        ),
    ),
    rows=lambda reading: reading.data["values"],
    chart=Bars(
        "chart-values",
        gettext_lazy("Public values weighed"),
        gettext_lazy("Decisions that weighed each value."),
        label="name",
        value="decisions",
    ),
)


def _deviation_grounds(reading: DigestReading) -> list[dict]:
    # Digests written before grounds were counted have no such figure.
    rows = reading.data.get("deviation_grounds") or []
    names = LegalGround.objects.in_bulk([row["ground_id"] for row in rows if row["ground_id"]])
    return [
        {
            **row,
            "ground": (
                str(names[row["ground_id"]])
                if row["ground_id"] in names
                else _("No legal ground named")
            ),
        }
        for row in rows
    ]


DEVIATION_GROUNDS = TableSpec(
    "deviation_grounds",
    gettext_lazy("Deviations and room within the rules, per legal ground"),
    (
        Column("ground", gettext_lazy("Legal ground"), row_header=True),
        Column(
            "decisions",
            gettext_lazy("Decisions"),
            link=lambda reading, row: reading.links.ids(row["case_ids"]),
            numeric=True,
        ),
        _CASE_NUMBERS,
    ),
    rows=_deviation_grounds,
    chart=Bars(
        "chart-deviation-grounds",
        gettext_lazy("Legal grounds for departing from the rule"),
        gettext_lazy("Deviations and room within the rules per legal ground."),
        label="ground",
        value="decisions",
    ),
)


def _patterns(reading: DigestReading) -> list[dict]:
    # The words come from the cases this reader may see, never from the stored digest.
    return [
        {
            **pattern,
            "words": reading.words(pattern),
            "thread": reading.thread(pattern.get("thread_id")),
        }
        for pattern in reading.data["patterns"]
    ]


def _pattern_label(values: dict) -> str:
    return (
        " ".join([f"{values['rule']}:", *values["words"][:2]])
        if values["words"]
        else values["rule"]
    )


PATTERNS = TableSpec(
    "patterns",
    gettext_lazy("Groups of similar cases"),
    (
        Column(
            "rule", gettext_lazy("Rule"), value=lambda row: rule_label(row["rule"]), row_header=True
        ),
        Column(
            "thread",
            gettext_lazy("Rode draad"),
            # An unnamed proposal reads "Proposed thread 7", never an empty link.
            value=lambda row: str(row["thread"]) if row["thread"] else "",
            link=lambda reading, row: row["thread"].get_absolute_url() if row["thread"] else "",
        ),
        Column(
            "words",
            gettext_lazy("Characteristic words"),
            csv_header=gettext_lazy("Words"),
            shown=lambda words: ", ".join(words) or _("Not shown: in cases you may not see"),
            csv=" ".join,
        ),
        Column(
            "size",
            gettext_lazy("Cases"),
            link=lambda reading, row: reading.links.ids(row["case_ids"]),
            numeric=True,
        ),
        _CASE_NUMBERS,
    ),
    rows=_patterns,
    chart=Bars(
        "chart-patterns",
        gettext_lazy("Recurring patterns"),
        gettext_lazy("Cases per group of similar cases."),
        label=_pattern_label,
        value="size",
    ),
)


def _side_columns(letter: str) -> tuple[Column, ...]:
    name = {"a": gettext_lazy("Case A"), "b": gettext_lazy("Case B")}[letter]

    def side(flag):
        return getattr(flag, letter)

    return (
        Column(f"{letter}_case", name, value=lambda flag: side(flag).number),
        Column(
            f"{letter}_decision",
            lambda reading: _("%(case)s: decision") % {"case": name},
            value=lambda flag: side(flag).kind_label,
        ),
        Column(
            f"{letter}_rationale",
            lambda reading: _("%(case)s: rationale") % {"case": name},
            value=lambda flag: side(flag).rationale,
        ),
        Column(
            f"{letter}_difference",
            lambda reading: _("%(case)s: why it differs") % {"case": name},
            value=lambda flag: side(flag).difference,
        ),
    )


# The page shows the flags side by side (`reading.flags`); the CSV one flag a row.
FLAGS = TableSpec(
    "flags",
    gettext_lazy("Consistency flags"),
    (
        Column("similarity", gettext_lazy("Similarity"), value=lambda flag: flag.similarity),
        *_side_columns("a"),
        *_side_columns("b"),
    ),
    rows=lambda reading: reading.flags,
)

SIGNALS = TableSpec(
    "signals",
    gettext_lazy("Rules that decisions flagged as chafing structurally"),
    (
        Column(
            "rule",
            gettext_lazy("Rule"),
            value=lambda row: rule_label(row["rule"]),
            link=lambda reading, row: (
                url_or_empty("digests:signal", row["signal_id"]) if row["signal_id"] else ""
            ),
            row_header=True,
        ),
        Column(
            "count",
            gettext_lazy("Decisions"),
            link=lambda reading, row: reading.links.ids(row["case_ids"]),
            numeric=True,
        ),
        Column(
            "state", gettext_lazy("State"), value=lambda row: label_of(Signal.State, row["state"])
        ),
        Column("age_days", gettext_lazy("Age in days"), numeric=True),
        _CASE_NUMBERS,
    ),
    rows=lambda reading: reading.data["signals"],
    chart=Bars(
        "chart-signals",
        gettext_lazy("Rules signalled for change"),
        gettext_lazy("Decisions that flagged each rule."),
        label="rule",
        value="count",
    ),
)


def _served_columns(served: str) -> tuple[Column, Column]:
    label = Outcome.Served(served).label
    count = Column(
        served,
        label,
        value=lambda row: row[1][served],
        link=lambda reading, row: reading.links.outcomes(outcome=served, outcome_of=row[0]),
        note=lambda row: f"({round(row[1][f'share_{served}'] * 100)}%)",
        numeric=True,
    )
    share = Column(
        f"share_{served}",
        lambda reading: _("Share %(served)s") % {"served": label},
        value=lambda row: row[1][f"share_{served}"],
        on_page=False,
    )
    return count, share


def _outcomes_chart(rows: list[Row]) -> SafeString | None:
    if not rows:
        return None
    return charts.stacked_bars(
        [(row.values["kind"], [row.values[f"share_{s}"] for s in SERVED]) for row in rows],
        segments=[label_of(Outcome.Served, served) for served in SERVED],
        chart_id="chart-outcomes",
        title=_("Did the decisions serve the purpose?"),
        summary=_("Share of evaluated decisions per kind of decision."),
    )


_SERVED = [_served_columns(served) for served in SERVED]
OUTCOMES = TableSpec(
    "outcomes",
    gettext_lazy("Outcomes per kind of decision"),
    (
        Column(
            "kind",
            gettext_lazy("Decision"),
            value=lambda row: label_of(DecisionKind, row[0]),
            row_header=True,
        ),
        *(count for count, _share in _SERVED),
        Column(
            "total",
            gettext_lazy("Evaluated"),
            value=lambda row: row[1]["total"],
            link=lambda reading, row: reading.links.outcomes(outcome_of=row[0]),
            numeric=True,
        ),
        # On the page in the chart and after each count.
        *(share for _count, share in _SERVED),
    ),
    rows=lambda reading: _ordered(reading.data["outcomes"], DecisionKind),
    chart=_outcomes_chart,
)


def _follow_up(reading: DigestReading) -> list[dict]:
    follow_up, links = reading.data["follow_up"], reading.links
    escalations = follow_up["escalations"]
    rows = [
        {
            "label": _("Actions overdue"),
            "value": follow_up["actions_overdue"],
            "href": links.overdue(),
            "case_ids": follow_up["actions_overdue_case_ids"],
        },
        {
            "label": _("Outcomes not yet evaluated"),
            "value": follow_up["outcomes_pending"],
            "href": links.evaluation_pending(),
            "case_ids": [],
        },
        {
            "label": _("Escalations open"),
            "value": follow_up["escalations_open"],
            "href": links.escalated(),
            "case_ids": [row["case_id"] for row in escalations],
        },
    ]
    # In the CSV only: the page lists them in a table of their own (ESCALATIONS).
    rows += [
        {
            "label": _("Escalation open, days"),
            "value": row["age_days"],
            "case_ids": [row["case_id"]],
            "detail": True,
        }
        for row in escalations
    ]
    return rows


FOLLOW_UP = TableSpec(
    "follow_up",
    gettext_lazy("Follow-up at the end of the period"),
    (_FIGURE, Column("value", gettext_lazy("Value"), link=_href, numeric=True), _CASE_NUMBERS),
    rows=_follow_up,
    on_page=lambda row: not row.get("detail"),
    chart=Bars(
        "chart-follow-up",
        gettext_lazy("Follow-up"),
        gettext_lazy("Actions overdue, outcomes not yet evaluated and escalations open."),
        label="label",
        value="value",
    ),
)

ESCALATIONS = TableSpec(
    "escalations",
    gettext_lazy("Escalations waiting for a director's answer"),
    (
        Column(
            "case",
            gettext_lazy("Case"),
            value=lambda row: row["case_id"],
            shown=lambda case_id: _("Case %(number)s") % {"number": case_id},
            link=lambda reading, row: (
                url_or_empty("cases:detail", row["case_id"])
                if reading.may_open(row["case_id"])
                else ""
            ),
            row_header=True,
        ),
        Column("age_days", gettext_lazy("Open for (days)"), numeric=True),
    ),
    rows=lambda reading: reading.data["follow_up"]["escalations"],
)


def _story_link(reading: DigestReading, row: tuple) -> str:
    examples = reading.examples_url
    return f"{examples}#story-{row[0]}" if examples else ""


EXAMPLES = TableSpec(
    "examples",
    gettext_lazy("Good examples"),
    (Column("title", gettext_lazy("Title"), value=lambda row: row[1], link=_story_link),),
    rows=lambda reading: reading.stories,
)

# The CSV files, by the name in their URL, in the order of the page.
EXPORTS: dict[str, TableSpec | Stacked] = {
    spec.name: spec
    for spec in (
        COUNTS,
        RULES,
        BARRIERS,
        CORNERS_CSV,
        DECISION_MIX,
        VALUES,
        DEVIATION_GROUNDS,
        PATTERNS,
        FLAGS,
        SIGNALS,
        OUTCOMES,
        FOLLOW_UP,
        EXAMPLES,
    )
}
TABLES = tuple(EXPORTS)

# The tables on the page (the flags are shown side by side, not as a table).
ON_PAGE = (
    COUNTS,
    RULES,
    BARRIERS,
    BARRIER_KINDS,
    CORNERS,
    DECISION_MIX,
    VALUES,
    DEVIATION_GROUNDS,
    PATTERNS,
    SIGNALS,
    OUTCOMES,
    FOLLOW_UP,
    ESCALATIONS,
    EXAMPLES,
)


def page_tables(reading: DigestReading) -> dict:
    """Every table of the digest page, by name, and the consistency flags."""
    return {spec.name: spec.read(reading) for spec in ON_PAGE} | {"flags": reading.flags}
