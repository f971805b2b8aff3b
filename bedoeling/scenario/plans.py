"""The words a scenario is written in: plain, frozen data, every moment relative to "today".

A scenario says who works in which team, which cases they bring and when, which case
consultations each team holds and what is decided there, what follows (a director's answer, a
correction, actions done, the outcome), and what the organisation does with it (signals taken
up, good examples published). It never says how: `bedoeling.scenario.builder` turns it into rows
by calling the services, with the clock set to each moment of the story.

Days are counted back from the day the scenario is built, and meetings fall in a team's weekly
slot, so the same scenario tells a consistent story whatever the day it is built on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cases.models import CaseStatus

DRAFT = CaseStatus.DRAFT
SUBMITTED = CaseStatus.SUBMITTED
WITHDRAWN = CaseStatus.WITHDRAWN


# ---------------------------------------------------------------------------- who


@dataclass(frozen=True)
class TeamSpec:
    name: str
    purpose: str


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str
    last_name: str
    memberships: tuple[tuple[str, str], ...] = ()  # (team name, role)
    is_superuser: bool = False


# ---------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class CasePlan:
    team: str
    author: str
    title: str
    situation: str
    effect: str
    conflict: str
    question: str
    values: tuple[str, ...]
    barrier: str
    days_ago: int  # created this many days before today
    rule: tuple[str, str] | None = None  # (regulation short_name, rule reference)
    proposed_rule: str = ""
    status: str = SUBMITTED
    # Days after creation the author submitted it; None: never submitted (a withdrawn draft).
    submit_after: int | None = 1
    withdraw_after: int = 0  # days after creation the case was withdrawn
    withdraw_reason: str = ""
    harm_after: int | None = None  # harm starts this many days after creation


# ---------------------------------------------------------------------------- consultations


@dataclass(frozen=True)
class ActionPlan:
    description: str
    owner: str = "author"  # "author", "lead" or the username of a team member
    due: int = 14  # due this many days after the meeting
    done: int | None = None  # marked done this many days after the meeting; None: still open


@dataclass(frozen=True)
class DecisionPlan:
    kind: str
    rationale: str
    values: tuple[str, ...] = ()
    weighing: str = ""
    backing: bool = True
    rule_chafes: bool = False
    refer_to: str = ""
    evaluate: int = 56  # evaluate the outcome this many days after the meeting
    actions: tuple[ActionPlan, ...] = ()
    question: str = ""  # for an escalation, to the team's director
    # Equal treatment: the earlier case on the same rule that was decided the other way, and why
    # this one differs. Used when the decision form would ask for it (the most similar earlier
    # decision points the other way) or, with `compare_with`, to name the comparison explicitly.
    compare_with: str = ""
    difference: str = ""
    # For a deviation or room within the rules: the legal ground's name (deliberations 0008);
    # by default "hardheidsclausule" for a deviation, "beleidsruimte" for room within the rules.
    legal_ground: str = ""


@dataclass(frozen=True)
class OutcomePlan:
    served: str
    note: str
    after: int  # recorded by the case's author this many days after the meeting


@dataclass(frozen=True)
class ItemPlan:
    title: str  # how the case's title starts
    decision: DecisionPlan
    # The director's answer when the decision escalates.
    answer: DecisionPlan | None = None
    answer_after: int = 7
    # A correction after the meeting: a new decision that supersedes this one.
    correction: DecisionPlan | None = None
    correction_reason: str = ""
    correction_after: int = 5
    outcome: OutcomePlan | None = None


@dataclass(frozen=True)
class MeetingPlan:
    weeks_ago: int  # held in the team's weekly slot of the week starting this many weeks ago
    items: tuple[ItemPlan, ...]


@dataclass(frozen=True)
class TeamPlan:
    team: str
    weekday: int  # the weekly slot: 0 is Monday
    time: dt.time
    location: str
    meetings: tuple[MeetingPlan, ...]
    coming: tuple[str, ...]  # the agenda of the meeting in the coming week (title starts)


# ---------------------------------------------------------------------------- the organisation


@dataclass(frozen=True)
class SignalMove:
    """A director moves the signal on a rule that decisions flagged as chafing."""

    rule: tuple[str, str]  # (regulation short_name, rule reference)
    by: str  # username of a director
    to_state: str
    days_ago: int
    taken_up_with: str = ""
    reason: str = ""


@dataclass(frozen=True)
class StoryPlan:
    """A team lead tells a decided case as a good example for the whole organisation."""

    team: str
    case: str  # how the case's title starts
    author: str
    title: str
    text: str
    lesson: str
    days_ago: int


@dataclass(frozen=True)
class ThreadPlan:
    """A lead or director confirms and names the machine's proposal that holds `case`."""

    team: str
    case: str  # the title of a case the proposal holds
    by: str
    name: str
    description: str = ""
    # (team, title) of cases the person then links to it ("this looks like rode draad X").
    link: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Scenario:
    organisation: str
    purpose: str
    teams: tuple[TeamSpec, ...]
    people: tuple[Person, ...]
    password: str  # every account's password: a scenario is for demos and tests only
    email_domain: str
    cases: tuple[CasePlan, ...] = ()
    consultations: tuple[TeamPlan, ...] = ()
    signals: tuple[SignalMove, ...] = ()
    stories: tuple[StoryPlan, ...] = ()
    threads: tuple[ThreadPlan, ...] = ()  # proposed, then named, before the digests are built
    digests: bool = True  # last week's and a half-year digest, per team and organisation-wide


# ---------------------------------------------------------------------------- the calendar


def meeting_day(today: dt.date, weeks_ago: int, weekday: int) -> dt.date:
    """The team's weekly slot in the week that starts `weeks_ago` weeks before today."""
    start = today - dt.timedelta(weeks=weeks_ago)
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def coming_day(today: dt.date, weekday: int) -> dt.date:
    """The team's next weekly slot after today: one to seven days ahead."""
    return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def working_day(day: dt.date) -> dt.date:
    """The day itself, or the Monday after when it falls in a weekend."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def plan_day(day: dt.date) -> dt.date:
    """When the lead builds the agenda: two days before the meeting, or the Friday before."""
    day -= dt.timedelta(days=2)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def previous_working_day(day: dt.date) -> dt.date:
    """The working day before `day`."""
    day -= dt.timedelta(days=1)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day
