from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    """Calls per token (BEDOELING_API_RATE, e.g. "600/min"); past it, 429 with Retry-After."""

    scope = "token"

    def get_rate(self) -> str | None:
        return settings.BEDOELING_API_RATE or None

    def get_cache_key(self, request, view) -> str:
        ident = request.auth.pk if request.auth is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
