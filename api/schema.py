"""The OpenAPI document's parts that drf-spectacular does not infer: the bearer token, the
problem+json answers every operation can give, and the `API-Version` header on every answer."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension

API_VERSION = "1.0.0"
PROBLEM = "application/problem+json"
ERRORS = {
    "400": "A query parameter is not valid.",
    "401": "No token, or a token that is unknown, expired or revoked.",
    "404": "No such object, or not within this token's teams.",
    "405": "The API is read-only.",
    "429": "Too many calls with this token; see Retry-After.",
    "500": "Something went wrong on the server.",
}
VERSION_HEADER = {
    "description": "The full version of the API that answered (API-57).",
    "schema": {"type": "string", "example": API_VERSION},
}
PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457).",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
    "required": ["type", "title", "status"],
}


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "bearerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token an administrator created for your application.",
        }


def add_problems_and_version(result, generator, request, public):
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS)."""
    # API-? /core/uri-version: the server's address carries the major version; the paths are
    # relative to it. Served, it is the address the document was fetched from.
    base = request.build_absolute_uri("/") if request is not None else settings.BASE_URL
    result["servers"] = [{"url": base.rstrip("/") + "/api/v1"}]
    result["info"]["contact"] = {
        "name": settings.BEDOELING_API_CONTACT_NAME,
        "email": settings.BEDOELING_API_CONTACT_EMAIL,
        "url": settings.BASE_URL,
    }
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    components.setdefault("headers", {})["API-Version"] = VERSION_HEADER
    problem = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            has_query = any(p.get("in") == "query" for p in operation.get("parameters", []))
            for status, description in ERRORS.items():
                if status == "400" and not has_query:
                    continue
                responses.setdefault(status, {"description": description, "content": problem})
            for response in responses.values():
                response.setdefault("headers", {})["API-Version"] = {
                    "$ref": "#/components/headers/API-Version"
                }
    return result
