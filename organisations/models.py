"""The organisation: its purpose statement, its teams and who works in them in which role."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .querysets import MembershipQuerySet, OrganisationQuerySet, TeamQuerySet


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(
        _("purpose statement"),
        help_text=_("The purpose (“de bedoeling”) every decision is weighed against."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(
        _("team purpose"),
        blank=True,
        help_text=_("What this team is for, in the team's own words."),
    )

    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("team_detail", args=[self.pk])

    def role_of(self, user) -> str | None:
        """This person's role in this team, or None."""
        return Membership.objects.role_in(user, self.pk)

    def is_led_by(self, user) -> bool:
        """Whether this person leads the team: plans its meetings and decides its cases."""
        return self.role_of(user) == Role.LEAD


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("professional")
    LEAD = "lead", _("team lead")
    DIRECTOR = "director", _("director")


class Membership(models.Model):
    """One person's role in one team. A director's memberships are the teams they oversee.

    Typed in Django admin (local), or kept by single sign-on from the person's groups at the
    identity provider (sso): those are created, changed and ended at each login (sso/).
    """

    class Source(models.TextChoices):
        LOCAL = "local", _("typed in by an administrator")
        SSO = "sso", _("from the identity provider's groups")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("team")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    source = models.CharField(
        _("source"),
        max_length=10,
        choices=Source.choices,
        default=Source.LOCAL,
        help_text=_("Memberships from single sign-on are ended when the group is gone."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["team__name", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="membership_one_role_per_team"),
        ]

    def __str__(self) -> str:
        return f"{self.user} \u2014 {self.team} ({self.get_role_display()})"


class GroupMapping(models.Model):
    """Single sign-on: a group (a value of the groups claim) gives a role in a team."""

    claim_value = models.CharField(
        _("group"),
        max_length=255,
        help_text=_(
            "The value in the identity provider's groups claim, exactly as it is sent "
            "(a name, or an object id for Entra ID)."
        ),
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="group_mappings", verbose_name=_("team")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("group mapping")
        verbose_name_plural = _("group mappings")
        ordering = ["claim_value", "team__name"]
        constraints = [
            models.UniqueConstraint(fields=["claim_value", "team"], name="group_mapping_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_value} → {self.team} ({self.get_role_display()})"


class Preference(models.Model):
    """What a person chose for themselves: the language of their pages and of their mails."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="preference",
        verbose_name=_("person"),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"


def language_of(user) -> str:
    """The language to write to this person in: their last choice, else the site's."""
    try:
        chosen = user.preference.language
    except (Preference.DoesNotExist, AttributeError):
        chosen = ""
    return chosen or settings.LANGUAGE_CODE


def remember_language(user, language: str) -> None:
    if language in dict(settings.LANGUAGES):
        Preference.objects.update_or_create(user=user, defaults={"language": language})


# The transactional outbox keeps its models beside its logic; imported here so Django sees them.
from .outbox import OutboxMessage, ScheduledRun  # noqa: E402, F401
