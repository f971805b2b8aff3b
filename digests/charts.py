"""Server-rendered SVG charts for the digest page: no JavaScript, no chart library, no CDN.

Each chart is an image with a title and a text alternative (`<title>` and `<desc>`, named by
`aria-labelledby`) and is followed on the page by a table with the same figures; that table,
not the chart, carries the links to the cases (an image may not contain links). The page's
Content-Security-Policy forbids style attributes, so the markup uses SVG presentation
attributes (`fill`, `width`) only. Every label is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL_WIDTH = 250
VALUE_WIDTH = 70
BAR_HEIGHT = 20
ROW_HEIGHT = 30
TOP = 8
MAX_LABEL = 30
BAR_COLOUR = "#154273"  # the house blue: 10.6:1 on white
TEXT_COLOUR = "#1a1a1a"

# yes / partly / no: each at least 3:1 against white and against each other's neighbours.
SERVED_COLOURS = ("#1e6b36", "#8a5300", "#b00020")


def _short(label: str) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "\u2026"


def _number(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return number_format(value, decimal_pos=1)
    return number_format(int(value))


def _svg(chart_id: str, title: str, description: str, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="bd-chart" role="img" '
        'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'focusable="false"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=WIDTH,
        h=height,
        title=title,
        desc=description,
        body=body,
    )


def describe(rows: Sequence[tuple[str, float]], summary: str = "") -> str:
    """The text alternative: the summary, then every bar as "label: value"."""
    parts = "; ".join(f"{' '.join(str(label).split())}: {_number(value)}" for label, value in rows)
    return f"{summary} {parts}.".strip() if parts else summary


def bar_chart(
    rows: Sequence[tuple[str, float]], *, chart_id: str, title: str, summary: str = ""
) -> SafeString:
    """Horizontal bars, one per (label, value) row, largest scale = largest value."""
    rows = list(rows)
    largest = max((value for _, value in rows), default=0) or 1
    bar_room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = []
    for index, (label, value) in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        width = round(bar_room * value / largest, 1) if value > 0 else 0
        parts.append(
            format_html(
                '<g><text x="{lx}" y="{ty}" text-anchor="end" font-size="14" fill="{ink}">'
                "{label}</text>"
                '<rect x="{bx}" y="{y}" width="{w}" height="{bh}" fill="{colour}"></rect>'
                '<text x="{vx}" y="{ty}" font-size="14" fill="{ink}">{value}</text></g>',
                lx=LABEL_WIDTH - 8,
                ty=y + BAR_HEIGHT - 5,
                ink=TEXT_COLOUR,
                label=_short(label),
                bx=LABEL_WIDTH,
                y=y,
                w=width,
                bh=BAR_HEIGHT,
                colour=BAR_COLOUR,
                vx=LABEL_WIDTH + width + 6,
                value=_number(value),
            )
        )
    height = TOP * 2 + max(len(rows), 1) * ROW_HEIGHT
    return _svg(chart_id, title, describe(rows, summary), height, mark_safe("".join(parts)))  # noqa: S308 - every part went through format_html


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[float]]],
    *,
    segments: Sequence[str],
    chart_id: str,
    title: str,
    summary: str = "",
    colours: Sequence[str] = SERVED_COLOURS,
) -> SafeString:
    """One 100% bar per row, split into shares (0-1) in the order of `segments`, with a legend."""
    rows = list(rows)
    bar_room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    legend = format_html_join(
        "",
        '<g><rect x="{}" y="{}" width="14" height="14" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="14" fill="{}">{}</text></g>',
        (
            (
                LABEL_WIDTH + index * 110,
                TOP,
                colours[index],
                LABEL_WIDTH + index * 110 + 20,
                TOP + 12,
                TEXT_COLOUR,
                segment,
            )
            for index, segment in enumerate(segments)
        ),
    )
    parts = [legend]
    for index, (label, shares) in enumerate(rows):
        y = TOP + (index + 1) * ROW_HEIGHT
        x = float(LABEL_WIDTH)
        bars = []
        for share, colour in zip(shares, colours, strict=False):
            width = round(bar_room * max(0.0, min(1.0, share)), 1)
            if width:
                bars.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                        round(x, 1),
                        y,
                        width,
                        BAR_HEIGHT,
                        colour,
                    )
                )
            x += width
        parts.append(
            format_html(
                '<g><text x="{lx}" y="{ty}" text-anchor="end" font-size="14" fill="{ink}">'
                "{label}</text>{bars}</g>",
                lx=LABEL_WIDTH - 8,
                ty=y + BAR_HEIGHT - 5,
                ink=TEXT_COLOUR,
                label=_short(label),
                bars=mark_safe("".join(bars)),  # noqa: S308 - built with format_html
            )
        )
    described = "; ".join(
        "{}: {}".format(
            " ".join(str(label).split()),
            ", ".join(
                f"{segment} {round(share * 100)}%"
                for segment, share in zip(segments, shares, strict=False)
            ),
        )
        for label, shares in rows
    )
    description = f"{summary} {described}.".strip() if described else summary
    height = TOP * 2 + (len(rows) + 1) * ROW_HEIGHT
    return _svg(chart_id, title, description, height, mark_safe("".join(parts)))  # noqa: S308 - built with format_html
