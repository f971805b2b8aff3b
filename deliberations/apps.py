from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliberationsConfig(AppConfig):
    name = "deliberations"
    verbose_name = _("Case consultations")

    def ready(self) -> None:
        from cases import panels
        from cases import retention as case_retention

        from . import retention
        from .followup import followup_context

        panels.register(
            "followup",
            template="deliberations/_case_followup.html",
            context=followup_context,
            order=10,
        )
        case_retention.register("deliberations", retention.anonymise)
