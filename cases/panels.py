"""Panels on the case page that later apps provide (follow-up, signals, …).

Cases know nothing of meetings or digests: an app that has something to show about a case
registers a panel in its `AppConfig.ready()` — a template and a function that gives its context
for one case and one viewer. The case page renders every registered panel in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[..., dict]  # (case, user) -> dict, in a constant number of queries
    order: int


_panels: dict[str, Panel] = {}


def register(name: str, *, template: str, context: Callable[..., dict], order: int) -> None:
    """Add (or replace) the panel `name` on every case page."""
    _panels[name] = Panel(template=template, context=context, order=order)


def panels_for(case, user) -> tuple[list[str], dict]:
    """The templates to include, in order, and their context merged."""
    ordered = sorted(_panels.values(), key=lambda panel: panel.order)
    context: dict = {}
    for panel in ordered:
        context.update(panel.context(case, user))
    return [panel.template for panel in ordered], context


def panel_for(name: str, case, user) -> tuple[str, dict]:
    """One registered panel (for a page other than the case page, such as the meeting's), or
    ("", {}) when no app registered it."""
    panel = _panels.get(name)
    if panel is None:
        return "", {}
    return panel.template, panel.context(case, user)
