"""The /healthz probe: is the database reachable, and the broker when one is configured; how far
the outbox is behind (rows waiting to be handed to Celery, and the age of the oldest).

It answers whatever Host the request names (HealthzMiddleware runs before Django's host check),
so a container health check on 127.0.0.1 works with DJANGO_ALLOWED_HOSTS set to the real name.
The outbox backlog does not make the probe fail - restarting the web server would not help -
but monitoring should alert when `outbox.oldest_seconds` keeps growing (see the README).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"
NOT_CONFIGURED = "not configured"


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database unreachable")
        return ERROR
    return OK


def check_broker() -> str:
    if not settings.CELERY_BROKER_URL:
        return NOT_CONFIGURED
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            # One immediate retry: a health probe wants an answer now, not after a back-off.
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
    except Exception:
        logger.exception("Health check: broker unreachable")
        return ERROR
    return OK


def outbox_backlog() -> dict | str:
    from organisations import outbox

    try:
        return outbox.backlog()
    except Exception:
        logger.exception("Health check: outbox unreadable")
        return ERROR


@require_GET
@never_cache
@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    state = {"database": check_database(), "broker": check_broker()}
    healthy = all(value in (OK, NOT_CONFIGURED) for value in state.values())
    return JsonResponse(
        state | {"outbox": outbox_backlog(), "status": OK if healthy else ERROR},
        status=200 if healthy else 503,
    )


class HealthzMiddleware:
    """Answers /healthz before any other middleware: no host check, no redirect, no session."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
