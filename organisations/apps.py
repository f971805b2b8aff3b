from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """The lowest layer: the organisation, its teams, and who works in them in which role.

    Its label stays "bedoeling" (where these models lived first), so that existing databases,
    their migration history and the other apps' migrations carry over unchanged.
    """

    name = "organisations"
    label = "bedoeling"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from django.db.models import IntegerField

        from . import audit  # noqa: F401  (connects the login and logout audit receivers)
        from .lookups import InRange

        IntegerField.register_lookup(InRange)
