from __future__ import annotations

import uuid

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from organisations.models import Team
from organisations.validation import sane_date

from . import zaak
from .guard import PrivacyGuardedForm
from .models import Barrier, Case, CaseStatus, PublicValue, Regulation, Rule
from .privacy import find_personal_data

# A browser's date input only accepts ISO dates ("2026-11-23"); the active language's format
# ("23-11-2026" in Dutch) would leave it empty.
ISO_DATE = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}


class RuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, rule: Rule) -> str:
        return str(rule)


class CaseForm(PrivacyGuardedForm, forms.ModelForm):
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(),
        label=_("Team"),
        help_text=_("Which team's case consultation should discuss this case?"),
        empty_label=_("— choose a team —"),
        error_messages={"invalid_choice": _("You cannot bring a case to that team.")},
    )
    rule = RuleChoiceField(
        queryset=Rule.objects.none(),
        required=False,
        label=_("Rule"),
        help_text=Case._meta.get_field("rule").help_text,
        empty_label=_("— choose a rule, or describe it below —"),
        error_messages={
            "invalid_choice": _(
                "That rule does not exist or is no longer in force. Choose another."
            )
        },
    )
    public_values = forms.ModelMultipleChoiceField(
        queryset=PublicValue.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        # capfirst keeps the verbose name lazy: translated per request, not once at import.
        label=capfirst(Case._meta.get_field("public_values").verbose_name),
        help_text=Case._meta.get_field("public_values").help_text,
    )
    intake_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Case
        fields = [
            "team",
            "title",
            "situation",
            "rule",
            "proposed_rule",
            "effect",
            "conflict",
            "public_values",
            "barrier",
            "harm_date",
            "question",
            "zaak_reference",
        ]
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 5}),
            "effect": forms.Textarea(attrs={"rows": 3}),
            "conflict": forms.Textarea(attrs={"rows": 3}),
            "question": forms.Textarea(attrs={"rows": 3}),
            "harm_date": forms.DateInput(**ISO_DATE),
        }

    def __init__(self, *args, teams, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        if len(teams) == 1 and not self.is_bound:
            self.fields["team"].initial = teams[0]
        rules = Rule.objects.active().select_related("regulation")
        if self.instance.rule_id:
            # A rule retired after the case was filed stays selectable on that case.
            rules = rules | Rule.objects.filter(pk=self.instance.rule_id)
        self.fields["rule"].queryset = rules.select_related("regulation").order_by(
            "regulation__short_name", "reference"
        )
        self.fields["barrier"].queryset = Barrier.objects.order_by("kind", "name")
        self.fields["barrier"].empty_label = _("— choose a barrier —")
        for name, field in self.fields.items():
            if name in Case.TEXT_FIELDS or name in ("harm_date",):
                field.label = field.label[:1].upper() + field.label[1:]
        if self.instance.pk:
            self.fields["team"].disabled = True
            self.fields["version"].initial = self.instance.version
        else:
            self.fields["intake_token"].initial = uuid.uuid4()

    def clean_zaak_reference(self) -> str:
        value = self.cleaned_data["zaak_reference"].strip()
        return zaak.parse(value).value if value else ""

    def clean_intake_token(self):
        return self.cleaned_data.get("intake_token") or uuid.uuid4()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("rule") and not (cleaned.get("proposed_rule") or "").strip():
            self.add_error(
                "rule", _("Choose the rule at stake, or describe it in the field below.")
            )
        return cleaned

    def case_data(self) -> dict:
        names = [
            "title",
            "situation",
            "rule",
            "proposed_rule",
            "effect",
            "conflict",
            "barrier",
            "harm_date",
            "question",
            "zaak_reference",
        ]
        return {name: self.cleaned_data[name] for name in names}


class AdoptRuleForm(forms.Form):
    regulation = forms.ModelChoiceField(
        label=_("Regulation"), queryset=Regulation.objects.all(), empty_label=None
    )
    reference = forms.CharField(
        label=_("Short reference of the rule"),
        max_length=120,
        help_text=_("E.g. kostendelersnorm. The rule becomes choosable for every new case."),
    )


class CommentForm(PrivacyGuardedForm):
    text = forms.CharField(
        label=_("Your input"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What would you advise? Which earlier case or rule is relevant?"),
    )


class WithdrawForm(PrivacyGuardedForm):
    reason = forms.CharField(
        label=_("Why do you withdraw the case?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


SORTS = {
    "-created": ("-created_at", "-pk"),
    "created": ("created_at", "pk"),
    "harm_date": ("harm_date", "-created_at"),
    "title": ("title", "pk"),
    "status": ("status", "-created_at"),
}


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words from the case, or the number of the zaak it comes from."),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all"))] + CaseStatus.choices
    )
    rule = RuleChoiceField(
        label=_("Rule"), required=False, queryset=Rule.objects.none(), empty_label=_("all")
    )
    barrier = forms.ModelChoiceField(
        label=_("Barrier"), required=False, queryset=Barrier.objects.none(), empty_label=_("all")
    )
    public_value = forms.ModelChoiceField(
        label=_("Public value"),
        required=False,
        queryset=PublicValue.objects.none(),
        empty_label=_("all"),
    )
    date_from = forms.DateField(
        label=_("Created from"),
        required=False,
        widget=forms.DateInput(**ISO_DATE),
        validators=[sane_date],
    )
    date_to = forms.DateField(
        label=_("Created up to and including"),
        required=False,
        validators=[sane_date],
        widget=forms.DateInput(**ISO_DATE),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-created", _("newest first")),
            ("created", _("oldest first")),
            ("harm_date", _("harm date, soonest first")),
            ("title", _("title")),
            ("status", _("status")),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = Rule.objects.select_related("regulation")
        self.fields["barrier"].queryset = Barrier.objects.all()
        self.fields["public_value"].queryset = PublicValue.objects.all()

    def clean_q(self) -> str:
        query = self.cleaned_data["q"]
        if find_personal_data(query):
            raise forms.ValidationError(
                _("Do not search for personal data: case texts never contain it.")
            )
        return query

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date lies before the start date."))
        return cleaned

    def apply(self, cases):
        if not self.is_bound:
            return cases.order_by(*SORTS["-created"])
        if not self.is_valid():
            return cases.none()
        data = self.cleaned_data
        if data["q"]:
            from django.db.models import Q

            words = Q()
            for word in data["q"].split()[:8]:
                words &= (
                    Q(title__icontains=word)
                    | Q(situation__icontains=word)
                    | Q(effect__icontains=word)
                    | Q(conflict__icontains=word)
                    | Q(question__icontains=word)
                    | Q(proposed_rule__icontains=word)
                )
            # A zaak's number or address finds the case that carries it.
            key = zaak.search_key(data["q"])
            cases = cases.filter(words | Q(zaak_reference__iexact=key) if key else words)
        if data["status"]:
            cases = cases.filter(status=data["status"])
        if data["rule"]:
            cases = cases.filter(rule=data["rule"])
        if data["barrier"]:
            cases = cases.filter(barrier=data["barrier"])
        if data["public_value"]:
            cases = cases.filter(public_values=data["public_value"])
        if data["date_from"]:
            cases = cases.filter(created_at__date__gte=data["date_from"])
        if data["date_to"]:
            cases = cases.filter(created_at__date__lte=data["date_to"])
        return cases.order_by(*SORTS.get(data["sort"] or "-created", SORTS["-created"]))
