"""Good-example pages; included in the "digests" namespace by digests/urls.py."""

from django.urls import path

from . import views_examples

example_urlpatterns = [
    path("examples/", views_examples.example_list, name="examples"),
    path("cases/<int:case_pk>/publish/", views_examples.example_publish, name="example_publish"),
]
