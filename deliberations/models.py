"""The case consultation ("casusoverleg"): meetings, agenda items, decisions and what follows.

Decisions are accountability records. Closing a meeting freezes its decisions; a correction is a
new decision that supersedes the old one. On PostgreSQL triggers refuse any UPDATE or DELETE
of a frozen decision, its values weighed and actions, and a closed meeting (migration 0007).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations import clock

from .querysets import ActionQuerySet, DecisionQuerySet, EscalationQuerySet, MeetingQuerySet


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        CLOSED = "closed", _("closed")

    team = models.ForeignKey(
        "bedoeling.Team", on_delete=models.PROTECT, related_name="meetings", verbose_name=_("team")
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_meetings",
        verbose_name=_("chair"),
    )
    starts_at = models.DateTimeField(_("date and time"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="meetings",
        blank=True,
        verbose_name=_("participants"),
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="attended_meetings",
        blank=True,
        verbose_name=_("present"),
        help_text=_("Who actually took part, recorded by the chair while the meeting runs."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.TextField(
        _("minutes"), blank=True, help_text=_("Drafted during the meeting, frozen when it closes.")
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=clock.now)
    started_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("case consultation")
        verbose_name_plural = _("case consultations")
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.team} {self.starts_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("deliberations:meeting", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class AgendaItem(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("to discuss")
        DECIDED = "decided", _("decided")
        POSTPONED = "postponed", _("postponed")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="items", verbose_name=_("meeting")
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="agenda_items", verbose_name=_("case")
    )
    position = models.PositiveIntegerField(_("position"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="agenda_item_case_once"),
            # A case sits on one open agenda at a time.
            models.UniqueConstraint(
                fields=["case"], condition=Q(state="open"), name="agenda_item_one_open_per_case"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}#{self.position} {self.case_id}"


class DecisionKind(models.TextChoices):
    APPLY_RULE = "apply_rule", _("apply the rule")
    ROOM_WITHIN_RULES = "room_within_rules", _("use room within the rules")
    DEVIATION = "deviation", _("justified deviation")
    REFER = "refer", _("refer to another department or organisation")
    ESCALATE = "escalate", _("escalate to a director")
    POSTPONE = "postpone", _("postpone")

    @property
    def settles(self) -> bool:
        """Whether a decision of this kind settles the case: it answers the case's question.

        Escalating hands the question on and postponing leaves it open; every other kind
        settles it (a director's answer to an escalation is one of those).
        """
        return self not in (DecisionKind.ESCALATE, DecisionKind.POSTPONE)

    @classmethod
    def settling(cls) -> list[str]:
        return [kind.value for kind in cls if kind.settles]


# Kinds that point the opposite way from each other, for the equal-treatment check.
FOLLOWS_RULE = {DecisionKind.APPLY_RULE}
DEPARTS_FROM_RULE = {DecisionKind.ROOM_WITHIN_RULES, DecisionKind.DEVIATION}


# Kinds that must name their legal ground (or be escalated instead).
NEEDS_LEGAL_GROUND = DEPARTS_FROM_RULE


class LegalGround(models.Model):
    """The lawful basis for departing from the rule: a short list kept as data (seeded by
    migration 0008, edited in admin). A ground with `requires_text` ("other") asks for words."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    requires_text = models.BooleanField(
        _("asks for an explanation"),
        default=False,
        help_text=_('The decision must explain in words which ground applies ("other").'),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("legal ground")
        verbose_name_plural = _("legal grounds")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


def points_opposite(kind_a: str, kind_b: str) -> bool:
    return (kind_a in FOLLOWS_RULE and kind_b in DEPARTS_FROM_RULE) or (
        kind_a in DEPARTS_FROM_RULE and kind_b in FOLLOWS_RULE
    )


class Decision(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="decisions", verbose_name=_("case")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    escalation = models.ForeignKey(
        "Escalation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("answer to escalation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("decided by"),
    )
    kind = models.CharField(_("decision"), max_length=30, choices=DecisionKind.choices)
    rationale = models.TextField(
        _("rationale"),
        max_length=5000,
        help_text=_("Why does this serve the purpose — or why does the rule?"),
    )
    public_values = models.ManyToManyField(
        "cases.PublicValue", blank=True, related_name="decisions", verbose_name=_("values weighed")
    )
    values_weighing = models.TextField(
        _("how the values were weighed"), blank=True, max_length=3000
    )
    backing = models.BooleanField(
        _("the lead backs the professional"),
        default=False,
        help_text=_("Rugdekking: the lead stands behind the professional's handling."),
    )
    rule_chafes = models.BooleanField(
        _("this rule chafes structurally"),
        default=False,
        help_text=_("Signal that the rule should change."),
    )
    refer_to = models.CharField(_("referred to"), max_length=200, blank=True)
    legal_ground = models.ForeignKey(
        LegalGround,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("legal ground"),
        help_text=_("Required for a justified deviation and for room within the rules."),
    )
    legal_ground_text = models.TextField(_("legal ground explained"), blank=True, max_length=1000)
    evaluate_on = models.DateField(_("evaluate the outcome on"), null=True, blank=True)
    compared_with = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("most similar earlier decision"),
    )
    difference = models.TextField(
        _("why this case differs"),
        blank=True,
        max_length=3000,
        help_text=_(
            "Required when this decision points the other way than the most similar earlier one."
        ),
    )
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("corrects"),
    )
    supersede_reason = models.TextField(_("reason for the correction"), blank=True, max_length=3000)
    frozen = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("recorded"), default=clock.now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["created_at"], name="decision_created_at")]
        constraints = [
            # Exactly one decision per agenda item; corrections and answers have no item.
            models.UniqueConstraint(fields=["agenda_item"], name="decision_one_per_item"),
            models.UniqueConstraint(fields=["escalation"], name="decision_one_per_escalation"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_kind_display()}"

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "superseded_by") or self.superseded_by is None


class Escalation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ANSWERED = "answered", _("answered")

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="escalations", verbose_name=_("case")
    )
    decision = models.OneToOneField(
        Decision,
        on_delete=models.PROTECT,
        related_name="escalation_raised",
        verbose_name=_("escalating decision"),
    )
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="escalations",
        verbose_name=_("director"),
    )
    question = models.TextField(_("question for the director"), max_length=3000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=clock.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = EscalationQuerySet.as_manager()

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} \u2192 {self.director}"

    def get_absolute_url(self) -> str:
        return reverse("deliberations:escalation", args=[self.pk])


class Action(models.Model):
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="actions", verbose_name=_("decision")
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="actions", verbose_name=_("case")
    )
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description


class Outcome(models.Model):
    """Did the decision serve the purpose? Recorded by the case's author."""

    class Served(models.TextChoices):
        YES = "yes", _("yes")
        PARTLY = "partly", _("partly")
        NO = "no", _("no")

    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="outcome", verbose_name=_("case")
    )
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="outcomes", verbose_name=_("decision")
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    served = models.CharField(
        _("did the decision serve the purpose?"), max_length=10, choices=Served.choices
    )
    note = models.TextField(_("note"), max_length=3000)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.served}"


class ReminderSent(models.Model):
    """One reminder e-mail per person per day: the unique row makes a second run a no-op."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="reminder_once_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}"
