from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cases.forms import ISO_DATE
from cases.guard import PrivacyGuardedForm
from cases.models import Case, PublicValue
from organisations.models import Role, Team
from organisations.validation import sane_date

from .models import NEEDS_LEGAL_GROUND, Decision, DecisionKind, LegalGround, points_opposite
from .services import ActionSpec, DecisionSpec

User = get_user_model()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


def team_members(team):
    return User.objects.filter(memberships__team=team).distinct().order_by("first_name")


def team_directors(team):
    return User.objects.filter(memberships__team=team, memberships__role=Role.DIRECTOR).order_by(
        "first_name"
    )


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[sane_date],
    )
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    participants = PeopleChoiceField(
        label=_("Participants"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cases = forms.ModelMultipleChoiceField(
        label=_("Agenda"),
        queryset=Case.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Submitted cases of the team, oldest and most urgent first."),
    )

    def __init__(self, *args, team, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.team = team
        self.fields["participants"].queryset = team_members(team)
        self.fields["cases"].queryset = (
            team.cases.awaiting_agenda()
            .select_related("rule__regulation")
            .order_by("harm_date", "submitted_at", "pk")
        )
        self.fields["cases"].label_from_instance = lambda case: f"{case.reference} {case.title}"


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), max_length=300, required=False)
    owner = PersonChoiceField(
        label=_("Owner"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("— choose a person —"),
    )
    due_on = forms.DateField(
        label=_("Due"),
        required=False,
        widget=forms.DateInput(**ISO_DATE),
        validators=[sane_date],
    )

    def __init__(self, *args, team=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if team is not None:
            self.fields["owner"].queryset = team_members(team)

    def clean(self):
        cleaned = super().clean()
        filled = [bool(cleaned.get(name)) for name in ("description", "owner", "due_on")]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _("An action needs a description, an owner and a due date.")
            )
        return cleaned


ActionFormSet = forms.formset_factory(ActionForm, extra=2, max_num=10)


class DecisionForm(PrivacyGuardedForm):
    """One form for every decision: in the meeting, as a correction, as a director's answer."""

    kind = forms.ChoiceField(
        label=_("Decision"), choices=DecisionKind.choices, widget=forms.RadioSelect
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why does this serve the purpose — or why does the rule?"),
    )
    public_values = forms.ModelMultipleChoiceField(
        label=_("Public values weighed"),
        queryset=PublicValue.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    values_weighing = forms.CharField(
        label=_("How the values were weighed"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    backing = forms.BooleanField(
        label=_("The lead backs the professional (rugdekking)"), required=False
    )
    rule_chafes = forms.BooleanField(
        label=_("This rule chafes structurally: signal that it should change"), required=False
    )
    refer_to = forms.CharField(
        label=_("Refer to (department or organisation)"), max_length=200, required=False
    )
    legal_ground = forms.ModelChoiceField(
        label=_("Legal ground"),
        queryset=LegalGround.objects.all(),
        required=False,
        empty_label=_("— choose a legal ground —"),
        help_text=_(
            "Required for a justified deviation and for room within the rules. Without a legal "
            "ground, escalate the case to a director."
        ),
    )
    legal_ground_text = forms.CharField(
        label=_("Explain the legal ground"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_('Required when the legal ground is "other".'),
    )
    director = PersonChoiceField(
        label=_("Escalate to director"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("— choose a director —"),
    )
    question = forms.CharField(
        label=_("Question for the director"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evaluate_on = forms.DateField(
        label=_("Evaluate the outcome on"),
        required=False,
        widget=forms.DateInput(**ISO_DATE),
        validators=[sane_date],
        help_text=_("Required for every decision but postpone."),
    )
    difference = forms.CharField(
        label=_("Why this case differs"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args,
        case: Case,
        earlier: Decision | None = None,
        allowed_kinds: list[str] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        self.earlier = earlier
        if allowed_kinds is not None:
            self.fields["kind"].choices = [
                (value, label) for value, label in DecisionKind.choices if value in allowed_kinds
            ]
        self.fields["director"].queryset = team_directors(case.team)
        self.actions = ActionFormSet(
            self.data or None,
            prefix="actions",
            form_kwargs={"team": case.team},
        )

    @property
    def needs_difference(self) -> bool:
        kind = self.data.get("kind") if self.is_bound else None
        return bool(self.earlier and kind and points_opposite(kind, self.earlier.kind))

    def is_valid(self) -> bool:
        form_valid = super().is_valid()
        actions_valid = self.actions.is_valid()
        return form_valid and actions_valid

    def refuse(self, refusal) -> None:
        """The service's refusal at each field; an action's at that action's description (the
        one confirmation box of the decision form also covers its actions)."""
        action_forms = self._filled_action_forms()
        self.needs_confirmation = refusal.needs_confirmation
        for warning in refusal.warnings:
            if warning.field.startswith("actions."):
                number = int(warning.field.split(".")[1])
                action_forms[number].add_error("description", warning.message)
            else:
                field = self.error_field(warning.field)
                self.add_error(field, self.relabel(warning, field).message)

    def _filled_action_forms(self) -> list:
        return [form for form in self.actions.forms if form.cleaned_data.get("description")]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind and kind != DecisionKind.POSTPONE and not cleaned.get("evaluate_on"):
            self.add_error("evaluate_on", _("Choose a date to evaluate the outcome."))
        evaluate_on = cleaned.get("evaluate_on")
        if evaluate_on and evaluate_on < dt.date(2000, 1, 1):
            self.add_error("evaluate_on", _("Choose a date to evaluate the outcome."))
        if kind == DecisionKind.REFER and not cleaned.get("refer_to", "").strip():
            self.add_error("refer_to", _("Say to whom the case is referred."))
        ground = cleaned.get("legal_ground")
        if kind in NEEDS_LEGAL_GROUND:
            if ground is None and "legal_ground" not in self.errors:
                self.add_error(
                    "legal_ground",
                    _(
                        "Name the legal ground for departing from the rule. Is there none? "
                        "Then choose to escalate the case to a director."
                    ),
                )
            elif (
                ground and ground.requires_text and not cleaned.get("legal_ground_text", "").strip()
            ):
                self.add_error("legal_ground_text", _("Explain which legal ground applies."))
        if kind == DecisionKind.ESCALATE:
            if not cleaned.get("director"):
                self.add_error("director", _("Choose the director to escalate to."))
            if not cleaned.get("question", "").strip():
                self.add_error("question", _("Ask the director a question."))
        if self.needs_difference and not cleaned.get("difference", "").strip():
            self.add_error(
                "difference",
                _(
                    "The most similar earlier case (%(reference)s) was decided the other way. "
                    "Explain why this case differs."
                )
                % {"reference": self.earlier.case.reference},
            )
        return cleaned

    def spec(self) -> DecisionSpec:
        data = self.cleaned_data
        # The ground belongs to a departure from the rule; for "other" only with its words.
        departs = data["kind"] in NEEDS_LEGAL_GROUND
        actions = [
            ActionSpec(
                description=form.cleaned_data["description"],
                owner=form.cleaned_data["owner"],
                due_on=form.cleaned_data["due_on"],
            )
            for form in self._filled_action_forms()
        ]
        return DecisionSpec(
            kind=data["kind"],
            rationale=data["rationale"],
            public_values=list(data["public_values"]),
            values_weighing=data["values_weighing"],
            backing=data["backing"],
            rule_chafes=data["rule_chafes"],
            refer_to=data["refer_to"] if data["kind"] == DecisionKind.REFER else "",
            legal_ground=data["legal_ground"] if departs else None,
            legal_ground_text=data["legal_ground_text"] if departs else "",
            evaluate_on=data["evaluate_on"] if data["kind"] != DecisionKind.POSTPONE else None,
            compared_with=self.earlier if self.needs_difference else None,
            difference=data["difference"] if self.needs_difference else "",
            actions=actions,
            director=data["director"] if data["kind"] == DecisionKind.ESCALATE else None,
            question=data["question"] if data["kind"] == DecisionKind.ESCALATE else "",
        )


def most_similar_earlier_decision(case: Case, user) -> Decision | None:
    """The current settling decision of the most similar earlier case, if one is similar
    enough to count as the same situation (cases.similar.SIMILAR_ENOUGH): by meaning, across
    wording and rules, as the digests' consistency flags compare cases."""
    from cases.precedents import similar_cases
    from cases.similar import SIMILAR_ENOUGH

    precedents = [
        p for p in similar_cases(case, user, limit=5) if p.score + _rule_hint(p) >= SIMILAR_ENOUGH
    ]
    if not precedents:
        return None
    decisions = {
        decision.case_id: decision
        for decision in Decision.objects.current()
        .settling()
        .filter(case__in=[p.case for p in precedents])
        .select_related("case")
        .order_by("created_at")
    }
    for precedent in precedents:
        if precedent.case.pk in decisions:
            return decisions[precedent.case.pk]
    return None


def _rule_hint(precedent) -> float:
    from cases.similarity import ThreadSettings

    return ThreadSettings().rule_bonus if precedent.same_rule else 0.0


class CorrectionForm(DecisionForm):
    """A decision that corrects a final one: the same fields, and why."""

    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the decision is corrected.")},
    )


class AttendanceForm(forms.Form):
    attendees = PeopleChoiceField(
        label=_("Present"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = team_members(meeting.team)
        if not self.is_bound:
            self.initial["attendees"] = [person.pk for person in meeting.attendees.all()] or [
                person.pk for person in meeting.participants.all()
            ]


class NotesForm(PrivacyGuardedForm):
    notes = forms.CharField(
        label=_("Notes"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs) -> None:
        # The meeting page renders the field by hand as "item-notes"; the error summary links
        # to the field's id, so the form must use the same.
        kwargs.setdefault("auto_id", "item-%s")
        super().__init__(*args, **kwargs)


class MinutesForm(PrivacyGuardedForm):
    minutes = forms.CharField(
        label=_("Draft of the minutes"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class OutcomeForm(PrivacyGuardedForm):
    served = forms.ChoiceField(
        label=_("Did the decision serve the purpose?"),
        choices=[("yes", _("yes")), ("partly", _("partly")), ("no", _("no"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("What happened?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseMeetingForm(forms.Form):
    open_items = forms.ChoiceField(
        label=_("Items still open"),
        choices=[
            ("postpone", _("Postpone them all to a later meeting")),
            ("keep_open", _("Keep the meeting open")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )


def lead_teams(user):
    return Team.objects.where(user, Role.LEAD)
