"""Signal pages; included in the "digests" namespace by digests/urls.py."""

from django.urls import path

from . import views_signals

signal_urlpatterns = [
    path("signals/", views_signals.signal_list, name="signals"),
    path("signals/<int:pk>/", views_signals.signal_detail, name="signal"),
    path("signals/<int:pk>/move/", views_signals.signal_move, name="signal_move"),
]
