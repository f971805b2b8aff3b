"""The error summary of a refused form: each error as a link to the field it is about.

Used by templates/_form_errors.html (every app's forms) and by base.html, whose first skip
link goes to the summary when the page shows one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms, template
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext as _

register = template.Library()

# The id the error summary carries: the target of the skip link and of the script that moves
# focus to it. A page shows at most one summary, of the form that was just submitted.
SUMMARY_ID = "error-summary"


@dataclass(frozen=True)
class ErrorLink:
    href: str  # "#id" of the field, or "" for an error about the whole form
    label: str
    message: str


def _field_target(bound: forms.BoundField) -> str:
    widget = bound.field.widget
    if widget.is_hidden or not bound.auto_id:
        return ""
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        # A group has no element of its own id: go to its first option.
        return f"#{bound.auto_id}_0"
    return f"#{bound.auto_id}"


def _links(form: forms.BaseForm, row: int | None = None) -> list[ErrorLink]:
    first_field = next((bound for bound in form if not bound.field.widget.is_hidden), None)
    whole_form_target = _field_target(first_field) if (row and first_field) else ""
    links = [
        ErrorLink(whole_form_target, _row_label("", row), str(message))
        for message in form.non_field_errors()
    ]
    for bound in form:
        links.extend(
            ErrorLink(_field_target(bound), _row_label(str(bound.label or ""), row), str(message))
            for message in bound.errors
        )
    return links


def _row_label(label: str, row: int | None) -> str:
    if row is None:
        return label
    if not label:
        return _("Row %(number)s") % {"number": row}
    return _("%(field)s (row %(number)s)") % {"field": label, "number": row}


@register.simple_tag
def error_links(form) -> list[ErrorLink]:
    """Every error of the form, and of the formsets it holds (a decision's actions), in the
    order the fields appear."""
    if not isinstance(form, forms.BaseForm) or not form.is_bound:
        return []
    links = _links(form)
    for formset in _formsets(form):
        links.extend(ErrorLink("", "", str(message)) for message in formset.non_form_errors())
        for number, row in enumerate(formset.forms, start=1):
            links.extend(_links(row, number))
    return links


def _formsets(form: forms.BaseForm) -> list[BaseFormSet]:
    return [value for value in vars(form).values() if isinstance(value, BaseFormSet)]


@register.simple_tag(takes_context=True)
def error_summary_on_page(context) -> bool:
    """Whether the page shows an error summary: some form in its context has errors."""
    for value in context.flatten().values():
        if isinstance(value, forms.BaseForm) and error_links(value):
            return True
    return False
