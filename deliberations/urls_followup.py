"""Escalations and follow-up. `deliberations/urls.py` adds these to its own patterns, so they
live in the "deliberations" namespace under /meetings/."""

from django.urls import path

from . import views_escalations, views_followup

followup_urlpatterns = [
    path("escalations/", views_escalations.escalation_list, name="escalations"),
    path("escalations/<int:pk>/", views_escalations.escalation_detail, name="escalation"),
    path("actions/<int:pk>/done/", views_followup.action_done, name="action_done"),
    path("cases/<int:pk>/outcome/", views_followup.outcome_record, name="outcome"),
]
