"""What the consultation holds about a case, anonymised with it (see `cases.retention`):
decisions' texts, actions, agenda-item notes, outcomes, escalation questions, and the minutes of
a meeting once every case on its agenda is anonymised."""

from __future__ import annotations

from cases.models import Case, CaseEvent
from cases.retention import blank_out

from .models import Action, AgendaItem, Decision, Escalation, Meeting, Outcome

DECISION_TEXT = (
    "rationale",
    "values_weighing",
    "refer_to",
    "difference",
    "supersede_reason",
    "legal_ground_text",
)


def anonymise(case_ids: list[int], *, dry_run: bool) -> dict[str, int]:
    kept = Case.objects.exclude(pk__in=case_ids).exclude(
        pk__in=CaseEvent.objects.filter(kind=CaseEvent.Kind.ANONYMISED).values("case_id")
    )
    # Minutes are about every case on the agenda: anonymised with the last of them.
    meetings = Meeting.objects.filter(items__case__in=case_ids).exclude(items__case__in=kept)
    return {
        "deliberations.decision": blank_out(
            Decision.objects.filter(case__in=case_ids), DECISION_TEXT, dry_run=dry_run
        ),
        "deliberations.action": blank_out(
            Action.objects.filter(case__in=case_ids), ["description"], dry_run=dry_run
        ),
        "deliberations.agendaitem": blank_out(
            AgendaItem.objects.filter(case__in=case_ids), ["notes"], dry_run=dry_run
        ),
        "deliberations.outcome": blank_out(
            Outcome.objects.filter(case__in=case_ids), ["note"], dry_run=dry_run
        ),
        "deliberations.escalation": blank_out(
            Escalation.objects.filter(case__in=case_ids), ["question"], dry_run=dry_run
        ),
        "deliberations.meeting": blank_out(
            Meeting.objects.filter(pk__in=meetings.values("pk")), ["minutes"], dry_run=dry_run
        ),
    }
