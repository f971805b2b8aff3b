"""The /healthz probe: is the database reachable, and the broker when one is configured."""

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


@require_GET
@never_cache
@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    state = {"database": check_database(), "broker": check_broker()}
    healthy = all(value in (OK, NOT_CONFIGURED) for value in state.values())
    return JsonResponse(
        state | {"status": OK if healthy else ERROR}, status=200 if healthy else 503
    )
