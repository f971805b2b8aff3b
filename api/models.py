"""Tokens for the applications that read the API: created by an administrator, stored only as a
hash, scoped to the whole organisation or to some of its teams, and valid until they expire."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations import clock
from organisations.models import Organisation, Team

TOKEN_PREFIX = "bdl_"  # noqa: S105 -- a marker, not a secret


def hash_key(key: str) -> str:
    """A token is 256 random bits: one SHA-256 is enough to make its stored form useless."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def holding(self, key: str) -> ApiToken | None:
        """The token whose secret is `key` (expired or revoked ones too), or None."""
        if not key.startswith(TOKEN_PREFIX):
            return None
        return self.select_related("organisation").filter(key_hash=hash_key(key)).first()


class ApiToken(models.Model):
    application = models.CharField(
        _("application"),
        max_length=120,
        help_text=_("The application that reads the API with this token, e.g. the BI platform."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="api_tokens",
        verbose_name=_("organisation"),
    )
    teams = models.ManyToManyField(
        Team,
        blank=True,
        related_name="api_tokens",
        verbose_name=_("teams"),
        help_text=_(
            "Empty: the whole organisation, including its organisation-wide digests. "
            "Otherwise only what these teams' members see."
        ),
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_hint = models.CharField(
        _("starts with"),
        max_length=12,
        editable=False,
        help_text=_("The first characters of the token, to recognise it."),
    )
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["application", "-created_at"]

    def __str__(self) -> str:
        return f"{self.application} ({self.key_hint}\u2026)"

    def new_key(self) -> str:
        """Give the token a new secret and return it: the only moment it exists in clear."""
        key = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self.key_hash = hash_key(key)
        self.key_hint = key[:10]
        return key

    def is_valid(self) -> bool:
        return self.revoked_at is None and clock.now() < self.expires_at

    @property
    def organisation_wide(self) -> bool:
        return not self.teams.exists()

    def reads_organisation_digest(self) -> bool:
        """The organisation's digest counts every team's cases (`digests.figures.scope_cases`),
        so only a token that reads every team reads it."""
        return (
            self.organisation_wide
            and not Team.objects.exclude(organisation=self.organisation).exists()
        )

    def scope_teams(self) -> models.QuerySet:
        """The teams this token reads: its own, or all of its organisation's."""
        teams = Team.objects.filter(organisation=self.organisation)
        if self.organisation_wide:
            return teams
        return teams.filter(pk__in=self.teams.values("pk"))
