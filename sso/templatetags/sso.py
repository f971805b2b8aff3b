from django import template
from django.conf import settings

from sso.config import sso_enabled

register = template.Library()


@register.simple_tag
def sso_login_offered() -> bool:
    return sso_enabled()


@register.simple_tag
def passwords_for_break_glass_only() -> bool:
    return settings.BEDOELING_LOCAL_LOGIN == "break-glass-only"
