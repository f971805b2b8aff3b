from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read-only API for the organisation's own reporting (/api/v1/). The top layer beside
    the project package: it reads digests, deliberations and cases, and nothing imports it."""

    name = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from . import schema  # noqa: F401 -- registers the bearer token with drf-spectacular
