"""Errors as `application/problem+json` (RFC 9457), as the API Design Rules ask: every error the
API gives, from a missing token to an unexpected failure, has this one shape."""

from __future__ import annotations

import logging
from http import HTTPStatus

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM = "application/problem+json"
KEPT_HEADERS = ("WWW-Authenticate", "Allow", "Retry-After")

logger = logging.getLogger(__name__)


class ProblemSerializer(serializers.Serializer):
    """The problem details document (RFC 9457); the schema's one error shape."""

    type = serializers.CharField(default="about:blank")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False)
    instance = serializers.CharField(required=False)
    invalid_params = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()), required=False
    )


def problem(status: int, detail: str, *, instance: str = "", invalid_params=None, headers=None):
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": str(detail),
    }
    if instance:
        body["instance"] = instance
    if invalid_params:
        body["invalid_params"] = invalid_params
    return Response(body, status=status, headers=headers, content_type=PROBLEM)


def _invalid_params(detail) -> list[dict]:
    if not isinstance(detail, dict):
        return []
    return [
        {"name": str(name), "reason": " ".join(str(reason) for reason in reasons)}
        for name, reasons in detail.items()
    ]


def _detail(exc) -> str:
    """The problem's detail in the caller's language, from this project's own catalogue."""
    if isinstance(exc, exceptions.NotAuthenticated):
        return _("This API needs a token: send it as Authorization: Bearer <token>.")
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("This API is read-only: only GET is allowed.")
    if isinstance(exc, exceptions.Throttled):
        return _("Too many calls with this token. Try again later (see Retry-After).")
    if isinstance(exc, exceptions.NotFound | Http404):
        return _("There is no such resource in this API, or it is outside this token's teams.")
    if isinstance(exc, exceptions.NotAcceptable):
        return _("This API answers in JSON only.")
    if isinstance(exc, exceptions.AuthenticationFailed):
        return str(exc.detail)  # our own messages (api/authentication.py)
    return _("This request cannot be answered.")


def exception_handler(exc, context):
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("API call failed", exc_info=exc)
        return problem(500, _("Something went wrong on our side."), instance=instance)
    if isinstance(exc, exceptions.ValidationError):
        return problem(
            response.status_code,
            _("The request has parameters that are not valid."),
            instance=instance,
            invalid_params=_invalid_params(exc.detail),
        )
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return problem(response.status_code, _detail(exc), instance=instance, headers=headers)
