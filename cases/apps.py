from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from . import panels
        from .precedents import similar_cases

        panels.register(
            "precedents",
            template="cases/_precedents.html",
            context=lambda case, user: {"precedents": similar_cases(case, user)},
            order=20,
        )
