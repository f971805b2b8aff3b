from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BedoelingConfig(AppConfig):
    name = "bedoeling"
    verbose_name = _("Organisation")
