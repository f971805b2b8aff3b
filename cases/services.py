"""Every change to a case: one function per change, atomic, and each writes a timeline event.

Status changes go through `cases.lifecycle`; free text goes through the privacy guard here, in
the service, whichever form or scenario calls it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from organisations import clock, outbox

from . import zaak
from .guard import Warning, guard, guard_model
from .keywords import case_keywords
from .lifecycle import InvalidTransition, submit_case, withdraw_case
from .models import Case, CaseEvent, CaseStatus, Comment, Rule

__all__ = ["InvalidTransition", "StaleCase", "submit_case", "withdraw_case"]


class StaleCase(Exception):
    """The case changed since the person opened it; nothing was overwritten."""


def add_event(case: Case, actor, kind: str, **kwargs) -> CaseEvent:
    """One entry on the case's timeline; every app writes the timeline through this (status
    changes through `cases.lifecycle`, which writes its own)."""
    return CaseEvent.objects.create(case=case, actor=actor, kind=kind, **kwargs)


def record_confirmations(case: Case, actor, confirmed: Iterable[Warning]) -> None:
    """Put on the timeline that the person confirmed uncertain findings are not personal data.

    Only where (the field) and the kind of data are stored, never the value.
    """
    pairs = sorted({(w.source or w.field, w.kind) for w in confirmed})
    if pairs:
        add_event(
            case,
            actor,
            CaseEvent.Kind.PRIVACY_CONFIRMED,
            fields=sorted({source for source, _ in pairs}),
            note=", ".join(f"{source}: {kind}" for source, kind in pairs),
        )


def checked_zaak(data: dict) -> dict:
    """`data` with its zaak reference in stored form; ValidationError keyed by field if invalid."""
    if not data.get("zaak_reference"):
        return data
    try:
        return {**data, "zaak_reference": zaak.parse(data["zaak_reference"]).value}
    except ValidationError as error:
        raise ValidationError({"zaak_reference": error.messages}) from error


def guard_case_text(data: dict, *, confirmed: bool) -> list[Warning]:
    texts = {name: data.get(name) or "" for name in Case.TEXT_FIELDS if name in data}
    return guard_model(Case, texts, confirmed=confirmed)


@transaction.atomic
def create_case(
    *,
    author,
    team,
    data: dict,
    public_values: Iterable = (),
    submit: bool = False,
    intake_token: uuid.UUID | None = None,
    confirmed: bool = False,
) -> tuple[Case, bool]:
    """Create a case as a draft, or submit it at once. Returns (case, created).

    The same intake token twice (a double submit) returns the first case instead of a second.
    Raises `PersonalDataRefused` for personal data in its text (see `cases.guard`).
    """
    findings = guard_case_text(data, confirmed=confirmed)
    data = checked_zaak(data)
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
    record_confirmations(case, author, findings)
    if submit:
        case = submit_case(case, author)
    return case, True


@transaction.atomic
def update_case(
    *,
    case: Case,
    actor,
    data: dict,
    public_values: Iterable,
    version: int,
    confirmed: bool = False,
) -> Case:
    """Save an edit made on `version`; refuse it when someone saved a newer version meanwhile."""
    findings = guard_case_text(data, confirmed=confirmed)
    data = checked_zaak(data)
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
        **data, keywords=case_keywords(current), version=version + 1, updated_at=clock.now()
    )
    if updated != 1:
        raise StaleCase
    current.refresh_from_db()
    current.public_values.set(public_values)
    add_event(current, actor, CaseEvent.Kind.EDITED, fields=changed)
    record_confirmations(current, actor, findings)
    if current.status != CaseStatus.DRAFT:
        from .tasks import index_case

        outbox.enqueue(index_case, current.pk)
    return current


@transaction.atomic
def add_comment(*, case: Case, author, text: str, confirmed: bool = False) -> Comment:
    findings = guard_model(Comment, {"text": text}, confirmed=confirmed)
    comment = Comment.objects.create(case=case, author=author, text=text)
    add_event(case, author, CaseEvent.Kind.COMMENTED)
    record_confirmations(case, author, findings)
    return comment


@transaction.atomic
def withdraw(*, case: Case, actor, reason: str = "", confirmed: bool = False) -> Case:
    """Withdraw a draft or submitted case, with the reason given (guarded: it is free text)."""
    label = capfirst(_("reason for withdrawing"))
    findings = guard({"reason": (label, reason)}, confirmed=confirmed, sources={"reason": "reason"})
    case = withdraw_case(case, actor, reason=reason)
    record_confirmations(case, actor, findings)
    return case


@transaction.atomic
def adopt_proposed_rule(*, case: Case, actor, regulation, reference: str) -> Rule:
    """Turn the rule a professional described in words into a taxonomy entry (a lead's job).

    An existing rule with the same reference in that regulation is reused, not duplicated.
    """
    guard_model(Rule, {"reference": reference}, confirmed=False)
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.rule_id:
        raise InvalidTransition("case already has a rule")
    rule, _ = Rule.objects.get_or_create(
        regulation=regulation,
        reference=reference.strip(),
        defaults={"description": current.proposed_rule},
    )
    Case.objects.filter(pk=current.pk).update(
        rule=rule, version=current.version + 1, updated_at=clock.now()
    )
    add_event(current, actor, CaseEvent.Kind.EDITED, fields=["rule"], note=str(rule))
    return rule
