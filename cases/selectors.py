"""Scoped getters: the one way a page fetches a case by its number (404 outside one's teams)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from .models import Case


def get_case_for(user, pk: int) -> Case:
    """The case, if this person may see it; 404 otherwise."""
    return get_object_or_404(
        Case.objects.visible_to(user).select_related(
            "team", "author", "rule__regulation", "barrier"
        ),
        pk=pk,
    )
