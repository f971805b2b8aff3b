"""Good examples are anonymised with their case (see `cases.retention`). Signals stay as they
are: they are about a rule, and their reasons and notes about the rule's policy."""

from __future__ import annotations

from cases.retention import blank_out

from .models import Story


def anonymise(case_ids: list[int], *, dry_run: bool) -> dict[str, int]:
    return {
        "digests.story": blank_out(
            Story.objects.filter(case__in=case_ids), ["title", "text", "lesson"], dry_run=dry_run
        ),
    }
