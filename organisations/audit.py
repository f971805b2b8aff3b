"""The audit trail: one JSON line per event that the BIO asks to be logged.

Every line holds the six fields of the BIO (12.4.1): who (a user id, never a name or e-mail
address), what (the event), when (UTC, ISO 8601), from where (the client address, see
`client_address`), which object (type and id) and the result. Nothing else: no free text, no
query strings, so personal data typed into a form can never reach the log.

Services call `audit(...)` with what they did; the request the service runs in (if any) is
known through `request_context`, set by `bedoeling.middleware.SessionAndAuditMiddleware`, so a
service never needs a request to say where an action came from. A Celery task has no request:
its lines say `"where": null`.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

logger = logging.getLogger("bedoeling.audit")

_where: ContextVar[str | None] = ContextVar("audit_where", default=None)


class Result:
    SUCCESS = "success"
    FAILURE = "failure"
    REFUSED = "refused"


def client_address(request: HttpRequest) -> str | None:
    """The address of the person, not of a proxy in front of the app.

    Only REMOTE_ADDR, unless BEDOELING_TRUSTED_PROXY_HEADER names the header the app's own
    proxies set (for example X-Forwarded-For). Each proxy appends the address it saw, so with
    BEDOELING_TRUSTED_PROXIES proxies the person's address is that many entries from the right;
    anything further left was written by the client and is ignored.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    header = getattr(settings, "BEDOELING_TRUSTED_PROXY_HEADER", "")
    if not header:
        return remote
    key = "HTTP_" + header.upper().replace("-", "_")
    values = [part.strip() for part in request.META.get(key, "").split(",") if part.strip()]
    proxies = max(1, getattr(settings, "BEDOELING_TRUSTED_PROXIES", 1))
    if len(values) < proxies:
        return remote
    candidate = values[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


@contextmanager
def request_context(request: HttpRequest) -> Iterator[None]:
    """Remember where the current request comes from for the audit lines it causes."""
    token = _where.set(client_address(request))
    try:
        yield
    finally:
        _where.reset(token)


def _object(obj) -> dict | None:
    if obj is None:
        return None
    if isinstance(obj, tuple):
        kind, pk = obj
        return {"type": kind, "id": pk}
    return {"type": obj._meta.label_lower, "id": obj.pk}


def audit(event: str, *, actor=None, obj=None, result: str = Result.SUCCESS, **detail) -> None:
    """Write one audit line. `actor` is a user (or None for the system), `obj` a model instance
    or a (type, id) pair; `detail` holds codes and ids only, never free text."""
    actor_id = getattr(actor, "pk", actor) if actor is not None else None
    line = {
        "who": actor_id,
        "what": event,
        "when": timezone.now().astimezone(dt.UTC).isoformat(),
        "where": _where.get(),
        "object": _object(obj),
        "result": result,
    }
    if detail:
        line["detail"] = detail
    logger.info(event, extra={"audit": line})


class JsonFormatter(logging.Formatter):
    """One JSON object per line; an audit record is written as its six fields (and detail)."""

    def format(self, record: logging.LogRecord) -> str:
        line = getattr(record, "audit", None)
        if line is None:
            line = {
                "level": record.levelname,
                "logger": record.name,
                "message": record.getMessage(),
            }
        return json.dumps(line, sort_keys=True, default=str)
