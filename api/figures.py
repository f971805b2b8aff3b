"""A rule's register figures within a token's teams: its cases per month and its decision mix.

Built from the same definitions as the digests (`digests.figures`): cases are counted by the
month of their submission, decisions are the current ones (not corrected later).
"""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from cases.models import Case
from deliberations.models import Decision, DecisionKind
from digests import figures


def rule_figures(rule, teams) -> dict:
    cases = Case.objects.visible_to_scope(teams).filter(rule=rule)
    months = (
        figures.submitted(cases)
        .filter(submitted_at__isnull=False)
        .annotate(month=TruncMonth("submitted_at", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    decisions = Decision.objects.visible_to_scope(teams).filter(case__rule=rule).current()
    mix = dict(decisions.values_list("kind").annotate(n=Count("pk")).order_by())
    return {
        "cases": cases.count(),
        "cases_per_month": [
            {"month": row["month"].strftime("%Y-%m"), "cases": row["n"]} for row in months
        ],
        "decision_mix": {kind: mix.get(kind, 0) for kind in DecisionKind.values},
    }
