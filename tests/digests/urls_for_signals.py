"""Temporary: mounts the signal and example pages until digests/urls.py includes them."""

from django.urls import include, path

from bedoeling.urls import urlpatterns as project_urlpatterns
from digests.urls_examples import example_urlpatterns
from digests.urls_signals import signal_urlpatterns

urlpatterns = [
    *project_urlpatterns,
    path("digests/", include((signal_urlpatterns + example_urlpatterns, "digests"))),
]
