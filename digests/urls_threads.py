"""Rode draden pages; included in the "digests" namespace by digests/urls.py."""

from django.urls import path

from . import views_threads as views

thread_urlpatterns = [
    path("threads/", views.thread_list, name="threads"),
    path("threads/<int:pk>/", views.thread_detail, name="thread"),
    path("threads/<int:pk>/name/", views.thread_name, name="thread_name"),
    path("threads/<int:pk>/reject/", views.thread_reject, name="thread_reject"),
    path("threads/<int:pk>/merge/", views.thread_merge, name="thread_merge"),
    path("threads/<int:pk>/split/", views.thread_split, name="thread_split"),
    path("threads/<int:pk>/signal/", views.thread_signal, name="thread_signal"),
    path("threads/<int:pk>/link/", views.thread_link, name="thread_link"),
]
