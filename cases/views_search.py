"""The cases behind a figure: the case list, filtered the way the digest's numbers are counted.

Every number on a digest page links here. The list starts from `Case.objects.visible_to(user)`,
so a figure that counts cases of teams the viewer does not oversee leads to fewer cases here;
that is intended. The filters follow the definitions in `digests/patterns.py`:

- `team`, `rule`, `barrier`, `barrier_kind`, `corner`, `status` (repeatable), `ids` (comma
  separated, at most 200): the case itself; `rule=none` / `barrier=none`: without one;
- `submitted_from` / `submitted_to`: submitted in that period (dates inclusive, local time);
- `decided_from` / `decided_to`: the first decision other than "postpone" or "escalate" (a
  director's answer counts) falls in the period;
- `decision`, `value`, `decision_from` / `decision_to`: the case has a decision that was not
  corrected later, of that kind, weighing that public value, recorded in that period (all on
  the same decision);
- `outcome`, `outcome_of`, `outcome_from` / `outcome_to`: an outcome was recorded (served yes,
  partly or no; for a decision of that kind; in that period);
- `evaluation_due`: a current decision was to be evaluated on or before that date and no
  outcome was recorded by the end of that day;
- `digest`: the digest the visitor came from, for the way back; it filters nothing.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, Min, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from deliberations.models import Decision, DecisionKind, Outcome
from organisations.models import Team

from .forms import SORTS
from .models import Barrier, Case, CaseStatus, PublicValue, Rule

PAGE_SIZE = 25
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


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def _day_after(day: dt.date) -> dt.datetime:
    return _day_start(day + dt.timedelta(days=1))


def _date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CaseSearchForm(forms.Form):
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
        if not all(_is_number(part) for part in parts):
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
        if data["submitted_from"]:
            cases = cases.filter(submitted_at__gte=_day_start(data["submitted_from"]))
        if data["submitted_to"]:
            cases = cases.filter(submitted_at__lt=_day_after(data["submitted_to"]))
        if data["decided_from"] or data["decided_to"]:
            cases = cases.filter(pk__in=self._first_decided(data))
        if any(data[name] for name in ("decision", "value", "decision_from", "decision_to")):
            cases = cases.filter(Exists(self._decisions(data)))
        if any(data[name] for name in ("outcome", "outcome_of", "outcome_from", "outcome_to")):
            cases = cases.filter(Exists(self._outcomes(data)))
        if data["evaluation_due"]:
            due = (
                Decision.objects.filter(
                    case=OuterRef("pk"),
                    superseded_by__isnull=True,
                    evaluate_on__lte=data["evaluation_due"],
                )
                .exclude(kind__in=[DecisionKind.POSTPONE, DecisionKind.ESCALATE])
                .values("pk")
            )
            day_after = _day_after(data["evaluation_due"])
            cases = cases.filter(Exists(due)).filter(
                Q(outcome__isnull=True) | Q(outcome__created_at__gte=day_after)
            )
        return cases.order_by(*SORTS["-created"])

    @staticmethod
    def _first_decided(data):
        first = (
            Decision.objects.exclude(kind__in=[DecisionKind.POSTPONE, DecisionKind.ESCALATE])
            .values("case_id")
            .annotate(first=Min("created_at"))
            .order_by()
        )
        if data["decided_from"]:
            first = first.filter(first__gte=_day_start(data["decided_from"]))
        if data["decided_to"]:
            first = first.filter(first__lt=_day_after(data["decided_to"]))
        return first.values("case_id")

    @staticmethod
    def _decisions(data):
        decisions = Decision.objects.filter(case=OuterRef("pk"), superseded_by__isnull=True)
        if data["decision"]:
            decisions = decisions.filter(kind=data["decision"])
        if data["value"]:
            decisions = decisions.filter(public_values=int(data["value"]))
        if data["decision_from"]:
            decisions = decisions.filter(created_at__gte=_day_start(data["decision_from"]))
        if data["decision_to"]:
            decisions = decisions.filter(created_at__lt=_day_after(data["decision_to"]))
        return decisions.values("pk")

    @staticmethod
    def _outcomes(data):
        outcomes = Outcome.objects.filter(case=OuterRef("pk"))
        if data["outcome"]:
            outcomes = outcomes.filter(served=data["outcome"])
        if data["outcome_of"]:
            outcomes = outcomes.filter(decision__kind=data["outcome_of"])
        if data["outcome_from"]:
            outcomes = outcomes.filter(created_at__gte=_day_start(data["outcome_from"]))
        if data["outcome_to"]:
            outcomes = outcomes.filter(created_at__lt=_day_after(data["outcome_to"]))
        return outcomes.values("pk")

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
            elif isinstance(field, forms.MultipleChoiceField):
                labels = dict(field.choices)
                parts.append(f"{field.label}: {', '.join(str(labels[v]) for v in value)}")
            else:
                parts.append(f"{field.label}: {dict(field.choices).get(value, value)}")
        for start, end in self.RANGES:
            if data.get(end) and not data.get(start):
                parts.append(f"{self.fields[end].label}: {_date(data[end])}")
        return parts


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 9


def _date(day: dt.date) -> str:
    return formats.date_format(day, "j M Y")


@require_GET
@login_required
def case_search(request: HttpRequest) -> HttpResponse:
    from digests.models import Digest

    form = CaseSearchForm(request.GET, user=request.user)
    cases = form.apply(Case.objects.visible_to(request.user).with_list_data())
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    digest_pk = request.GET.get("digest", "")
    digest = (
        Digest.objects.visible_to(request.user)
        .select_related("team")
        .defer("data")
        .filter(pk=int(digest_pk))
        .first()
        if _is_number(digest_pk)
        else None
    )
    return render(
        request,
        "digests/case_search.html",
        {
            "filter_form": form,
            "page": page,
            "query": query.urlencode(),
            "title": _("Cases behind a figure"),
            "show_team": True,
            "applied_filters": form.description(),
            "digest": digest,
        },
    )
