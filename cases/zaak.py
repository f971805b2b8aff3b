"""The zaak a case came from: a reference into the organisation's zaaksysteem.

A case may carry one reference, in either of two forms:

- the zaak's identification as the zaaksysteem shows it ("ZAAK-2026-0000123"): at most 40
  characters (the ZGW Zaken API's `identificatie`), letters, digits and `- _ . /`;
- the URL of the zaak in a ZGW Zaken API ("https://zaken.example.nl/zaken/api/v1/zaken/<uuid>").

The reference is kept in its own field, never in the case's text, and is not personal data by
itself; a value that looks like personal data (a citizen service number, a phone number) is
refused all the same. It is shown as a
link: an identification through `BEDOELING_ZAAK_LINK` (a URL with `{identification}`), a URL as it
is or through the same template with `{uuid}`. `BEDOELING_ZAAK_HOSTS` (comma-separated) limits the
hosts a URL may point to, so a case page never links to an arbitrary site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .privacy import find_personal_data

IDENTIFICATION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")
ZAAK_PATH = re.compile(
    r"(?:/[A-Za-z0-9._-]+)*/zaken/api/v1/zaken/"
    r"(?P<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
)
MAX_LENGTH = 200


@dataclass(frozen=True)
class ZaakReference:
    value: str
    uuid: str = ""
    linkable: bool = True

    @property
    def is_url(self) -> bool:
        return bool(self.uuid)

    @property
    def label(self) -> str:
        """What a person reads: the identification, or the host and the zaak's short id."""
        if not self.is_url:
            return self.value
        return f"{urlsplit(self.value).hostname} · {self.uuid[:8]}"

    @property
    def link(self) -> str:
        """Where the reference leads, or "" when it is shown as text only."""
        if not self.linkable:
            return ""
        template = getattr(settings, "BEDOELING_ZAAK_LINK", "") or ""
        if self.is_url:
            return template.replace("{uuid}", self.uuid) if "{uuid}" in template else self.value
        if "{identification}" in template:
            return template.replace("{identification}", quote(self.value, safe=""))
        return ""


def allowed_hosts() -> set[str]:
    hosts = getattr(settings, "BEDOELING_ZAAK_HOSTS", "") or ""
    return {host.strip().lower() for host in hosts.split(",") if host.strip()}


def parse(value: str) -> ZaakReference:
    """The normalised reference in `value`; raises ValidationError with a message for people."""
    value = value.strip()
    if len(value) > MAX_LENGTH:
        raise ValidationError(
            _("A zaak reference has at most %(limit)d characters.") % {"limit": MAX_LENGTH},
            code="too_long",
        )
    if "://" in value:
        return _parse_url(value)
    if not IDENTIFICATION.fullmatch(value):
        raise ValidationError(
            _(
                "Give the zaak's identification (at most 40 letters, digits and - _ . /) or the "
                "address of the zaak in the Zaken API."
            ),
            code="invalid",
        )
    if find_personal_data(value):
        raise ValidationError(
            _("This looks like personal data, not a zaak reference. Give the zaak's number."),
            code="personal_data",
        )
    return ZaakReference(value=value)


def _parse_url(value: str) -> ZaakReference:
    parts = urlsplit(value)
    match = ZAAK_PATH.fullmatch(parts.path.rstrip("/").lower())
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment or not match:
        raise ValidationError(
            _(
                "A zaak address looks like https://zaken.example.nl/zaken/api/v1/zaken/ followed "
                "by the zaak's UUID."
            ),
            code="invalid_url",
        )
    hosts = allowed_hosts()
    if hosts and parts.hostname.lower() not in hosts:
        raise ValidationError(
            _("Zaken from %(host)s are not linked here. Use the zaak's identification instead.")
            % {"host": parts.hostname},
            code="host",
        )
    port = f":{parts.port}" if parts.port else ""
    normalised = f"https://{parts.hostname.lower()}{port}{parts.path.rstrip('/').lower()}"
    return ZaakReference(value=normalised, uuid=match["uuid"])


def reference_of(stored: str) -> ZaakReference | None:
    """The reference a case stores, for display; None when there is none or it no longer
    validates (a host removed from the allowed list: then it shows as text, without a link)."""
    if not stored:
        return None
    try:
        return parse(stored)
    except ValidationError:
        return ZaakReference(value=stored, linkable=False)


def search_key(text: str) -> str | None:
    """The stored form of a search text that is a zaak reference, else None."""
    try:
        return parse(text).value
    except ValidationError:
        return None
