from django.urls import path

from . import search, views
from .urls_examples import example_urlpatterns
from .urls_signals import signal_urlpatterns
from .urls_threads import thread_urlpatterns

app_name = "digests"

urlpatterns = (
    [
        path("", views.dashboard, name="dashboard"),
        path("build/", views.request_build, name="build"),
        path("build/<int:pk>/retry/", views.retry_build, name="retry"),
        path("search/", search.case_search, name="search"),
        path("<int:pk>/", views.detail, name="detail"),
        path("<int:pk>/<slug:table>.csv", views.export_csv, name="export"),
    ]
    + signal_urlpatterns
    + example_urlpatterns
    + thread_urlpatterns
)
