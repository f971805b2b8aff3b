"""The forms of digests: asking for a digest, the search behind its figures, moving a signal
and telling a good example."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.forms import ISO_DATE, SORTS
from cases.guard import PrivacyGuardedForm
from cases.models import Barrier, CaseStatus, PublicValue, Rule
from deliberations.models import DecisionKind, Outcome
from organisations.models import Team
from organisations.validation import sane_date

from . import figures
from .models import Signal
from .querysets import scopes_buildable_by
from .services import TRANSITIONS
from .tasks import last_week

ORGANISATION = "organisation"
MAX_PERIOD_DAYS = 366


# Asking for a digest --------------------------------------------------------------------------


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
        label=gettext_lazy("From"), widget=forms.DateInput(**ISO_DATE), validators=[sane_date]
    )
    end = forms.DateField(
        label=gettext_lazy("Up to and including"),
        widget=forms.DateInput(**ISO_DATE),
        validators=[sane_date],
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

    def offers(self, scope: str) -> bool:
        """Whether this person may ask for the digest of `scope` (a team id or ORGANISATION)."""
        return scope in dict(self.fields["scope"].choices)


def build_form_for(user, data=None, **kwargs) -> BuildForm | None:
    """The form to ask for a digest, or None for someone who may ask for none."""
    organisation, teams = scopes_buildable_by(user)
    teams = list(teams)
    if not organisation and not teams:
        return None
    return BuildForm(data, organisation=organisation, teams=teams, **kwargs)


# The search behind a figure -------------------------------------------------------------------

MAX_IDS = 200
NONE = "none"
# Shown even when empty, so the list can be narrowed further.
ALWAYS_SHOWN = ("team", "rule", "status", "submitted_from", "submitted_to")
RANGE_LABELS = {
    "submitted_from": gettext_lazy("Submitted"),
    "decided_from": gettext_lazy("First decided"),
    "decision_from": gettext_lazy("Decision recorded"),
    "outcome_from": gettext_lazy("Outcome recorded"),
}


def _date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(**ISO_DATE), validators=[sane_date]
    )


def is_number(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 9


def _date(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


def _start(day: dt.date | None):
    return figures.day_start(day) if day else None


def _end(day: dt.date | None):
    return figures.day_after(day) if day else None


def _about_the_case(rows):
    """Cases with one of `rows` (decisions, outcomes, actions, …), for `Case.filter`."""
    return Exists(rows.filter(case_id=OuterRef("pk")))


class CaseSearchForm(forms.Form):
    """The filters of the search behind a digest's figures.

    Each figure's filter applies the figure's own definition (`digests.figures`), so a number
    and the list behind it count the same cases (of those the viewer may see):

    - `team`, `rule`, `barrier`, `barrier_kind`, `corner`, `status` (repeatable), `ids` (comma
      separated, at most 200): the case itself; `rule=none` / `barrier=none`: without one;
    - `submitted_from` / `submitted_to`: submitted in that period (dates inclusive, local
      time);
    - `decided_from` / `decided_to`: first decided in the period;
    - `decision`, `value`, `decision_from` / `decision_to`: the case has a current decision of
      that kind, weighing that public value, recorded in that period (all on one decision);
    - `outcome`, `outcome_of`, `outcome_from` / `outcome_to`: an outcome was recorded (served
      yes, partly or no; for a decision of that kind; in that period);
    - `evaluation_due`: outcome still to evaluate by the end of that day;
    - `open_on`: open now, submitted by the end of that day;
    - `overdue_on`: an action was overdue at the end of that day;
    - `escalation_open`: an escalation waits for the director's answer.

    `digest`, the digest the visitor came from, is the view's: it filters nothing.
    """

    team = forms.ChoiceField(label=gettext_lazy("Team"), required=False)
    rule = forms.ChoiceField(label=gettext_lazy("Rule"), required=False)
    barrier = forms.ChoiceField(label=gettext_lazy("Barrier"), required=False)
    barrier_kind = forms.ChoiceField(
        label=gettext_lazy("Internal or external barrier"),
        required=False,
        choices=[("", gettext_lazy("all")), *Barrier.Kind.choices],
    )
    corner = forms.ChoiceField(
        label=gettext_lazy("Corner of the strategic triangle"),
        required=False,
        choices=[("", gettext_lazy("all")), *Barrier.Corner.choices],
    )
    status = forms.MultipleChoiceField(
        label=gettext_lazy("Status"), required=False, choices=CaseStatus.choices
    )
    submitted_from = _date_field(gettext_lazy("Submitted from"))
    submitted_to = _date_field(gettext_lazy("Submitted up to and including"))
    decided_from = _date_field(gettext_lazy("First decided from"))
    decided_to = _date_field(gettext_lazy("First decided up to and including"))
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        required=False,
        choices=[("", gettext_lazy("all")), *DecisionKind.choices],
    )
    value = forms.ChoiceField(label=gettext_lazy("Public value weighed"), required=False)
    decision_from = _date_field(gettext_lazy("Decision recorded from"))
    decision_to = _date_field(gettext_lazy("Decision recorded up to and including"))
    outcome = forms.ChoiceField(
        label=gettext_lazy("Did the decision serve the purpose?"),
        required=False,
        choices=[("", gettext_lazy("all")), *Outcome.Served.choices],
    )
    outcome_of = forms.ChoiceField(
        label=gettext_lazy("Outcome of the decision"),
        required=False,
        choices=[("", gettext_lazy("all")), *DecisionKind.choices],
    )
    outcome_from = _date_field(gettext_lazy("Outcome recorded from"))
    outcome_to = _date_field(gettext_lazy("Outcome recorded up to and including"))
    evaluation_due = _date_field(gettext_lazy("Outcome to evaluate by"))
    open_on = _date_field(gettext_lazy("Open now, submitted up to and including"))
    overdue_on = _date_field(gettext_lazy("An action overdue at the end of"))
    escalation_open = forms.BooleanField(
        label=gettext_lazy("An escalation waiting for a director's answer"), required=False
    )
    ids = forms.CharField(
        label=gettext_lazy("Case numbers"),
        required=False,
        max_length=MAX_IDS * 12,
        help_text=gettext_lazy("Internal numbers, separated by commas."),
    )

    RANGES = (
        ("submitted_from", "submitted_to"),
        ("decided_from", "decided_to"),
        ("decision_from", "decision_to"),
        ("outcome_from", "outcome_to"),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("all"))]
        self.fields["team"].choices = everything + [
            (str(pk), name)
            for pk, name in Team.objects.visible_to(user).order_by("name").values_list("pk", "name")
        ]
        self.fields["rule"].choices = (
            everything
            + [(NONE, _("not in the list"))]
            + [
                (str(rule.pk), str(rule))
                for rule in Rule.objects.select_related("regulation").order_by(
                    "regulation__short_name", "reference"
                )
            ]
        )
        self.fields["barrier"].choices = (
            everything
            + [(NONE, _("no barrier given"))]
            + [(str(pk), name) for pk, name in Barrier.objects.values_list("pk", "name")]
        )
        self.fields["value"].choices = everything + [
            (str(pk), name) for pk, name in PublicValue.objects.values_list("pk", "name")
        ]
        self.fields["status"].widget.attrs["size"] = len(CaseStatus.choices)

    def __iter__(self):
        """Only the filters in use and a few common ones: the digest's links set the rest."""
        for name in self.fields:
            if name in ALWAYS_SHOWN or self.data.get(name):
                yield self[name]

    def clean_ids(self) -> list[int]:
        raw = self.cleaned_data["ids"]
        parts = [part.strip() for part in raw.replace(" ", ",").split(",") if part.strip()]
        if not all(is_number(part) for part in parts):
            raise forms.ValidationError(_("Give case numbers as digits separated by commas."))
        if len(parts) > MAX_IDS:
            raise forms.ValidationError(
                _("At most %(max)d case numbers at once.") % {"max": MAX_IDS}
            )
        return sorted({int(part) for part in parts})

    def clean(self):
        cleaned = super().clean()
        for start, end in self.RANGES:
            if cleaned.get(start) and cleaned.get(end) and cleaned[start] > cleaned[end]:
                self.add_error(end, _("The end date lies before the start date."))
        return cleaned

    def apply(self, cases):
        if not self.is_valid():
            return cases.none()
        data = self.cleaned_data
        if data["team"]:
            cases = cases.filter(team_id=int(data["team"]))
        for name in ("rule", "barrier"):
            if data[name] == NONE:
                cases = cases.filter(**{f"{name}__isnull": True})
            elif data[name]:
                cases = cases.filter(**{f"{name}_id": int(data[name])})
        if data["barrier_kind"]:
            cases = cases.filter(barrier__kind=data["barrier_kind"])
        if data["corner"]:
            cases = cases.filter(barrier__corner=data["corner"])
        if data["status"]:
            cases = cases.filter(status__in=data["status"])
        if data["ids"]:
            cases = cases.filter(pk__in=data["ids"])
        return self._figures(cases, data).order_by(*SORTS["-created"])

    @staticmethod
    def _figures(cases, data: dict):
        """The filters that are a digest figure, each through the figure's definition."""
        if data["submitted_from"] or data["submitted_to"]:
            cases = figures.submitted(
                cases, _start(data["submitted_from"]), _end(data["submitted_to"])
            )
        if data["decided_from"] or data["decided_to"]:
            first = figures.first_decisions(_start(data["decided_from"]), _end(data["decided_to"]))
            cases = cases.filter(pk__in=first.values("case_id"))
        if any(data[name] for name in ("decision", "value", "decision_from", "decision_to")):
            decisions = figures.current_decisions(
                _start(data["decision_from"]),
                _end(data["decision_to"]),
                kind=data["decision"],
                value=int(data["value"]) if data["value"] else None,
            )
            cases = cases.filter(_about_the_case(decisions))
        if any(data[name] for name in ("outcome", "outcome_of", "outcome_from", "outcome_to")):
            outcomes = figures.outcomes(
                _start(data["outcome_from"]),
                _end(data["outcome_to"]),
                served=data["outcome"],
                of_kind=data["outcome_of"],
            )
            cases = cases.filter(_about_the_case(outcomes))
        if data["evaluation_due"]:
            pending = figures.evaluation_pending(data["evaluation_due"])
            cases = cases.filter(_about_the_case(pending))
        if data["open_on"]:
            cases = figures.open_at(cases, _end(data["open_on"]))
        if data["overdue_on"]:
            overdue = Q()
            for part in figures.overdue_actions(data["overdue_on"]):
                overdue |= Q(_about_the_case(part))
            cases = cases.filter(overdue)
        if data["escalation_open"]:
            cases = cases.filter(_about_the_case(figures.open_escalations()))
        return cases

    def description(self) -> list[str]:
        """The filters in use, in words: "Team: Inkomen Noord", "Submitted: 2 Nov – 8 Nov"."""
        if not self.is_valid():
            return []
        data = self.cleaned_data
        parts = []
        ranges = dict(self.RANGES)
        range_ends = set(ranges.values())
        for name, field in self.fields.items():
            value = data.get(name)
            if not value or name in range_ends:
                continue
            if name in ranges:
                end = data.get(ranges[name])
                text = _("%(start)s to %(end)s") % {
                    "start": _date(value),
                    "end": _date(end) if end else "\u2026",
                }
                parts.append(f"{RANGE_LABELS[name]}: {text}")
            elif name == "ids":
                parts.append(_("%(count)d selected cases") % {"count": len(value)})
            elif isinstance(field, forms.DateField):
                parts.append(f"{field.label}: {_date(value)}")
            elif isinstance(field, forms.BooleanField):
                parts.append(str(field.label))
            elif isinstance(field, forms.MultipleChoiceField):
                labels = dict(field.choices)
                parts.append(f"{field.label}: {', '.join(str(labels[v]) for v in value)}")
            else:
                parts.append(f"{field.label}: {dict(field.choices).get(value, value)}")
        for start, end in self.RANGES:
            if data.get(end) and not data.get(start):
                parts.append(f"{self.fields[end].label}: {_date(data[end])}")
        return parts


# Signals and good examples ---------------------------------------------------------------


def state_label(state: str) -> str:
    return str(Signal.State(state).label)


def not_allowed_message(from_state: str, to_state: str) -> str:
    allowed = [state_label(state) for state in Signal.State if state in TRANSITIONS[from_state]]
    if not allowed:
        return _("A signal in the state “%(from)s” does not move any more.") % {
            "from": state_label(from_state)
        }
    return _(
        "A signal in the state “%(from)s” cannot move to “%(to)s”. From here it can move to: "
        "%(allowed)s."
    ) % {
        "from": state_label(from_state),
        "to": state_label(to_state),
        "allowed": ", ".join(allowed),
    }


class SignalMoveForm(PrivacyGuardedForm):
    to_state = forms.ChoiceField(
        label=gettext_lazy("New state"), choices=Signal.State.choices, widget=forms.RadioSelect
    )
    taken_up_with = forms.CharField(
        label=gettext_lazy("Taken up with"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Required when the signal is taken up: policy, the ministry, another department, …"
        ),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when the signal is declined: why does the rule stay?"),
    )

    def __init__(self, *args, signal: Signal, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.signal = signal
        # Offer only the next states; any state is accepted so that a refused move gets a
        # message that explains it rather than "not a valid choice".
        allowed = TRANSITIONS[signal.state]
        self.fields["to_state"].widget.choices = [
            (value, label) for value, label in Signal.State.choices if value in allowed
        ]

    def clean(self):
        cleaned = super().clean()
        to_state = cleaned.get("to_state")
        if not to_state:
            return cleaned
        if to_state not in TRANSITIONS[self.signal.state]:
            self.add_error("to_state", not_allowed_message(self.signal.state, to_state))
        if to_state == Signal.State.TAKEN_UP and not cleaned.get("taken_up_with", "").strip():
            self.add_error(
                "taken_up_with",
                _("Say with whom it is taken up: policy, the ministry, another department."),
            )
        if to_state == Signal.State.DECLINED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the signal is declined."))
        return cleaned


class StoryForm(PrivacyGuardedForm):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=160,
        help_text=gettext_lazy("A short headline that says what the example is about."),
    )
    text = forms.CharField(
        label=gettext_lazy("The story"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "What happened, what was decided and why. Anonymised: nothing that could identify "
            "the citizen."
        ),
    )
    lesson = forms.CharField(
        label=gettext_lazy("The lesson"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What can colleagues elsewhere in the organisation learn from it?"),
    )


class ThreadNameForm(PrivacyGuardedForm):
    """Confirm and name a proposed rode draad, or rename one."""

    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=120,
        error_messages={"required": gettext_lazy("Give the rode draad a name.")},
    )
    description = forms.CharField(
        label=gettext_lazy("In one line"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("What runs through these cases, in a sentence."),
    )


class ThreadMergeForm(forms.Form):
    others = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Merge these rode draden into this one"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one rode draad to merge.")},
    )

    def __init__(self, *args, thread, user, **kwargs) -> None:
        from .models import Thread

        super().__init__(*args, **kwargs)
        self.fields["others"].queryset = (
            Thread.objects.visible_to(user).shown().exclude(pk=thread.pk).order_by("pk")
        )


class ThreadSplitForm(PrivacyGuardedForm):
    cases = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Cases that are another rode draad"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose the cases that belong apart.")},
    )
    name = forms.CharField(label=gettext_lazy("Name of the new rode draad"), max_length=120)

    def __init__(self, *args, cases, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = [
            (case.pk, f"{case.reference} {case.title}") for case in cases
        ]
        self.fields["name"].error_messages["required"] = _("Give the new rode draad a name.")
