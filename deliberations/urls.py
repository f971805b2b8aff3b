from django.urls import path

from . import views

app_name = "deliberations"

urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("new/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/start/", views.meeting_start, name="start"),
    path("<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/minutes/save/", views.minutes_save, name="minutes_save"),
    path("<int:pk>/attendance/", views.attendance_save, name="attendance"),
    path("<int:pk>/close/", views.meeting_close, name="close"),
    path("<int:pk>/calendar.ics", views.meeting_ics, name="ics"),
    path("items/<int:pk>/move/", views.agenda_move, name="agenda_move"),
    path("items/<int:pk>/remove/", views.agenda_remove, name="agenda_remove"),
    path("items/<int:pk>/notes/", views.item_notes, name="notes"),
    path("items/<int:pk>/decide/", views.decision_record, name="decide"),
    path("decisions/<int:pk>/correct/", views.decision_correct, name="correct"),
]

from .urls_followup import followup_urlpatterns  # noqa: E402

urlpatterns += followup_urlpatterns
