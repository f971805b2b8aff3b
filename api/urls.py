from django.urls import re_path
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

# API-48: no trailing slashes.
router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("teams", views.TeamViewSet, basename="team")
router.register("digests", views.DigestViewSet, basename="digest")
router.register("rules", views.RuleViewSet, basename="rule")
router.register("signals", views.SignalViewSet, basename="signal")
router.register("threads", views.ThreadViewSet, basename="thread")
router.register("decisions", views.DecisionViewSet, basename="decision")

urlpatterns = [
    re_path(r"^openapi\.json$", views.OpenApiJson.as_view(), name="openapi-json"),
    re_path(r"^openapi\.yaml$", views.OpenApiYaml.as_view(), name="openapi-yaml"),
    *router.urls,
    re_path(r"^.*$", views.NotFound.as_view(), name="not-found"),
]
