from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    """Single sign-on with OpenID Connect: the login through the organisation's identity
    provider, memberships kept from its groups, and the switch that turns local passwords off.
    Just above organisations: it imports organisations only."""

    name = "sso"
    verbose_name = _("Single sign-on")
