"""A stored digest as one person reads it.

A digest is shown to everyone who may read it, a director over some teams reading the
organisation's too, so it stores numbers and ids only (`digests.patterns`). What a page or a
CSV shows about single cases (reference, title, rationale, why a case differs, a pattern's
words, a good example's title) is fetched here, when it is read, through `visible_to`: one query
per kind of thing however many cases the digest names, and only when the page or CSV needs it.
Of a case the reader may not see it shows that there is one, and its team's name; nothing
else. Text that an older digest stored is never read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from cases.models import Case
from cases.similar import TEXT_VALUES, current_index, text_of_row
from deliberations.models import Decision, DecisionKind
from organisations.models import Team

from .models import Digest, Story, Thread
from .patterns import previous_period
from .sql import one_of
from .threads import labels_from


def label_of(choices, value: str) -> str:
    """The label of a choice, or the value itself for one no longer among the choices."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def url_or_empty(name: str, *args) -> str:
    """A link to a page another part of the app may not have mounted (yet)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


class CaseLinks:
    """Links to the search behind a figure, scoped to the digest's team, with the way back."""

    def __init__(self, digest: Digest) -> None:
        base: dict = {"digest": digest.pk}
        if digest.team_id:
            base["team"] = digest.team_id
        # Reversed and encoded once: a large digest has a thousand links.
        self.prefix = f"{reverse('digests:search')}?{urlencode(base)}"
        self.start, self.end = digest.start.isoformat(), digest.end.isoformat()
        self.previous_period = previous_period(digest.start, digest.end)

    def __call__(self, **params) -> str:
        return f"{self.prefix}&{urlencode(params, doseq=True, safe=',')}"

    def ids(self, case_ids) -> str:
        return self(ids=",".join(str(pk) for pk in case_ids)) if case_ids else ""

    def submitted(self, **params) -> str:
        return self(submitted_from=self.start, submitted_to=self.end, **params)

    def submitted_before(self, **params) -> str:
        """Submitted in the previous period of the same length."""
        start, end = (day.isoformat() for day in self.previous_period)
        return self(submitted_from=start, submitted_to=end, **params)

    def decided(self) -> str:
        return self(decided_from=self.start, decided_to=self.end)

    def open(self) -> str:
        return self(open_on=self.end)

    def decisions(self, **params) -> str:
        return self(decision_from=self.start, decision_to=self.end, **params)

    def outcomes(self, **params) -> str:
        return self(outcome_from=self.start, outcome_to=self.end, **params)

    def evaluation_pending(self) -> str:
        return self(evaluation_due=self.end)

    def overdue(self) -> str:
        return self(overdue_on=self.end)

    def escalated(self) -> str:
        return self(escalation_open="on")


@dataclass(frozen=True)
class Side:
    """One case of a consistency flag, as this reader may see it."""

    case_id: int
    visible: bool
    team: str = ""
    kind: str = ""
    reference: str = ""
    title: str = ""
    rationale: str = ""
    difference: str = ""

    @property
    def unseen(self) -> str:
        """What a reader who may not see the case learns of it."""
        if self.team:
            return _("A case of team %(team)s") % {"team": self.team}
        return _("A case you may not see")

    @property
    def name(self) -> str:
        return f"{self.reference} {self.title}" if self.visible else self.unseen

    @property
    def number(self) -> str:
        return self.reference if self.visible else self.unseen

    @property
    def kind_label(self) -> str:
        return label_of(DecisionKind, self.kind) if self.visible else ""

    @property
    def href(self) -> str:
        return reverse("cases:detail", args=[self.case_id]) if self.visible else ""


@dataclass(frozen=True)
class Flag:
    """Two similar cases whose decisions point opposite ways."""

    similarity: float
    a: Side
    b: Side
    both: str  # the search listing both (those of them the reader may see)
    thread: Thread | None = None  # the named thread both cases are in, if the reader may see it
    pattern: int | None = None  # else the digest's group of similar cases both are in

    @property
    def percent(self) -> int:
        return round(self.similarity * 100)


class DigestReading:
    """The digest's figures and, fetched when first needed, what it says about single cases."""

    def __init__(self, digest: Digest, user) -> None:
        self.digest = digest
        self.data = digest.data
        self.user = user
        self.links = CaseLinks(digest)

    def _cases(self):
        return Case.objects.visible_to(self.user)

    # Consistency flags and escalations: cases named one by one. ---------------------------

    @cached_property
    def _flag_sides(self) -> list[dict]:
        return [side for flag in self.data["consistency_flags"] for side in (flag["a"], flag["b"])]

    @cached_property
    def _named_cases(self) -> dict[int, Case]:
        """The cases the page names one by one that this reader may open."""
        ids = {side["case_id"] for side in self._flag_sides}
        ids.update(row["case_id"] for row in self.data["follow_up"]["escalations"])
        if not ids:
            return {}
        cases = self._cases().filter(pk__in=sorted(ids)).only("pk", "created_at", "title")
        return {case.pk: case for case in cases}

    @cached_property
    def flags(self) -> list[Flag]:
        sides = self._flag_sides
        visible = self._named_cases
        decision_ids = sorted(
            {s["decision_id"] for s in sides if s.get("decision_id") and s["case_id"] in visible}
        )
        decisions = {}
        if decision_ids:
            rows = Decision.objects.visible_to(self.user).filter(pk__in=decision_ids)
            decisions = {d.pk: d for d in rows.only("pk", "case_id", "rationale", "difference")}
        team_ids = sorted({s["team_id"] for s in sides if s.get("team_id")})
        teams = dict(Team.objects.filter(pk__in=team_ids).values_list("pk", "name"))

        def side(stored: dict) -> Side:
            case = visible.get(stored["case_id"])
            team = teams.get(stored.get("team_id"), "")
            if case is None:
                return Side(case_id=stored["case_id"], visible=False, team=team)
            decision = decisions.get(stored.get("decision_id"))
            if decision is not None and decision.case_id != case.pk:
                decision = None
            return Side(
                case_id=case.pk,
                visible=True,
                team=team,
                kind=stored["kind"],
                reference=case.reference,
                title=case.title,
                rationale=decision.rationale if decision else "",
                difference=decision.difference if decision else "",
            )

        return [
            Flag(
                similarity=flag["similarity"],
                a=side(flag["a"]),
                b=side(flag["b"]),
                both=self.links.ids([flag["a"]["case_id"], flag["b"]["case_id"]]),
                thread=self.thread(flag.get("thread_id")),
                pattern=flag.get("pattern"),
            )
            for flag in self.data["consistency_flags"]
        ]

    def may_open(self, case_id: int) -> bool:
        return case_id in self._named_cases

    # Patterns and good examples. ---------------------------------------------------------

    @cached_property
    def _pattern_texts(self) -> dict:
        """The texts of the patterns' cases this reader may see (one query)."""
        ids = sorted({pk for pattern in self.data["patterns"] for pk in pattern["case_ids"]})
        if not ids:
            return {}
        rows = one_of(self._cases(), "pk", ids).order_by().values_list(*TEXT_VALUES)
        return {row[0]: text_of_row(row) for row in rows}

    @cached_property
    def _index(self):
        return current_index() if self._pattern_texts else None

    def words(self, pattern: dict) -> list[str]:
        """A pattern's readable words, from the texts of its cases this reader may see (none
        if fewer than two)."""
        texts = self._pattern_texts
        visible = [pk for pk in pattern["case_ids"] if pk in texts]
        return labels_from(self._index, visible, texts)

    @cached_property
    def _threads(self) -> dict[int, Thread]:
        ids = {p.get("thread_id") for p in self.data["patterns"]}
        ids |= {f.get("thread_id") for f in self.data["consistency_flags"]}
        ids.discard(None)
        if not ids:
            return {}
        return Thread.objects.visible_to(self.user).shown().in_bulk(sorted(ids))

    def thread(self, thread_id: int | None) -> Thread | None:
        """The named thread, if this reader may see it."""
        return self._threads.get(thread_id) if thread_id else None

    @cached_property
    def examples_url(self) -> str:
        return url_or_empty("digests:examples")

    @cached_property
    def stories(self) -> list[tuple[int, str]]:
        """(id, title) of the period's good examples, in the digest's order."""
        ids = [row["story_id"] for row in self.data["examples"]]
        if not ids:
            return []
        stories = one_of(Story.objects.visible_to(self.user), "pk", ids)
        titles = dict(stories.order_by().values_list("pk", "title"))
        return [(pk, titles[pk]) for pk in ids if pk in titles]
