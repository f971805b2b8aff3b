"""What the API tells: ids, counts, dates and taxonomy names. Never free text, never a person."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.models import Rule
from deliberations.models import Decision, DecisionKind
from digests.models import Digest, Signal, SignalEvent, Thread
from organisations.models import Team


class TeamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Team
        fields = ["id", "name", "organisation_id"]


class DigestSerializer(serializers.ModelSerializer):
    team_id = serializers.IntegerField(
        allow_null=True, help_text="Null: the digest of the whole organisation."
    )

    class Meta:
        model = Digest
        fields = ["id", "team_id", "start", "end", "version", "built_at", "format_version"]


class DigestDetailSerializer(DigestSerializer):
    figures = serializers.JSONField(
        source="data",
        help_text=(
            "The digest's figures as stored: counts, rules, barriers, decision mix, values "
            "weighed, recurring patterns and consistency flags (by case id), signals, outcomes, "
            "follow-up and good examples (by id). Numbers, ids and taxonomy names only."
        ),
    )

    class Meta(DigestSerializer.Meta):
        fields = [*DigestSerializer.Meta.fields, "figures"]


class MonthCountSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM, the month of submission.")
    cases = serializers.IntegerField()


class RuleFiguresSerializer(serializers.Serializer):
    cases = serializers.IntegerField(help_text="Submitted cases about this rule.")
    cases_per_month = MonthCountSerializer(many=True)
    decision_mix = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=f"Current decisions per kind: {', '.join(DecisionKind.values)}.",
    )


class RuleSerializer(serializers.ModelSerializer):
    regulation = serializers.CharField(
        source="regulation.short_name", default=None, allow_null=True
    )
    regulation_name = serializers.CharField(source="regulation.name", default=None, allow_null=True)

    class Meta:
        model = Rule
        fields = ["id", "regulation", "regulation_name", "reference", "is_active"]


class RuleDetailSerializer(RuleSerializer):
    figures = serializers.SerializerMethodField()

    class Meta(RuleSerializer.Meta):
        fields = [*RuleSerializer.Meta.fields, "figures"]

    @extend_schema_field(RuleFiguresSerializer)
    def get_figures(self, rule) -> dict:
        return self.context["figures"]


class SignalEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = SignalEvent
        fields = ["from_state", "to_state", "created_at"]


class SignalSerializer(serializers.ModelSerializer):
    case_ids = serializers.SerializerMethodField(
        help_text="The cases behind the signal that this token may see."
    )

    class Meta:
        model = Signal
        fields = ["id", "rule_id", "state", "created_at", "updated_at", "case_ids"]

    def get_case_ids(self, signal) -> list[int]:
        return sorted(case.pk for case in signal.scoped_cases)


class SignalDetailSerializer(SignalSerializer):
    events = SignalEventSerializer(many=True, read_only=True)

    class Meta(SignalSerializer.Meta):
        fields = [*SignalSerializer.Meta.fields, "events"]


class ThreadSerializer(serializers.ModelSerializer):
    """A confirmed rode draad: its name (a label a lead or director gave it, checked by the
    privacy guard like every text) and, within the token's teams, its cases, teams and rules.
    Its description and the cases' texts stay in the app."""

    case_ids = serializers.SerializerMethodField(
        help_text="The thread's cases that this token may see."
    )
    team_ids = serializers.SerializerMethodField(help_text="The teams of those cases.")
    rule_ids = serializers.SerializerMethodField(help_text="The rules of those cases.")

    class Meta:
        model = Thread
        fields = [
            "id",
            "name",
            "status",
            "created_at",
            "confirmed_at",
            "signal_id",
            "case_ids",
            "team_ids",
            "rule_ids",
        ]

    def get_case_ids(self, thread) -> list[int]:
        return sorted(case.pk for case in thread.scoped_cases)

    def get_team_ids(self, thread) -> list[int]:
        return sorted({case.team_id for case in thread.scoped_cases})

    def get_rule_ids(self, thread) -> list[int]:
        return sorted({case.rule_id for case in thread.scoped_cases if case.rule_id})


class ThreadMonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    cases = serializers.IntegerField(help_text="Cases submitted that month (within scope).")


class ThreadDetailSerializer(ThreadSerializer):
    months = serializers.SerializerMethodField(help_text="The thread's trend: cases per month.")

    class Meta(ThreadSerializer.Meta):
        fields = [*ThreadSerializer.Meta.fields, "months"]

    @extend_schema_field(ThreadMonthSerializer(many=True))
    def get_months(self, thread) -> list[dict]:
        months = Counter(
            f"{case.submitted_at:%Y-%m}" for case in thread.scoped_cases if case.submitted_at
        )
        return [{"month": month, "cases": months[month]} for month in sorted(months)]


class DecisionSerializer(serializers.ModelSerializer):
    team_id = serializers.IntegerField(source="case.team_id")
    rule_id = serializers.IntegerField(source="case.rule_id", allow_null=True)
    value_ids = serializers.PrimaryKeyRelatedField(
        source="public_values", many=True, read_only=True, help_text="The public values weighed."
    )
    corrected = serializers.BooleanField(
        read_only=True, help_text="Whether a later decision corrected this one."
    )

    class Meta:
        model = Decision
        fields = [
            "id",
            "kind",
            "created_at",
            "evaluate_on",
            "case_id",
            "team_id",
            "rule_id",
            "value_ids",
            "backing",
            "rule_chafes",
            "supersedes_id",
            "corrected",
        ]


DATE_ERRORS = {"invalid": _("Give a date as YYYY-MM-DD.")}


class DecisionFilterSerializer(serializers.Serializer):
    """The list's query parameters; a wrong one is a 400 with the parameter named."""

    since = serializers.DateField(required=False, error_messages=DATE_ERRORS)
    until = serializers.DateField(required=False, error_messages=DATE_ERRORS)
    kind = serializers.ChoiceField(
        choices=DecisionKind.values,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the kinds of decision.")},
    )
