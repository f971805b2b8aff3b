"""Every change to a case: one function per change, atomic, and each writes a timeline event."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone

from .keywords import case_keywords
from .models import Case, CaseEvent, CaseStatus, Comment, Rule
from .tasks import notify_case_submitted


class StaleCase(Exception):
    """The case changed since the person opened it; nothing was overwritten."""


class InvalidTransition(Exception):
    pass


def add_event(case: Case, actor, kind: str, **kwargs) -> CaseEvent:
    """One entry on the case's timeline; every app writes the timeline through this."""
    return CaseEvent.objects.create(case=case, actor=actor, kind=kind, **kwargs)


def _confirmations(case: Case, actor, confirmed: Iterable[tuple[str, str]]) -> None:
    """Record that the person confirmed uncertain findings are not personal data.

    Only the field and the kind of data are stored, never the value.
    """
    confirmed = sorted(set(confirmed))
    if confirmed:
        add_event(
            case,
            actor,
            CaseEvent.Kind.PRIVACY_CONFIRMED,
            fields=sorted({field for field, _ in confirmed}),
            note=", ".join(f"{field}: {kind}" for field, kind in confirmed),
        )


@transaction.atomic
def create_case(
    *,
    author,
    team,
    data: dict,
    public_values: Iterable = (),
    submit: bool = False,
    intake_token: uuid.UUID | None = None,
    confirmed: Iterable[tuple[str, str]] = (),
) -> tuple[Case, bool]:
    """Create a case as a draft, or submit it at once. Returns (case, created).

    The same intake token twice (a double submit) returns the first case instead of a second.
    """
    if intake_token is not None:
        existing = Case.objects.filter(intake_token=intake_token).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            case = Case(author=author, team=team, intake_token=intake_token, **data)
            case.keywords = case_keywords(case)
            case.save()
    except IntegrityError:
        existing = Case.objects.filter(intake_token=intake_token).first()
        if existing is None:
            raise
        return existing, False
    case.public_values.set(public_values)
    add_event(case, author, CaseEvent.Kind.CREATED, to_status=CaseStatus.DRAFT)
    _confirmations(case, author, confirmed)
    if submit:
        case = submit_case(case=case, actor=author)
    return case, True


@transaction.atomic
def update_case(
    *,
    case: Case,
    actor,
    data: dict,
    public_values: Iterable,
    version: int,
    confirmed: Iterable[tuple[str, str]] = (),
) -> Case:
    """Save an edit made on `version`; refuse it when someone saved a newer version meanwhile."""
    public_values = list(public_values)
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.version != version:
        raise StaleCase
    changed = [name for name, value in data.items() if getattr(current, name) != value]
    old_values = set(current.public_values.values_list("pk", flat=True))
    if old_values != {value.pk for value in public_values}:
        changed.append("public_values")
    if not changed:
        return current
    for name, value in data.items():
        setattr(current, name, value)
    updated = Case.objects.filter(pk=case.pk, version=version).update(
        **data, keywords=case_keywords(current), version=version + 1, updated_at=timezone.now()
    )
    if updated != 1:
        raise StaleCase
    current.refresh_from_db()
    current.public_values.set(public_values)
    add_event(current, actor, CaseEvent.Kind.EDITED, fields=changed)
    _confirmations(current, actor, confirmed)
    return current


def _transition(
    case: Case, actor, *, allowed_from: tuple[str, ...], to: str, kind: str, note: str = ""
) -> Case:
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.status not in allowed_from:
        raise InvalidTransition(f"{current.status} -> {to}")
    previous = current.status
    current.status = to
    current.version += 1
    fields = ["status", "version", "updated_at"]
    if to == CaseStatus.SUBMITTED and current.submitted_at is None:
        current.submitted_at = timezone.now()
        fields.append("submitted_at")
    current.save(update_fields=fields)
    add_event(current, actor, kind, from_status=previous, to_status=to, note=note)
    return current


@transaction.atomic
def submit_case(*, case: Case, actor) -> Case:
    case = _transition(
        case,
        actor,
        allowed_from=(CaseStatus.DRAFT,),
        to=CaseStatus.SUBMITTED,
        kind=CaseEvent.Kind.SUBMITTED,
    )
    transaction.on_commit(lambda: notify_case_submitted.delay(case.pk))
    return case


@transaction.atomic
def withdraw_case(*, case: Case, actor, reason: str = "") -> Case:
    case = _transition(
        case,
        actor,
        allowed_from=(CaseStatus.DRAFT, CaseStatus.SUBMITTED),
        to=CaseStatus.WITHDRAWN,
        kind=CaseEvent.Kind.WITHDRAWN,
        note=reason,
    )
    return case


@transaction.atomic
def add_comment(
    *, case: Case, author, text: str, confirmed: Iterable[tuple[str, str]] = ()
) -> Comment:
    comment = Comment.objects.create(case=case, author=author, text=text)
    add_event(case, author, CaseEvent.Kind.COMMENTED)
    _confirmations(case, author, confirmed)
    return comment


@transaction.atomic
def adopt_proposed_rule(*, case: Case, actor, regulation, reference: str) -> Rule:
    """Turn the rule a professional described in words into a taxonomy entry (a lead's job).

    An existing rule with the same reference in that regulation is reused, not duplicated.
    """
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.rule_id:
        raise InvalidTransition("case already has a rule")
    rule, _ = Rule.objects.get_or_create(
        regulation=regulation,
        reference=reference.strip(),
        defaults={"description": current.proposed_rule},
    )
    Case.objects.filter(pk=current.pk).update(
        rule=rule, version=current.version + 1, updated_at=timezone.now()
    )
    add_event(current, actor, CaseEvent.Kind.EDITED, fields=["rule"], note=str(rule))
    return rule
