"""Digests ("rode draden"): stored snapshots of the patterns in a scope and period; signals that
turn a rule that keeps chafing into a structural question; good examples for everyone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations import clock

from .querysets import (
    BuildRequestQuerySet,
    DigestQuerySet,
    SignalQuerySet,
    StoryQuerySet,
    ThreadQuerySet,
)

FORMAT_VERSION = 3  # 3: patterns and flags by the similarity engine, naming threads


class Digest(models.Model):
    team = models.ForeignKey(
        "bedoeling.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="digests",
        verbose_name=_("team"),
        help_text=_("Empty: the whole organisation."),
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("up to and including"))
    version = models.PositiveIntegerField(_("version"), default=1)
    built_at = models.DateTimeField(_("built"), default=clock.now)
    data = models.JSONField(_("figures"))
    format_version = models.PositiveSmallIntegerField(default=FORMAT_VERSION)
    task_id = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text=_("The Celery task that built it: a redelivered task stores no second digest."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = DigestQuerySet.as_manager()

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-end", "-built_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "start", "end", "version"], name="digest_unique_version"
            ),
            models.UniqueConstraint(
                fields=["start", "end", "version"],
                condition=models.Q(team__isnull=True),
                name="digest_unique_org_version",
            ),
        ]

    def __str__(self) -> str:
        scope = self.team.name if self.team_id else _("organisation")
        return f"{scope} {self.start}\u2013{self.end} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("digests:detail", args=[self.pk])

    @property
    def scope_label(self) -> str:
        return self.team.name if self.team_id else str(_("The whole organisation"))


class Signal(models.Model):
    """One per rule flagged as chafing structurally; collects the cases behind it."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        UNDER_REVIEW = "under_review", _("under review")
        TAKEN_UP = "taken_up", _("taken up")
        CHANGED = "changed", _("rule changed")
        DECLINED = "declined", _("declined")

    rule = models.OneToOneField(
        "cases.Rule", on_delete=models.PROTECT, related_name="signal", verbose_name=_("rule")
    )
    cases = models.ManyToManyField("cases.Case", related_name="signals", verbose_name=_("cases"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    taken_up_with = models.CharField(
        _("taken up with"),
        max_length=200,
        blank=True,
        help_text=_("Policy, the ministry, another department, …"),
    )
    reason = models.TextField(_("reason"), blank=True, max_length=3000)
    created_at = models.DateTimeField(_("signalled"), default=clock.now)
    updated_at = models.DateTimeField(_("last change"), default=clock.now)

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return str(self.rule)

    def get_absolute_url(self) -> str:
        return reverse("digests:signal", args=[self.pk])


class SignalEvent(models.Model):
    """A change of a signal's state, shown on the signals page and on the cases behind it."""

    signal = models.ForeignKey(Signal, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_state = models.CharField(max_length=20, choices=Signal.State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=Signal.State.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.signal_id}: {self.from_state} \u2192 {self.to_state}"


class Story(models.Model):
    """A good example: a decided case told as a short anonymised story for the organisation."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="stories", verbose_name=_("case")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("story"), max_length=5000)
    lesson = models.TextField(_("the lesson"), max_length=2000)
    published_at = models.DateTimeField(_("published"), default=clock.now, db_index=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("good example")
        verbose_name_plural = _("good examples")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Thread(models.Model):
    """A rode draad: a situation that runs through many cases, proposed by the similarity
    engine and confirmed, named, merged, split or rejected by a lead or director.

    A rejected proposal is kept, so the same cases are not proposed again. Its rules and its
    trend are worked out from its cases when read (`digests.threads`).
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    name = models.CharField(
        _("name"), max_length=120, blank=True, help_text=_("Empty until someone names it.")
    )
    description = models.CharField(
        _("description"), max_length=300, blank=True, help_text=_("One line: what runs through.")
    )
    labels = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Words the machine proposed; shown only to people who may see the cases."),
    )
    cases = models.ManyToManyField("cases.Case", related_name="threads", verbose_name=_("cases"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    created_at = models.DateTimeField(_("proposed"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the machine proposed it."),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signal = models.ForeignKey(
        Signal, on_delete=models.SET_NULL, null=True, blank=True, related_name="threads"
    )
    version = models.PositiveIntegerField(default=1)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("rode draad")
        verbose_name_plural = _("rode draden")
        ordering = ["-confirmed_at", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name or _("Proposed thread %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("digests:thread", args=[self.pk])


class BuildRequest(models.Model):
    """Someone (or the Monday schedule) asked for a digest: what became of it.

    Written in the same transaction as the outbox row that starts the build
    (digests/builds.py); the build stores at most one digest per request.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting to be built")
        RUNNING = "running", _("being built")
        DONE = "done", _("built")
        FAILED = "failed", _("failed")

    team = models.ForeignKey(
        "bedoeling.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("up to and including"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=clock.now)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    digest = models.ForeignKey(
        Digest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = BuildRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("digest request")
        verbose_name_plural = _("digest requests")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.scope_label} {self.start}\u2013{self.end}: {self.state}"

    @property
    def scope_label(self) -> str:
        return self.team.name if self.team_id else str(_("The whole organisation"))

    @property
    def task_id(self) -> str:
        """Stored on the digest: a second run of this request stores no second digest."""
        return f"request-{self.pk}"
