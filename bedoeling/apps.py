from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top layer: settings, URLs and the pages that compose every app. It has no models."""

    name = "bedoeling"
    label = "site"
    verbose_name = _("Bedoeling")

    def ready(self) -> None:
        from .login import connect_audit_receivers

        connect_audit_receivers()
