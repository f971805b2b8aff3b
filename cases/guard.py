"""The privacy guard's one policy, for every service that stores free text.

A certain finding (a BSN that passes the 11-check after a cue, an IBAN, an e-mail address, a
street address, …) is refused. An uncertain one (a number that passes the BSN check with no cue
nearby, or what reads as a person's name) is refused until the person confirms it is not
personal data; the confirmation goes on the case's timeline
with the field and the kind of data, never the value. Services call `guard()`; forms only turn
the `PersonalDataRefused` it raises into field errors and a confirmation box. Messages name the
field, the kind of data and where it is — never the value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .people import PARTICLES, fold
from .privacy import Kind, find_personal_data

KIND_LABELS = {
    Kind.BSN: _("a citizen service number (BSN)"),
    Kind.IBAN: _("a bank account number (IBAN)"),
    Kind.EMAIL: _("an e-mail address"),
    Kind.PHONE: _("a telephone number"),
    Kind.POSTCODE: _("a postcode with house number"),
    Kind.BIRTHDATE: _("a date of birth"),
    Kind.NAME: _("a person's name"),
    Kind.ADDRESS: _("a street address"),
}


@dataclass(frozen=True)
class Warning:
    field: str
    label: str
    kind: str
    position: int
    certain: bool
    # Which sentence of the text it is in (1 = the first): a caseworker finds a sentence, not
    # a character position.
    sentence: int = 1
    # Where the text is stored, for the timeline: "situation" for a case's own field,
    # "deliberations.decision.rationale" for another model's.
    source: str = ""

    @property
    def message(self) -> str:
        kind = KIND_LABELS[self.kind]
        if self.certain:
            return _(
                "“%(field)s” contains %(kind)s in sentence %(sentence)s. "
                "Remove it or replace it with a pseudonym."
            ) % {"field": self.label, "kind": kind, "sentence": self.sentence}
        if self.kind == Kind.NAME:
            return _(
                "“%(field)s” contains what looks like %(kind)s, in sentence %(sentence)s. "
                "Replace a real name with a pseudonym such as “mevrouw X”; if it is not a "
                "person's name, confirm that below."
            ) % {"field": self.label, "kind": kind, "sentence": self.sentence}
        return _(
            "“%(field)s” contains a number that could be %(kind)s, in sentence %(sentence)s. "
            "If it is not personal data, confirm that below."
        ) % {"field": self.label, "kind": kind, "sentence": self.sentence}


class PersonalDataRefused(ValidationError):
    """Raised by a service that refused to store text with (unconfirmed) personal data.

    Its message dict is keyed by the service's field names, so a form can show each message at
    its field; `needs_confirmation` says whether confirming would let the text through.
    """

    def __init__(self, warnings: list[Warning]) -> None:
        self.warnings = list(warnings)
        self.needs_confirmation = any(not w.certain for w in self.warnings)
        messages: dict[str, list[str]] = defaultdict(list)
        for warning in self.warnings:
            messages[warning.field].append(str(warning.message))
        super().__init__(dict(messages))


def scan(
    fields: dict[str, tuple[str, str]],
    sources: dict[str, str] | None = None,
    colleagues: Iterable[str] = (),
) -> list:
    """fields: name -> (label, text). Returns the warnings, in field order.

    `colleagues` are the full names of staff the text may name (the people present at a
    meeting, in its minutes): they are not the citizen's personal data.
    """
    sources = sources or {}
    known = {fold(word) for name in colleagues for word in _NAME_WORD_RE.findall(name or "")}
    warnings = []
    for name, (label, text) in fields.items():
        for finding in find_personal_data(text or ""):
            if (
                finding.kind == Kind.NAME
                and known
                and _names_only(text[finding.start : finding.end], known)
            ):
                continue
            warnings.append(
                Warning(
                    field=name,
                    label=str(label),
                    kind=str(finding.kind),
                    position=finding.start + 1,
                    certain=finding.certain,
                    sentence=sentence_number(text or "", finding.start),
                    source=sources.get(name, name),
                )
            )
    return warnings


_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _names_only(found: str, known: set[str]) -> bool:
    """Whether every word of a found name is a word of a colleague's name (or a particle)."""
    words = [fold(word) for word in _NAME_WORD_RE.findall(found)]
    return all(word in known or word in PARTICLES for word in words)


_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n+")


def sentence_number(text: str, position: int) -> int:
    """The number of the sentence (1 = the first) in which `position` lies."""
    return 1 + sum(1 for _ in _SENTENCE_END.finditer(text, 0, position))


def guard(
    fields: dict[str, tuple[str, str]],
    *,
    confirmed: bool,
    sources: dict[str, str] | None = None,
    colleagues: Iterable[str] = (),
) -> list[Warning]:
    """Refuse certain findings, and uncertain ones unless `confirmed`.

    Returns the uncertain findings the person confirmed, for the timeline.
    """
    warnings = scan(fields, sources, colleagues)
    refused = [w for w in warnings if w.certain or not confirmed]
    if refused:
        raise PersonalDataRefused(refused)
    return warnings


def guard_model(
    model: type[models.Model],
    values: dict[str, str],
    *,
    confirmed: bool,
    keys: dict[str, str] | None = None,
    colleagues: Iterable[str] = (),
) -> list[Warning]:
    """`guard()` for text stored in `model`'s fields, labelled with their verbose names.

    `keys` renames a field in the refusal (the name the form uses), e.g. actions in a decision.
    """
    keys = keys or {}
    fields, sources = {}, {}
    for name, text in values.items():
        key = keys.get(name, name)
        fields[key] = (capfirst(model._meta.get_field(name.split(".")[-1]).verbose_name), text)
        sources[key] = source_of(model, name.split(".")[-1])
    return guard(fields, confirmed=confirmed, sources=sources, colleagues=colleagues)


def source_of(model: type[models.Model], field: str) -> str:
    """How the timeline names a field: plain for a case's own, qualified for another model's."""
    meta = model._meta
    if (meta.app_label, meta.model_name) == ("cases", "case"):
        return field
    return f"{meta.app_label}.{meta.model_name}.{field}"


class PrivacyGuardedForm(forms.Form):
    """Mixin for forms whose text a service stores: the confirmation box, and the refusal shown.

    The form does not decide what is personal data: the view passes `self.confirmed` to the
    service and, when it raises `PersonalDataRefused`, calls `self.refuse(exc)`.
    """

    confirm_not_personal_data = forms.BooleanField(
        label=_("I confirm that what is marked is not personal data."),
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.needs_confirmation = False

    @property
    def confirmed(self) -> bool:
        if hasattr(self, "cleaned_data"):
            return bool(self.cleaned_data.get("confirm_not_personal_data"))
        return False

    def refuse(self, refusal: PersonalDataRefused) -> None:
        """Show the service's refusal: each message at its field, and the confirmation box."""
        self.needs_confirmation = refusal.needs_confirmation
        for warning in refusal.warnings:
            field = self.error_field(warning.field)
            self.add_error(field, self.relabel(warning, field).message)

    def error_field(self, key: str) -> str | None:
        return key if key in self.fields else None

    def relabel(self, warning: Warning, field: str | None) -> Warning:
        """The warning, naming the field as this form labels it."""
        if field is None or not self.fields[field].label:
            return warning
        return replace(warning, label=str(self.fields[field].label))
