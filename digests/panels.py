"""The panel digests add to the case page (see `cases.panels`): the signals the case contributed
to, what happened to them, and the good examples told from it."""

from __future__ import annotations

from django.db.models import Prefetch

from cases.models import Case

from .models import Signal, SignalEvent, Story
from .querysets import may_publish_story


def signals_context(case: Case, user) -> dict:
    """What the case page shows of the signals its case contributed to, their events, and the
    good examples told from it — in a constant number of queries."""
    signals = list(
        Signal.objects.visible_to(user)
        .filter(cases=case)
        .select_related("rule__regulation")
        .prefetch_related(Prefetch("events", queryset=SignalEvent.objects.select_related("actor")))
    )
    return {
        "case_signals": signals,
        "case_stories": list(Story.objects.visible_to(user).filter(case=case)),
        "can_publish_story": may_publish_story(case, user),
    }


def thread_prompt_context(case: Case, user) -> dict:
    """ "This looks like rode draad X — link it?", for leads and directors, when the case is not
    in that thread yet."""
    from .threads import looks_like

    found = looks_like(case, user)
    return {"thread_prompt": found[0] if found else None, "thread_prompt_case": case}
