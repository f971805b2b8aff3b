"""The read-only API, /api/v1/ (Logius API Design Rules): plural nouns, JSON, the version in the
URL and in the `API-Version` header, problem+json errors, one audit line per call.

An application sees what its token's teams see on the pages (`visible_to_scope` next to each
model's `visible_to`): another team's object answers 404, as a page does.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_not_required
from django.db.models import Exists, OuterRef, Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView
from rest_framework import exceptions, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.models import Case, Rule
from deliberations.models import Decision
from digests.models import Digest, Signal, Thread
from organisations.audit import audit

from . import serializers
from .figures import rule_figures
from .schema import API_VERSION


class Versioned:
    """Every answer carries the full version and is on the audit log; no page login applies."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSION
        token = getattr(request, "auth", None)
        # The caller is an application, not a person: "who" names its token.
        audit(
            f"api.{request.method.lower()}",
            actor=f"api-token:{token.pk}" if token else None,
            obj=("api.endpoint", request.path),
            result=str(response.status_code),
        )
        return response


class ScopedViewSet(Versioned, viewsets.ReadOnlyModelViewSet):
    """Read-only; what the token's teams see."""

    lookup_value_converter = "int"

    def teams(self):
        if not hasattr(self, "_teams"):
            self._teams = self.request.auth.scope_teams()
        return self._teams

    def get_serializer_class(self):
        if self.action == "retrieve":
            return self.detail_serializer_class
        return self.serializer_class


@extend_schema_view(
    list=extend_schema(summary="The teams this token reads"),
    retrieve=extend_schema(summary="One team"),
)
class TeamViewSet(ScopedViewSet):
    """The teams a token reads: their ids are the team_id of the other resources."""

    serializer_class = detail_serializer_class = serializers.TeamSerializer

    def get_queryset(self):
        return self.teams().order_by("pk")


@extend_schema_view(
    list=extend_schema(summary="Digests (rode draden snapshots), newest first"),
    retrieve=extend_schema(summary="One digest with its figures"),
)
class DigestViewSet(ScopedViewSet):
    """Digests: weekly snapshots of the patterns (rode draden) of a team or the organisation."""

    serializer_class = serializers.DigestSerializer
    detail_serializer_class = serializers.DigestDetailSerializer

    def get_queryset(self):
        return Digest.objects.visible_to_scope(
            self.teams(), organisation_wide=self.request.auth.reads_organisation_digest()
        ).order_by("-end", "-version", "-pk")


@extend_schema_view(
    list=extend_schema(summary="Rules of the regulations (the register)"),
    retrieve=extend_schema(
        summary="One rule with its register figures: cases per month, decision mix"
    ),
)
class RuleViewSet(ScopedViewSet):
    """The rules of the regulations cases are about, with their register figures."""

    serializer_class = serializers.RuleSerializer
    detail_serializer_class = serializers.RuleDetailSerializer

    def get_queryset(self):
        return Rule.objects.select_related("regulation").order_by("pk")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve":
            context["figures"] = rule_figures(self.get_object(), self.teams())
        return context


@extend_schema_view(
    list=extend_schema(summary="Signals: rules that keep chafing, and their states"),
    retrieve=extend_schema(summary="One signal with its changes of state"),
)
class SignalViewSet(ScopedViewSet):
    """Signals: a rule that keeps chafing, taken up as a structural question."""

    serializer_class = serializers.SignalSerializer
    detail_serializer_class = serializers.SignalDetailSerializer

    def get_queryset(self):
        cases = Case.objects.visible_to_scope(self.teams()).only("pk")
        return (
            Signal.objects.visible_to_scope(self.teams())
            .prefetch_related(Prefetch("cases", cases, to_attr="scoped_cases"), "events")
            .order_by("pk")
        )


@extend_schema_view(
    list=extend_schema(
        summary="Decisions of the casusoverleg, without their text",
        parameters=[
            OpenApiParameter("since", dt.date, description="Recorded on or after this day."),
            OpenApiParameter("until", dt.date, description="Recorded on or before this day."),
            OpenApiParameter("kind", str, enum=serializers.DecisionKind.values),
        ],
    ),
    retrieve=extend_schema(summary="One decision, without its text"),
)
class DecisionViewSet(ScopedViewSet):
    """Decisions of the casusoverleg: their kind, dates and ids, never their text."""

    serializer_class = detail_serializer_class = serializers.DecisionSerializer

    def get_queryset(self):
        later = Decision.objects.filter(supersedes=OuterRef("pk"))
        decisions = (
            Decision.objects.visible_to_scope(self.teams())
            .select_related("case")
            .prefetch_related("public_values")
            .annotate(corrected=Exists(later))
            .order_by("created_at", "pk")
        )
        if self.action != "list":
            return decisions
        wanted = serializers.DecisionFilterSerializer(data=self.request.query_params)
        wanted.is_valid(raise_exception=True)
        since, until = wanted.validated_data.get("since"), wanted.validated_data.get("until")
        if since:
            decisions = decisions.filter(created_at__date__gte=since)
        if until:
            decisions = decisions.filter(created_at__date__lte=until)
        if kind := wanted.validated_data.get("kind"):
            decisions = decisions.filter(kind=kind)
        return decisions


@extend_schema_view(
    list=extend_schema(summary="Rode draden: confirmed threads through many cases"),
    retrieve=extend_schema(summary="One rode draad with its trend per month"),
)
class ThreadViewSet(ScopedViewSet):
    """Rode draden that a lead or director confirmed and named; within the token's teams."""

    serializer_class = serializers.ThreadSerializer
    detail_serializer_class = serializers.ThreadDetailSerializer

    def get_queryset(self):
        cases = Case.objects.visible_to_scope(self.teams()).only(
            "pk", "team_id", "rule_id", "submitted_at"
        )
        return (
            Thread.objects.visible_to_scope(self.teams())
            .prefetch_related(Prefetch("cases", cases, to_attr="scoped_cases"))
            .order_by("pk")
        )


class _PublicDocument(Versioned):
    """The OpenAPI document is public, as the API's description should be (API-51)."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = []

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class OpenApiJson(_PublicDocument, SpectacularJSONAPIView):
    pass


class OpenApiYaml(_PublicDocument, SpectacularYAMLAPIView):
    pass


@extend_schema(exclude=True)
class NotFound(Versioned, APIView):
    """Any other address under /api/v1/: 404 as problem+json, token or not."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = []

    def get(self, request, *args, **kwargs) -> Response:
        raise exceptions.NotFound()

    post = put = patch = delete = head = options = get
