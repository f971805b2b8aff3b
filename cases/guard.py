"""The privacy guard in forms: every free-text field goes through `find_personal_data`.

A certain finding blocks the save. An uncertain one (a number that passes the BSN check but has
no cue nearby) blocks it until the person confirms the number is not personal data. Messages
name the field, the kind of data and where it is — never the value.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from .privacy import Kind, find_personal_data

KIND_LABELS = {
    Kind.BSN: _("a citizen service number (BSN)"),
    Kind.IBAN: _("a bank account number (IBAN)"),
    Kind.EMAIL: _("an e-mail address"),
    Kind.PHONE: _("a telephone number"),
    Kind.POSTCODE: _("a postcode with house number"),
    Kind.BIRTHDATE: _("a date of birth"),
}


@dataclass(frozen=True)
class Warning:
    field: str
    label: str
    kind: str
    position: int
    certain: bool

    @property
    def message(self) -> str:
        kind = KIND_LABELS[self.kind]
        if self.certain:
            return _(
                "“%(field)s” contains %(kind)s (at character %(position)s). "
                "Remove it or replace it with a pseudonym."
            ) % {"field": self.label, "kind": kind, "position": self.position}
        return _(
            "“%(field)s” contains a number that could be %(kind)s "
            "(at character %(position)s). If it is not personal data, confirm that below."
        ) % {"field": self.label, "kind": kind, "position": self.position}


def scan(fields: dict[str, tuple[str, str]]) -> list[Warning]:
    """fields: name -> (label, text). Returns the warnings, in field order."""
    warnings = []
    for name, (label, text) in fields.items():
        for finding in find_personal_data(text or ""):
            warnings.append(
                Warning(
                    field=name,
                    label=str(label),
                    kind=str(finding.kind),
                    position=finding.start + 1,
                    certain=finding.certain,
                )
            )
    return warnings


class PrivacyGuardedForm(forms.Form):
    """Mixin for forms whose `privacy_fields` must pass the guard.

    After `is_valid()`, `self.confirmed_findings` lists (field, kind) pairs the person confirmed
    are not personal data, for the timeline; `self.needs_confirmation` says whether to show the
    confirmation box.
    """

    privacy_fields: tuple[str, ...] = ()

    confirm_not_personal_data = forms.BooleanField(
        label=_("I confirm that the marked numbers are not personal data."),
        required=False,
    )

    def __init__(self, *args, confirmed_elsewhere: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A form nested in another (an action row in a decision) uses its parent's checkbox.
        self.confirmed_elsewhere = confirmed_elsewhere
        self.confirmed_findings: list[tuple[str, str]] = []
        self.needs_confirmation = False

    def check_privacy(self) -> None:
        texts = {
            name: (self.fields[name].label, self.cleaned_data.get(name) or "")
            for name in self.privacy_fields
            if name in self.fields
        }
        confirmed = self.confirmed_elsewhere or bool(
            self.cleaned_data.get("confirm_not_personal_data")
        )
        for warning in scan(texts):
            if warning.certain:
                self.add_error(warning.field, warning.message)
            elif confirmed:
                self.confirmed_findings.append((warning.field, warning.kind))
            else:
                self.needs_confirmation = True
                self.add_error(warning.field, warning.message)

    def clean(self):
        cleaned = super().clean()
        self.check_privacy()
        return cleaned
