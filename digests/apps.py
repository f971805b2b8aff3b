from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestsConfig(AppConfig):
    name = "digests"
    verbose_name = _("Recurring patterns")

    def ready(self) -> None:
        from cases import panels
        from cases import retention as case_retention

        from . import (
            retention,
            services,  # noqa: F401  (connects its receivers)
        )
        from .panels import signals_context, thread_prompt_context

        panels.register(
            "signals",
            template="digests/_case_signals.html",
            context=signals_context,
            order=30,
        )
        case_retention.register("digests", retention.anonymise)
        panels.register(
            "thread_prompt",
            template="digests/_thread_prompt.html",
            context=thread_prompt_context,
            order=25,
        )
