from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliberationsConfig(AppConfig):
    name = "deliberations"
    verbose_name = _("Case consultations")
