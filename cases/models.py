"""Cases: where applying a rule would go against the purpose it serves.

The taxonomies (regulations and rules, public values, barriers) are managed in Django admin and
seeded with Dutch defaults. A case changes only through the functions in `cases/services.py`,
each of which writes an event on the case's timeline.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from organisations import clock

from .querysets import CaseEventQuerySet, CaseQuerySet, CommentQuerySet, RuleQuerySet


class Regulation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=40, unique=True, help_text=_("E.g. AIO, AOW, Participatiewet.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name


class Rule(models.Model):
    regulation = models.ForeignKey(
        Regulation, on_delete=models.PROTECT, related_name="rules", verbose_name=_("regulation")
    )
    reference = models.CharField(
        _("reference"), max_length=120, help_text=_("Short reference, e.g. kostendelersnorm.")
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("in force"),
        default=True,
        help_text=_("Retired rules stay on existing cases but cannot be chosen for new ones."),
    )
    # Who answers for the rule: a person with an account, or a department and how to reach it.
    policy_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_rules",
        verbose_name=_("policy owner"),
        help_text=_(
            "The person who answers for this rule. They read and move its signal and read the "
            "good examples about it."
        ),
    )
    policy_department = models.CharField(
        _("policy department"),
        max_length=200,
        blank=True,
        help_text=_("Or the department that answers for the rule, if it has no person here."),
    )
    policy_contact = models.CharField(
        _("policy contact"),
        max_length=200,
        blank=True,
        help_text=_("How to reach that department: an e-mail address or a phone number."),
    )

    objects = RuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["regulation__short_name", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["regulation", "reference"], name="rule_unique_ref"),
        ]

    def __str__(self) -> str:
        return f"{self.regulation.short_name} \u2014 {self.reference}"


class PublicValue(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("public value")
        verbose_name_plural = _("public values")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Barrier(models.Model):
    class Kind(models.TextChoices):
        INTERNAL = "internal", _("internal")
        EXTERNAL = "external", _("external")

    class Corner(models.TextChoices):
        """The corners of Moore's strategic triangle."""

        VALUE = "value", _("public value proposition")
        CAPACITY = "capacity", _("operational capacity")
        LEGITIMACY = "legitimacy", _("legitimacy and support")

    name = models.CharField(_("name"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("internal or external"), max_length=10, choices=Kind.choices)
    corner = models.CharField(
        _("corner of the strategic triangle"), max_length=12, choices=Corner.choices
    )

    class Meta:
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    SCHEDULED = "scheduled", _("on an agenda")
    DECIDED = "decided", _("decided")
    ESCALATED = "escalated", _("escalated")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")


# "Open": not closed and not withdrawn. The one definition; `CaseQuerySet.open()` uses it.
OPEN_STATUSES = (
    CaseStatus.DRAFT,
    CaseStatus.SUBMITTED,
    CaseStatus.SCHEDULED,
    CaseStatus.DECIDED,
    CaseStatus.ESCALATED,
)
# Submitted and still waiting for a decision: in the queue, on an agenda or with a director.
AWAITING_DECISION = (CaseStatus.SUBMITTED, CaseStatus.SCHEDULED, CaseStatus.ESCALATED)


class Case(models.Model):
    # The free-text fields, in the order the intake form asks for them. Each one goes through
    # the privacy guard before it is saved.
    TEXT_FIELDS = ("title", "situation", "proposed_rule", "effect", "conflict", "question")

    team = models.ForeignKey(
        "bedoeling.Team", on_delete=models.PROTECT, related_name="cases", verbose_name=_("team")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("author"),
    )
    title = models.CharField(
        _("title"), max_length=160, help_text=_("A few words that say what the case is about.")
    )
    situation = models.TextField(
        _("situation"),
        max_length=5000,
        help_text=_("What is going on in the citizen's world? Pseudonymised: no names or numbers."),
    )
    rule = models.ForeignKey(
        Rule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("rule"),
        help_text=_("Which rule is at stake?"),
    )
    proposed_rule = models.CharField(
        _("rule not in the list"),
        max_length=300,
        blank=True,
        help_text=_("Not in the list? Describe the rule in your own words."),
    )
    effect = models.TextField(
        _("effect of applying the rule"),
        max_length=5000,
        help_text=_("What would applying the rule do to this citizen?"),
    )
    conflict = models.TextField(
        _("clash with the purpose"),
        max_length=5000,
        help_text=_("Why does that go against the purpose of the rule or of our organisation?"),
    )
    public_values = models.ManyToManyField(
        PublicValue,
        blank=True,
        related_name="cases",
        verbose_name=_("public values at stake"),
        help_text=_("Which public values pull against each other here?"),
    )
    barrier = models.ForeignKey(
        Barrier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("barrier"),
        help_text=_("What stands in the way of doing what the purpose asks?"),
    )
    harm_date = models.DateField(
        _("harm starts on"),
        null=True,
        blank=True,
        help_text=_("When does the citizen feel the consequences, if nothing happens? Optional."),
    )
    question = models.TextField(
        _("question for the consultation"),
        max_length=2000,
        help_text=_("What do you want the case consultation to decide or advise?"),
    )
    zaak_reference = models.CharField(
        _("zaak"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_(
            "Optional: the number of the zaak in the zaaksysteem this case comes from, or its "
            "address in the Zaken API. It is shown as a link and is never part of the case's text."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.DRAFT
    )
    version = models.PositiveIntegerField(
        default=1, help_text=_("Raised on every change; an edit over an older version is refused.")
    )
    keywords = models.CharField(
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("The case's most frequent content words, for recurring patterns."),
    )
    intake_token = models.UUIDField(
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("One per intake form, so a double submit creates one case, not two."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), default=clock.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["team", "status"], name="case_team_status"),
            models.Index(fields=["status", "rule"], name="case_status_rule"),
            models.Index(fields=["submitted_at"], name="case_submitted_at"),
            models.Index(fields=["team", "submitted_at"], name="case_team_submitted_at"),
            models.Index(fields=["status", "submitted_at"], name="case_status_submitted"),
            # Every digest query leaves drafts out; this keeps that cheap at a million cases.
            models.Index(fields=["id"], condition=models.Q(status="draft"), name="case_drafts"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """The case number people quote: C-2026-00042."""
        year = self.created_at.year if self.created_at else ""
        return f"C-{year}-{self.pk:05d}" if self.pk else ""

    @property
    def zaak(self):
        """The zaak this case came from, for display (see cases.zaak), or None."""
        from .zaak import reference_of

        return reference_of(self.zaak_reference)

    @property
    def rule_label(self) -> str:
        return str(self.rule) if self.rule_id else self.proposed_rule

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class CaseEvent(models.Model):
    """One entry on a case's timeline. Append-only: never changed, never deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        SUBMITTED = "submitted", _("submitted")
        WITHDRAWN = "withdrawn", _("withdrawn")
        COMMENTED = "commented", _("colleague input added")
        PRIVACY_CONFIRMED = "privacy_confirmed", _("confirmed a number is not personal data")
        STATUS_CHANGED = "status_changed", _("status changed")
        SCHEDULED = "scheduled", _("put on an agenda")
        UNSCHEDULED = "unscheduled", _("taken off an agenda")
        DECIDED = "decided", _("decision recorded")
        SUPERSEDED = "superseded", _("decision corrected")
        ESCALATED = "escalated", _("escalated to a director")
        ESCALATION_ANSWERED = "escalation_answered", _("escalation answered")
        ACTION_ADDED = "action_added", _("action added")
        ACTION_DONE = "action_done", _("action done")
        OUTCOME_RECORDED = "outcome_recorded", _("outcome recorded")
        CLOSED = "closed", _("closed")
        STORY_PUBLISHED = "story_published", _("published as a good example")
        ANONYMISED = "anonymised", _("anonymised after its retention period")
        SIGNAL_MOVED = "signal_moved", _("the signal about its rule moved")

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="events", verbose_name=_("case")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    kind = models.CharField(_("what"), max_length=30, choices=Kind.choices)
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    fields = models.JSONField(
        default=list, blank=True, help_text=_("Names of the fields that changed.")
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(_("when"), default=clock.now, db_index=True)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("Timeline events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Timeline events are never deleted.")

    def field_labels(self) -> list[str]:
        """The fields named, in words: a case's own ("situation") or another model's, written
        as "app_label.model.field" (a comment's text, a decision's rationale). A name that no
        longer resolves is shown as it is, so an old event can never break the case page."""
        return [_field_label(name) for name in self.fields]

    def signal_states(self) -> tuple[str, str] | None:
        """A "signal_moved" event's from and to state in words. Its note holds the two state
        codes ("open→taken_up", from empty when the signal was raised), never free text; the
        words are the signal model's own (an app above this one), looked up by name so an old
        or anonymised event shows without them instead of breaking the page."""
        if self.kind != self.Kind.SIGNAL_MOVED or SIGNAL_STATE_SEPARATOR not in self.note:
            return None
        try:
            labels = dict(apps.get_model("digests", "Signal")._meta.get_field("state").choices)
        except (LookupError, FieldDoesNotExist):
            labels = {}
        before, after = self.note.split(SIGNAL_STATE_SEPARATOR, 1)
        return (str(labels.get(before, before)), str(labels.get(after, after)))


SIGNAL_STATE_SEPARATOR = "→"


def _field_label(name: str) -> str:
    try:
        if name.count(".") == 2:
            app_label, model_name, field = name.split(".")
            model = apps.get_model(app_label, model_name)
        else:
            model, field = Case, name
        return capfirst(model._meta.get_field(field).verbose_name)
    except (LookupError, FieldDoesNotExist):
        return str(_LEGACY_LABELS.get(name, name))


# Field names written by earlier versions without their model.
_LEGACY_LABELS = {"text": _("colleague input"), "reason": _("reason for withdrawing")}


class Comment(models.Model):
    """Colleague input ("klankborden") on a case."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="comments", verbose_name=_("case")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="case_comments",
        verbose_name=_("author"),
    )
    text = models.TextField(_("your input"), max_length=3000)
    created_at = models.DateTimeField(_("placed"), default=clock.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("colleague input")
        verbose_name_plural = _("colleague input")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.text[:40]}"


class CasePermissions:
    """What one person may do with one case (they can already see it)."""

    def __init__(self, case: Case, user) -> None:
        from organisations.models import Membership, Role

        self.case = case
        self.user = user
        self.role = Membership.objects.role_in(user, case.team_id)
        self.is_author = case.author_id == user.pk
        self.is_lead = self.role == Role.LEAD
        self.is_director = self.role == Role.DIRECTOR

    @property
    def can_edit(self) -> bool:
        if self.case.status == CaseStatus.DRAFT:
            return self.is_author
        return self.case.status == CaseStatus.SUBMITTED and self.is_lead

    @property
    def can_submit(self) -> bool:
        return self.case.status == CaseStatus.DRAFT and self.is_author

    @property
    def can_withdraw(self) -> bool:
        if self.case.status not in (CaseStatus.DRAFT, CaseStatus.SUBMITTED):
            return False
        return self.is_author or self.is_lead

    @property
    def can_adopt_rule(self) -> bool:
        return self.is_lead and not self.case.rule_id and bool(self.case.proposed_rule)

    @property
    def can_comment(self) -> bool:
        return self.case.status != CaseStatus.WITHDRAWN and not self.is_director


class AnonymisationRun(models.Model):
    """One run of the retention job (`cases.retention`): the audit trail of the one path the
    database lets rewrite a frozen record's text.

    The PostgreSQL triggers (see `cases/migrations/0009_append_only_records.py`) let an UPDATE
    of a frozen record through only while the transaction names an unfinished, real run of this
    table in the `bedoeling.anonymisation_run` setting, and only to replace free text by the
    marker. Dry runs are logged too; they never open that path.
    """

    started_at = models.DateTimeField(_("started"), default=clock.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    source = models.CharField(
        _("started by"), max_length=100, help_text=_("The command, the scheduled job, …")
    )
    case_ids = models.JSONField(_("cases"), default=list, blank=True)
    counts = models.JSONField(
        _("rows anonymised"), default=dict, blank=True, help_text=_("Per table.")
    )

    class Meta:
        verbose_name = _("anonymisation run")
        verbose_name_plural = _("anonymisation runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({len(self.case_ids)})"


class RetentionPolicy(models.Model):
    """How long an organisation keeps the free text of its ended cases (Archiefwet, AVG).

    Empty years: the default for the case's regulation from the selectielijst-like table in
    `cases/retention_table.csv` (see `cases.retention`).
    """

    organisation = models.OneToOneField(
        "bedoeling.Organisation",
        on_delete=models.CASCADE,
        related_name="retention_policy",
        verbose_name=_("organisation"),
    )
    years = models.PositiveSmallIntegerField(
        _("years after a case ends"),
        null=True,
        blank=True,
        help_text=_(
            "After this many years a closed or withdrawn case's text is anonymised. Empty: the "
            "default per regulation from the selection list."
        ),
    )
    basis = models.CharField(
        _("basis"),
        max_length=300,
        blank=True,
        help_text=_("Where the period comes from, e.g. the selection list and its category."),
    )

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.years}"


class StoredIndex(models.Model):
    """The similarity index (cases.similarity) as Celery last saved it; requests only read it.

    One row per index. `stamp` changes on every save, so a process that cached the index knows
    from one small query whether its copy is still current (cases.similar.current_index).
    """

    name = models.CharField(max_length=40, unique=True)
    stamp = models.CharField(max_length=32, help_text=_("Changes on every save."))
    data = models.BinaryField(help_text=_("The index as written by SimilarityIndex.save."))
    cases = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("similarity index")
        verbose_name_plural = _("similarity indexes")

    def __str__(self) -> str:
        return f"{self.name} ({self.cases})"
